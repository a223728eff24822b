"""The engine: a failed statement's text holds no values; a PostgreSQL connection gives up in seconds."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from service.db.database import make_engine

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
