"""The broker explains itself: `/` (what this service is), `/docs` (the API reference, rendered by Swagger UI)."""
