"""gunicorn settings for the broker, in one file. Every value can be overridden from the environment."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Signing is CPU-bound: one sync worker per core, plus one, keeps both cores busy without thrashing.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "sync"
# Each worker builds its own app: database pools and HTTP clients are never shared across a fork.
preload_app = False
timeout = 30
graceful_timeout = 10
keepalive = 5
# Request lines and headers bounded; bodies are bounded by the app (MAX_BODY_BYTES).
limit_request_line = 4096
limit_request_fields = 50
# The app writes its own JSON access line (route pattern, no query string); gunicorn's would log raw paths.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
wsgi_app = "service.wsgi:app"
