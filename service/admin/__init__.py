"""Administration: the operations the CLI (and the dev seed) share, and the `flask --app service` CLI."""
