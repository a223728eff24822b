"""Secrets Manager for the tests: the emulator and its credentials, and clients from one boto3 Session per process.

A boto3 Session loads botocore's service data when it makes its first client; a new Session for every app
(what `make_client` does, right for a process that builds one client) cost the suite about 0.2 s per app.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import boto3
import botocore.config
from moto.server import ThreadedMotoServer

from service.keys.secrets_manager import BROKER_CLIENT_CONFIG, new_client
from tests.support.ports import free_port

REGION = "eu-north-1"

_session: boto3.session.Session | None = None
# A Session is not thread-safe; apps are built in the test's thread, but a lock costs nothing.
_lock = threading.Lock()


def use_emulator_credentials() -> None:
    """boto3 needs credentials; the emulator accepts any. Called before any client is built."""
    os.environ.update(
        AWS_ACCESS_KEY_ID="test-emulator",
        AWS_SECRET_ACCESS_KEY="test-emulator",
        AWS_REGION=REGION,
        AWS_DEFAULT_REGION=REGION,
    )
    os.environ.pop("AWS_PROFILE", None)


def shared_session() -> boto3.session.Session:
    """The test process's one boto3 Session (made on first use, after the credentials are set)."""
    global _session
    with _lock:
        if _session is None:
            _session = boto3.session.Session()
        return _session


def secrets_client(
    endpoint: str | None,
    *,
    region: str = REGION,
    config: botocore.config.Config | None = BROKER_CLIENT_CONFIG,
) -> Any:
    """A new Secrets Manager client on `endpoint`, from the shared Session: as the broker's, unless `config` says.

    A client per call, not one per endpoint: a client from a warm Session costs milliseconds, and an app's
    own client keeps tests apart. Tests register event handlers on `svc.secrets_client` and count its
    calls, which an earlier test's app (its key refresher still running) would add to on a shared client.
    `config=None` gives botocore's defaults: a plain client, as an operator's machine has.
    """
    session = shared_session()
    with _lock:
        return new_client(region, endpoint, config or botocore.config.Config(), session)


class Emulator:
    """A moto server on a free loopback port: Secrets Manager over real HTTP, to stop and start again on that port.

    moto keeps its state in-process, so every emulator of a test process serves the same secrets, and a
    restarted one serves what it served before.
    """

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: ThreadedMotoServer | None = None

    def start(self) -> None:
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
