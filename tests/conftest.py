"""Fixtures: a real Secrets Manager emulator over HTTP, a fresh database per test, the app and dev data."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from moto.server import ThreadedMotoServer
from werkzeug.serving import make_server

from service import create_app
from service.db import migrate as migrations
from service.dev import seed as devseed
from service.dev.sandbox import create_sandbox_app, relying_party
from service.wiring import Services, services
from tests.ports import free_port
from tests.privacy import WATCH
from tests.smtp import Collector, smtp_server

# boto3 needs credentials; the emulator accepts any. Set before any client is built.
os.environ.update(
    AWS_ACCESS_KEY_ID="test-emulator",
    AWS_SECRET_ACCESS_KEY="test-emulator",
    AWS_REGION="eu-north-1",
    AWS_DEFAULT_REGION="eu-north-1",
)
os.environ.pop("AWS_PROFILE", None)

ROOT = Path(__file__).resolve().parent.parent
# The ExorLive document's example payloads, exactly as the dev seed uses them.
SEED_MAIN_PAYLOAD: dict[str, Any] = devseed.SAMPLE_PAYLOADS["exorlive-main"]
SEED_GO_PAYLOAD: dict[str, Any] = devseed.SAMPLE_PAYLOADS["exorlive-go"]
SEED_PAYLOADS = {"exorlive-main": SEED_MAIN_PAYLOAD, "exorlive-go": SEED_GO_PAYLOAD, "generic": {"userId": "u-123"}}


def pytest_configure(config: pytest.Config) -> None:
    logging.getLogger().addHandler(WATCH)
    # aiosmtpd logs every MAIL FROM and RCPT TO at INFO: that is the test's mail server talking, not the broker.
    logging.getLogger("mail.log").setLevel(logging.WARNING)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    leaks = WATCH.leaks()
    if leaks:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"PRIVACY: {len(leaks)} log line(s) carry secrets or personal data:", red=True)
            for needle, line in leaks[:20]:
                reporter.write_line(f"  {needle} in: {line}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def emulator() -> Iterator[str]:
    """The moto server on loopback: Secrets Manager over real HTTP, as in production."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per session; each test gets a copy (migrations are tested on their own)."""
    path = tmp_path_factory.mktemp("template") / "broker.sqlite3"
    migrations.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def db_url(tmp_path: Path, migrated_template: Path) -> str:
    path = tmp_path / "broker.sqlite3"
    shutil.copyfile(migrated_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def config(db_url: str, emulator: str, request: pytest.FixtureRequest) -> dict[str, Any]:
    """The app's settings; a test adds its own with @pytest.mark.settings(NAME="value")."""
    marker = request.node.get_closest_marker("settings")
    return {
        "BROKER_ENV": "test",
        "DATABASE_URL": db_url,
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
        "PUBLIC_BASE_URL": BROKER_URL,
        # DEBUG, so the privacy watch sees everything the code could ever log.
        "LOG_LEVEL": "DEBUG",
        **(marker.kwargs if marker else {}),
    }


class Clock:
    """Real time plus an offset that tests move forward instead of sleeping."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def inbox() -> Iterator[tuple[Collector, int]]:
    """A real SMTP server (aiosmtpd) on loopback: what it received, and its port."""
    collector = Collector()
    with smtp_server(collector) as port:
        yield collector, port


@pytest.fixture
def app(config: dict[str, Any], tmp_path: Path, clock: Clock) -> Flask:
    app = create_app(config, clock=clock)
    app.instance_path = str(tmp_path / "instance")
    return app


@pytest.fixture
def svc(app: Flask) -> Services:
    return services(app)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@contextlib.contextmanager
def serve_wsgi(app: Any) -> Iterator[str]:
    """Serve a WSGI app over real HTTP on loopback in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        server.server_close()


BROKER_URL = "http://broker.test"


@pytest.fixture(scope="session")
def sandbox(emulator: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sandbox relying party over HTTP, verifying against a broker's JWKS served over HTTP.

    Every test's broker signs with the same dev key (the dev seed reuses the emulator's dev secret) and
    the same issuer, so one sandbox and one JWKS server serve the whole session.
    """
    folder = tmp_path_factory.mktemp("sandbox-broker")
    url = f"sqlite:///{folder / 'broker.sqlite3'}"
    migrations.upgrade(url)
    broker = create_app(
        {"DATABASE_URL": url, "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator, "PUBLIC_BASE_URL": BROKER_URL}
    )
    with broker.app_context():
        devseed.seed(services(broker), str(folder), "http://unused.test")
    with serve_wsgi(broker) as broker_base:
        sandbox_port = free_port()
        sandbox_base = f"http://127.0.0.1:{sandbox_port}"
        rp = create_sandbox_app(
            {
                "SANDBOX_JWKS_URL": f"{broker_base}/.well-known/jwks.json",
                "SANDBOX_ISSUER": BROKER_URL,
                "SANDBOX_PUBLIC_URL": sandbox_base,
                "LOG_LEVEL": "DEBUG",
            }
        )
        server = make_server("127.0.0.1", sandbox_port, rp, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield sandbox_base
        finally:
            server.shutdown()
            server.server_close()
            relying_party(rp).close()
    services(broker).store.engine.dispose()


@pytest.fixture
def creds(app: Flask, svc: Services, sandbox: str) -> dict[str, Any]:
    """The dev seed's credentials (dev tenant, ES256 keyset, three profiles, two API keys)."""
    with app.app_context():
        document = devseed.seed(svc, app.instance_path, sandbox)
    WATCH.watch(document["apiKey"], document["adminApiKey"])
    return document


def bearer(api_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"}


def generate(
    client: FlaskClient, creds: dict[str, Any], profile: str = "generic", *, key: str = "apiKey", **body: Any
) -> Any:
    """POST generateJWT for a dev profile with its seed payload unless the body says otherwise.

    `key` names the credential: "apiKey" (no scopes) or "adminApiKey" (every scope).
    """
    if "profileKey" not in body:
        body["profileKey"] = creds["profiles"][profile]
    if "payload" not in body:
        body["payload"] = SEED_PAYLOADS[profile]
    response = client.post("/api/v1/generateJWT", json=body, headers=bearer(creds[key]))
    if response.status_code == 200:
        WATCH.watch(response.get_json()["token"])
    return response


def problem(response: Any, status: int, code: str) -> dict[str, Any]:
    """Assert an RFC 9457 problem with this status and code, and return its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = json.loads(response.get_data())
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["type"].endswith("/" + code)
    assert body["title"]
    assert body["detail"]
    assert body["requestId"]
    assert response.headers["X-Request-Id"] == body["requestId"]
    return body


POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the local server, dropped afterwards."""
    import psycopg

    name = f"broker_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is needed at {POSTGRES_ADMIN_URL} (see README, 'Services'): {error}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_database() as url:
        yield url


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The machine's Redis (TEST_REDIS_URL); tests keep apart by their fresh API keys' prefixes."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis is needed at {REDIS_URL} (see README, 'Services'): {type(error).__name__}")
    return REDIS_URL


class PrivateRedis:
    """A redis-server of this test's own on a free loopback port, to stop and start at will."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._directory = directory
        self._process: Any = None

    def start(self) -> None:
        import subprocess

        import redis

        server = shutil.which("redis-server")
        if server is None:
            pytest.fail("redis-server is needed for this test (Debian package redis-server)")
        self._process = subprocess.Popen(
            [server, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self._directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis(port=self.port, socket_connect_timeout=0.2).ping()
                return
            except redis.RedisError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(10)
            self._process = None


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()
