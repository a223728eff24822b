"""gunicorn settings for the broker, in one file. Every value can be overridden from the environment."""

import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

# In production, all interfaces on $PORT (a platform routes to the container's address, never to its
# loopback); elsewhere loopback only. HOST overrides either.
_DEFAULT_HOST = "0.0.0.0" if os.environ.get("BROKER_ENV") == "production" else "127.0.0.1"  # noqa: S104
bind = f"{os.environ.get('HOST', _DEFAULT_HOST)}:{os.environ.get('PORT', '8000')}"
# Signing is CPU-bound: one sync worker per core, plus one, keeps both cores busy without thrashing.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
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

# Prometheus multiprocess mode (service/metrics.py): every worker writes its samples to files in this
# directory and a scrape adds them up, whichever worker answers it. prometheus_client reads the variable
# when it is imported, so it is set here, in the master, before any worker exists and before anything
# imports the library; the workers inherit it. Without it a scrape would show one worker's share.
_MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
_OWNED_MARK = "BROKER_OWNS_METRICS_DIR"
if _MULTIPROC_ENV not in os.environ:
    os.environ[_MULTIPROC_ENV] = tempfile.mkdtemp(prefix="broker-metrics-")
    # Marked, so a config reload (SIGHUP re-reads this file) still knows the directory is ours to remove.
    os.environ[_OWNED_MARK] = "1"


# The settings are checked once, here in the master, before any worker starts: a bad one ends the start
# with one `config error:` line and status 2 instead of a traceback from every worker. Imported only now:
# the metrics directory above must be set before anything loads prometheus_client.
from service.preflight import log_start, settings_or_exit  # noqa: E402

_settings = settings_or_exit()


def on_starting(server: object) -> None:
    """Log what is configured; start the metrics from empty (a previous run's files would add up)."""
    log_start(_settings)
    directory = Path(os.environ[_MULTIPROC_ENV])
    directory.mkdir(parents=True, exist_ok=True)
    for leftover in directory.glob("*.db"):
        leftover.unlink()


def post_worker_init(worker: Any) -> None:
    """Start this worker's audit writer now: it inserts the rows a killed worker left on disk (service/audit)."""
    from service.audit.writer import start_all

    start_all()


def worker_exit(server: object, worker: Any) -> None:
    """Write the audit rows this worker still has queued before it goes (service/audit/writer.py)."""
    from service.audit.writer import flush_all

    flush_all(timeout=graceful_timeout / 2)


def child_exit(server: object, worker: Any) -> None:
    """Drop a dead worker's live gauges (key age); its counters stay, so totals never go down."""
    # Imported here, never at the top: the variable above must be set before prometheus_client loads.
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server: object) -> None:
    """Remove the metrics directory if this file made it."""
    if os.environ.get(_OWNED_MARK) == "1":
        shutil.rmtree(os.environ[_MULTIPROC_ENV], ignore_errors=True)
