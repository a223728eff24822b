"""Databases for the tests: a fresh PostgreSQL database, a redis-server of a test's own, the migrations round trip."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from service.db import migrate as migrations
from service.db.database import make_engine
from service.db.migrations.tables import metadata
from tests.support.ports import free_port
from tests.support.waiting import wait_until

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
# The machine's Redis, but a database of the tests' own: a developer's data lives in database 0.
DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379/15"
REDIS_URL = os.environ.get("TEST_REDIS_URL", DEFAULT_TEST_REDIS_URL)


def redis_database(url: str) -> int:
    """The database a redis:// (or unix://) URL selects, read as redis-py reads it: 0 when it names none."""
    import redis

    return int(redis.ConnectionPool.from_url(url).connection_kwargs.get("db") or 0)


def checked_redis_url(url: str) -> str:
    """`url`, unless it selects database 0: the tests never write into a developer's own."""
    if redis_database(url) == 0:
        pytest.fail(
            f"TEST_REDIS_URL={url} selects database 0, a developer's own: name another one, "
            f"e.g. {DEFAULT_TEST_REDIS_URL} (see docs/development.md, 'Services')"
        )
    return url


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the local server, dropped afterwards."""
    import psycopg

    name = f"broker_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is needed at {POSTGRES_ADMIN_URL} (see docs/development.md, 'Services'): {error}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class PrivateRedis:
    """A redis-server of this test's own on a free loopback port, to stop and start at will."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._directory = directory
        self._process: Any = None

    def start(self) -> None:
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

        def answers() -> bool:
            try:
                return bool(redis.Redis(port=self.port, socket_connect_timeout=0.2).ping())
            except redis.RedisError:
                return False

        wait_until(answers, timeout=10, interval=0.05, what=f"redis-server to answer on port {self.port}")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(10)
            self._process = None


MIGRATED_TABLES = {
    "tenants",
    "api_keys",
    "keysets",
    "profiles",
    "launch_links",
    "link_events",
    "test_mails",
    "idempotency_records",
    "audit_events",
    "webhook_endpoints",
    "webhook_events",
    "webhook_deliveries",
    "console_users",
    "console_sign_ins",
    "console_sessions",
    "console_identity_providers",
    "console_identity_provider_domains",
    "alembic_version",
}


def migrations_round_trip(url: str) -> None:
    """Up, down to nothing and up again on `url`; after each up, the tables match the models exactly."""
    migrations.upgrade(url)
    engine = make_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) == MIGRATED_TABLES
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        migrations.downgrade(url, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        migrations.upgrade(url)
        assert set(inspect(engine).get_table_names()) == MIGRATED_TABLES
    finally:
        engine.dispose()
