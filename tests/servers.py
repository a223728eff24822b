"""The broker under gunicorn for integration tests: started with gunicorn.conf.py, stopped, its output watched."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
import requests

from tests.privacy import WATCH

ROOT = Path(__file__).resolve().parent.parent


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
