"""Administration: the `flask --app service` CLI."""
