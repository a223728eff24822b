"""The engine: a failed statement's text holds no values; a PostgreSQL connection gives up in seconds; a pooled
connection is pinged when it may have died, not on every checkout."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from service.db import database
from service.db.database import make_engine
from tests.support.databases import POSTGRES_ADMIN_URL, postgres_database
from tests.support.waiting import wait_until

SECRET_VALUE = "recipient-hash-4f1c9a"


def test_a_failed_statements_error_does_not_carry_its_parameters(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'e.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (v TEXT UNIQUE)"))
        connection.execute(text("INSERT INTO t VALUES (:v)"), {"v": SECRET_VALUE})
    with pytest.raises(IntegrityError) as raised, engine.begin() as connection:
        connection.execute(text("INSERT INTO t VALUES (:v)"), {"v": SECRET_VALUE})
    assert SECRET_VALUE not in str(raised.value)
    assert "hidden due to hide_parameters" in str(raised.value)


def test_a_postgresql_server_that_never_answers_fails_the_connection_in_seconds() -> None:
    # A loopback port that accepts TCP (the kernel completes the handshake) but never speaks PostgreSQL.
    with socket.create_server(("127.0.0.1", 0), backlog=8) as silent:
        port = silent.getsockname()[1]
        failures: list[BaseException] = []

        def connect() -> None:
            try:
                make_engine(f"postgresql://127.0.0.1:{port}/test").connect()
            except OperationalError as error:
                failures.append(error)

        started = time.monotonic()
        attempt = threading.Thread(target=connect, daemon=True)
        attempt.start()
        attempt.join(30)
        assert not attempt.is_alive(), "the connection attempt was still waiting after 30 s"
        assert failures
        assert time.monotonic() - started < 15


def test_the_urls_own_connect_timeout_is_kept() -> None:
    with socket.create_server(("127.0.0.1", 0), backlog=8) as silent:
        started = time.monotonic()
        with pytest.raises(OperationalError):
            make_engine(f"postgresql://127.0.0.1:{silent.getsockname()[1]}/test?connect_timeout=2").connect()
        assert time.monotonic() - started < 4.5


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Engine, list[int]]]:
    """A PostgreSQL engine with one pooled connection, and a list of the backends its pings went to."""
    with postgres_database() as url:
        engine = make_engine(url)
        pings: list[int] = []
        ping = engine.dialect.do_ping

        def counted(dbapi_connection: Any) -> bool:
            pings.append(dbapi_connection.info.backend_pid)
            return ping(dbapi_connection)

        monkeypatch.setattr(engine.dialect, "do_ping", counted)
        try:
            yield engine, pings
        finally:
            engine.dispose()


def _backend(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def test_a_connection_handed_back_a_moment_ago_is_used_without_a_ping(pooled: tuple[Engine, list[int]]) -> None:
    engine, pings = pooled
    first = _backend(engine)
    assert [_backend(engine) for _ in range(5)] == [first] * 5
    assert pings == []


def test_a_connection_the_server_ended_while_pooled_is_replaced_not_used(pooled: tuple[Engine, list[int]]) -> None:
    """A failover or pg_terminate_backend: the server closes the idle connection; the next checkout sees its
    socket readable, pings it, and takes a fresh connection instead of failing the statement."""
    engine, pings = pooled
    ended = _backend(engine)
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (ended,))
    wait_until(lambda: not _alive(ended), timeout=10, what="the backend to end")
    fresh = _backend(engine)
    assert fresh != ended
    assert pings == [ended]


def test_a_connection_idle_past_the_limit_is_pinged(
    pooled: tuple[Engine, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A firewall may forget an idle connection without a word: after a long idle, a ping first."""
    engine, pings = pooled
    first = _backend(engine)
    monkeypatch.setattr(database, "_PING_AFTER_IDLE_SECONDS", 0.0)
    assert _backend(engine) == first
    assert pings == [first]


def _alive(pid: int) -> bool:
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        return admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone() is not None
