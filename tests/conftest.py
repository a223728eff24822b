"""Fixtures: a real Secrets Manager emulator over HTTP, a fresh database per test, the app and dev data.

Only fixtures and hooks live here; helpers are in tests/support.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.db import migrate as migrations
from service.db.database import Database, make_engine
from service.wiring import Services, Stores, services
from tests.support.api import BROKER_URL
from tests.support.apps import build_app, seed_dev
from tests.support.aws import Emulator, use_emulator_credentials
from tests.support.clock import Clock
from tests.support.databases import postgres_database
from tests.support.privacy import WATCH
from tests.support.servers import serve_sandbox, serve_wsgi
from tests.support.smtp import Collector, smtp_server

# The spool folder this run made (removed at its end), if it made one.
_OWN_SPOOL: list[str] = [""]


def pytest_configure(config: pytest.Config) -> None:
    use_emulator_credentials()
    # Audit rows a test's database refused wait in this run's own spool, never in the project's instance/
    # (where a later run's broker would replay them into its database). Subprocesses inherit it.
    if "AUDIT_SPOOL_DIR" not in os.environ:
        os.environ["AUDIT_SPOOL_DIR"] = _OWN_SPOOL[0] = tempfile.mkdtemp(prefix="broker-audit-spool-")
    logging.getLogger().addHandler(WATCH)
    # aiosmtpd logs every MAIL FROM and RCPT TO at INFO: that is the test's mail server talking, not the broker.
    logging.getLogger("mail.log").setLevel(logging.WARNING)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _OWN_SPOOL[0]:
        shutil.rmtree(_OWN_SPOOL[0], ignore_errors=True)


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
    server = Emulator()
    server.start()
    yield server.url
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
def config(db_url: str, emulator: str, tmp_path: Path, request: pytest.FixtureRequest) -> dict[str, Any]:
    """The app's settings; a test adds its own with @pytest.mark.settings(NAME="value")."""
    marker = request.node.get_closest_marker("settings")
    return {
        "BROKER_ENV": "test",
        "DATABASE_URL": db_url,
        # The test's own spool: rows another test's database refused are never replayed into this one's.
        "AUDIT_SPOOL_DIR": str(tmp_path / "audit-spool"),
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
        "PUBLIC_BASE_URL": BROKER_URL,
        # DEBUG, so the privacy watch sees everything the code could ever log.
        "LOG_LEVEL": "DEBUG",
        **(marker.kwargs if marker else {}),
    }


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
    app = build_app(config, clock=clock)
    app.instance_path = str(tmp_path / "instance")
    return app


@pytest.fixture
def svc(app: Flask) -> Services:
    return services(app)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def sandbox(emulator: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sandbox relying party over HTTP, verifying against a broker's JWKS served over HTTP.

    Every test's broker signs with the same dev key (the dev seed reuses the emulator's dev secret) and
    the same issuer, so one sandbox and one JWKS server serve the whole session.
    """
    folder = tmp_path_factory.mktemp("sandbox-broker")
    url = f"sqlite:///{folder / 'broker.sqlite3'}"
    migrations.upgrade(url)
    broker = build_app(
        {"DATABASE_URL": url, "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator, "PUBLIC_BASE_URL": BROKER_URL}
    )
    seed_dev(broker, str(folder), "http://unused.test")
    with serve_wsgi(broker) as broker_base, serve_sandbox(f"{broker_base}/.well-known/jwks.json", BROKER_URL) as base:
        yield base
    services(broker).db.engine.dispose()


@pytest.fixture
def creds(app: Flask, svc: Services, sandbox: str) -> dict[str, Any]:
    """The dev seed's credentials (dev tenant, ES256 keyset, three profiles, two API keys)."""
    return seed_dev(app, app.instance_path, sandbox)


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, db_url: str) -> Iterator[Database]:
    """A migrated database, once on SQLite and once on PostgreSQL (their row locks differ)."""
    with contextlib.ExitStack() as stack:
        url = db_url if request.param == "sqlite" else stack.enter_context(postgres_database())
        if request.param == "postgres":
            migrations.upgrade(url)
        db = Database(make_engine(url))
        stack.callback(db.engine.dispose)
        yield db


@pytest.fixture
def stores(database: Database) -> Stores:
    """Every feature's store over `database`."""
    return Stores.over(database)
