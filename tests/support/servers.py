"""Servers for the tests: a WSGI app or the sandbox relying party in a thread, the broker under gunicorn."""

from __future__ import annotations

import contextlib
import dataclasses
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import requests
from werkzeug.serving import make_server

from service.dev.sandbox import create_sandbox_app, relying_party
from tests.support.api import SEED_PAYLOADS, bearer
from tests.support.paths import ROOT
from tests.support.ports import free_port
from tests.support.privacy import WATCH
from tests.support.processes import children
from tests.support.waiting import wait_until


@contextlib.contextmanager
def serve_wsgi(app: Any, port: int = 0) -> Iterator[str]:
    """Serve a WSGI app over real HTTP on loopback in a thread (on `port`, or a free one); yields its base URL."""
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_sandbox(
    jwks_url: str, issuer: str, *, clock: Callable[[], float] | None = None, **settings: str
) -> Iterator[str]:
    """The sandbox relying party over HTTP on a free loopback port; yields its base URL.

    It verifies tokens from `issuer` against the JWKS at `jwks_url`, fetched over HTTP when a token first
    needs it (so the broker may start after it). `settings` adds or overrides SANDBOX_* settings; it logs
    at DEBUG, so the privacy watch sees everything it could ever log.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    rp = create_sandbox_app(
        {
            "SANDBOX_JWKS_URL": jwks_url,
            "SANDBOX_ISSUER": issuer,
            "SANDBOX_PUBLIC_URL": base,
            "LOG_LEVEL": "DEBUG",
            **settings,
        },
        clock=clock,
    )
    try:
        with serve_wsgi(rp, port):
            yield base
    finally:
        relying_party(rp).close()


@dataclasses.dataclass(frozen=True)
class Gunicorn:
    """A running gunicorn: its base URL and its master's process id."""

    base: str
    pid: int

    def workers(self) -> list[int]:
        """The process ids of its workers now (the master's children)."""
        return children(self.pid)


@contextlib.contextmanager
def run_gunicorn(
    env: Mapping[str, str], log_path: Path, *, ready_path: str = "/healthz", timeout: float = 30
) -> Iterator[str]:
    """gunicorn on env["PORT"] until `ready_path` answers; yields the base URL. Its output joins the privacy watch."""
    with gunicorn_server(env, log_path, ready_path=ready_path, timeout=timeout) as server:
        yield server.base


@contextlib.contextmanager
def gunicorn_server(
    env: Mapping[str, str], log_path: Path, *, ready_path: str = "/healthz", timeout: float = 30
) -> Iterator[Gunicorn]:
    """As `run_gunicorn`, for a test that also needs the master's process id (to find and kill a worker).

    Each server gets an audit spool of its own beside its log, as each instance has its own disk: a spool
    shared with other tests' brokers would replay their rows into this test's database.
    """
    base = f"http://127.0.0.1:{env['PORT']}"
    spool = log_path.with_name(log_path.stem + "-audit-spool")
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "AUDIT_SPOOL_DIR": str(spool)},
            stdout=log,
            stderr=log,
        )

    def log_tail() -> str:
        return log_path.read_text()[-3000:]

    def ready() -> bool:
        try:
            if requests.get(f"{base}{ready_path}", timeout=2).ok:
                return True
        except requests.RequestException:
            pass
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited before it started:\n{log_tail()}")
        return False

    try:
        wait_until(ready, timeout=timeout, interval=0.2, what=f"gunicorn to answer {ready_path}", detail=log_tail)
        yield Gunicorn(base, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=15)
        WATCH.add_text(log_path.read_text())


def mint_over_http(
    base: str,
    api_key: str,
    creds: Mapping[str, Any],
    profile: str = "generic",
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> requests.Response:
    """generateJWT over HTTP for a seeded profile with its sample payload; a returned token joins the privacy watch."""
    body = {"profileKey": creds["profiles"][profile], "payload": SEED_PAYLOADS[profile], **extra}
    response = requests.post(
        f"{base}/api/v1/generateJWT", json=body, headers={**bearer(api_key), **(headers or {})}, timeout=10
    )
    if response.ok:
        WATCH.watch(response.json().get("token", ""))
    return response
