"""WSGI entry point for gunicorn: `service.sandbox.wsgi:app`, with ONE worker (sessions are in memory)."""

from service.sandbox import create_sandbox_app

app = create_sandbox_app()
