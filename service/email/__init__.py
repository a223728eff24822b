"""Email: SMTP settings, the launch-link message, the sender, and the request's `email` object."""
