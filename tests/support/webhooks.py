"""A webhook receiver for the tests: a real HTTP server on loopback that records what it is sent, answers what a
test tells it to (2xx, 503, or nothing for a while), and can be stopped and started again on the same port.
Every delivery is checked with the `standardwebhooks` package from PyPI, never with the broker's own code."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient
from standardwebhooks import Webhook

from tests.support.api import bearer
from tests.support.paths import ROOT
from tests.support.ports import free_port
from tests.support.privacy import WATCH
from tests.support.servers import serve_wsgi


@dataclasses.dataclass(frozen=True)
class Received:
    body: bytes
    headers: dict[str, str]
    status: int  # what the receiver answered

    @property
    def id(self) -> str:
        return self.headers["webhook-id"]


class Receiver:
    """A WSGI app that records each POST; `status` is what it answers, `delay` how long it waits first."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hooks"
        self.status = 204
        self.delay = 0.0
        self.received: list[Received] = []
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        headers = {
            key[5:].replace("_", "-").lower(): value for key, value in environ.items() if key.startswith("HTTP_")
        }
        headers["content-type"] = environ.get("CONTENT_TYPE", "")
        with self._lock:
            status, delay = self.status, self.delay
            self.received.append(Received(body, headers, status))
        if delay:
            time.sleep(delay)
        start_response(f"{status} Answer", [("Content-Length", "0")])
        return [b""]

    @contextlib.contextmanager
    def serving(self) -> Iterator[Receiver]:
        """Up on its port until the block ends (then connections to it are refused)."""
        with serve_wsgi(self, self.port):
            yield self

    def ids(self) -> list[str]:
        with self._lock:
            return [item.id for item in self.received]

    def verified(self, secret: str) -> list[dict[str, Any]]:
        """Every request received, verified as Standard Webhooks with `secret`; their JSON bodies."""
        with self._lock:
            received = list(self.received)
        return [Webhook(secret).verify(item.body, item.headers) for item in received]


def register(
    client: FlaskClient, creds: dict[str, Any], url: str, events: list[str] | None = None, **extra: Any
) -> dict[str, Any]:
    """Register a webhook endpoint over the API with the dev admin key; its secret joins the privacy watch."""
    body: dict[str, Any] = {"url": url, **extra}
    if events is not None:
        body["events"] = events
    response = client.post("/api/v1/webhooks", json=body, headers=bearer(creds["adminApiKey"]))
    assert response.status_code == 201, response.get_data(as_text=True)
    created: dict[str, Any] = response.get_json()
    WATCH.watch(created["secret"])
    return created


@contextlib.contextmanager
def dispatcher_process(settings: Mapping[str, str], log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`flask --app service webhooks dispatch` as the Procfile runs it, on `settings`; its output joins the watch."""
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "service", "webhooks", "dispatch"],
            cwd=ROOT,
            env={**os.environ, **settings},
            stdout=log,
            stderr=log,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=15)
        WATCH.add_text(log_path.read_text())
