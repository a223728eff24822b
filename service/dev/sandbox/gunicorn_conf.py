"""gunicorn settings for the sandbox relying party under `make run` (the broker's are in gunicorn.conf.py)."""

import os

# Loopback unless `make run` was asked to be reachable from other machines (PUBLIC_HOST; development only).
bind = f"{os.environ.get('SANDBOX_HOST', '127.0.0.1')}:{os.environ.get('SANDBOX_PORT', '8001')}"
# One worker: the sandbox keeps its one-time sessions and replay cache in memory; threads are fine.
workers = 1
threads = 4
wsgi_app = "service.dev.sandbox.wsgi:app"
errorlog = "-"
loglevel = "warning"
