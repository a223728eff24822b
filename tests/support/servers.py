"""Servers for the tests: a WSGI app or the sandbox relying party in a thread, the broker under gunicorn."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import requests
from werkzeug.serving import make_server

from service.db import migrate as migrations
from service.dev.sandbox import create_sandbox_app, relying_party
from service.wiring import services
from tests.support.api import SEED_PAYLOADS, bearer
from tests.support.apps import build_app, seed_dev
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


def serve_broker(
    database_url: str, emulator: str, folder: Path, public_base_url: str, *, workers: int = 4
) -> Iterator[dict[str, Any]]:
    """The broker as deployed, for a module's fixture (`yield from`): production settings, `database_url` migrated,
    Secrets Manager at `emulator` over HTTP, the dev seed, `workers` gunicorn workers; yields its base URL, the
    seed's credentials and gunicorn's log ({"base", "creds", "log"}). Its files go in `folder`.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "BROKER_ENV": "production",
        "DATABASE_URL": database_url,
        "SUBJECT_HASH_KEY": secrets.token_urlsafe(36),
        "SERVER_SECRET": secrets.token_urlsafe(36),
        # Production wants https: TLS ends at a proxy in front, so links name this address, not the port.
        "PUBLIC_BASE_URL": public_base_url,
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
        "PORT": str(port),
        # Several processes (four by default), so concurrent requests really race in the database.
        "WEB_CONCURRENCY": str(workers),
        "LOG_LEVEL": "DEBUG",
    }
    migrations.upgrade(database_url)
    app = build_app({k: env[k] for k in ("BROKER_ENV", "DATABASE_URL", "SUBJECT_HASH_KEY", "SERVER_SECRET",
                                          "PUBLIC_BASE_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER")})  # fmt: skip
    # A sandbox relying party that verifies against this broker's JWKS, for the exchange profile.
    with serve_sandbox(f"{base}/.well-known/jwks.json", public_base_url) as sandbox:
        creds = seed_dev(app, str(folder), sandbox)
        services(app).db.engine.dispose()
        log_path = folder / "gunicorn.log"
        with run_gunicorn(env, log_path):
            yield {"base": base, "creds": creds, "log": log_path}


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
