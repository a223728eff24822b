"""WSGI entry point for gunicorn: `service.dev.sandbox.wsgi:app`, with ONE worker (sessions are in memory)."""

from service.dev.sandbox import create_sandbox_app

app = create_sandbox_app()
