"""The partner console: `/console`, where a tenant's people sign in and look after their links."""
