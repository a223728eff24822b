"""The broker under gunicorn for integration tests: started with gunicorn.conf.py, stopped, its output watched."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.conftest import ROOT, SEED_PAYLOADS, bearer
from tests.privacy import WATCH


@contextlib.contextmanager
def run_gunicorn(
    env: Mapping[str, str], log_path: Path, *, ready_path: str = "/healthz", timeout: float = 30
) -> Iterator[str]:
    """gunicorn on env["PORT"] until `ready_path` answers; yields the base URL. Its output joins the privacy watch."""
    base = f"http://127.0.0.1:{env['PORT']}"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=dict(env),
            stdout=log,
            stderr=log,
        )
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if requests.get(f"{base}{ready_path}", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield base
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
        WATCH.watch(response.json()["token"])
    return response
