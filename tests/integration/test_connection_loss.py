"""PostgreSQL cuts the broker's connection while a request uses it (pg_terminate_backend): the request still
succeeds, on a fresh connection, instead of failing."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import event

from service.db import migrate as migrations
from service.wiring import services
from tests.support.api import bearer
from tests.support.apps import build_app, seed_dev
from tests.support.privacy import WATCH


def test_a_connection_cut_mid_request_is_retried_on_a_fresh_one(
    postgres_url: str, emulator: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    migrations.upgrade(postgres_url)
    # No read cache: every request reads its API key and profile from the database.
    app = build_app({"BROKER_ENV": "test", "DATABASE_URL": postgres_url, "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
                     "LOOKUP_CACHE_SECONDS": "0", "LOG_LEVEL": "DEBUG"})  # fmt: skip
    svc = services(app)
    creds = seed_dev(app, str(tmp_path), "http://127.0.0.1:9")
    client = app.test_client()
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}}
    terminated: list[int] = []

    def cut_once(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        # The first read of a profile: the database ends this very connection under the statement.
        if terminated or "FROM profiles" not in statement:
            return
        pid = conn.connection.dbapi_connection.info.backend_pid
        with psycopg.connect(postgres_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        terminated.append(pid)

    event.listen(svc.db.engine, "before_cursor_execute", cut_once)
    try:
        with caplog.at_level(logging.WARNING, logger="service.db.database"):
            response = client.post("/api/v1/generateJWT", json=body, headers=bearer(creds["apiKey"]))
    finally:
        event.remove(svc.db.engine, "before_cursor_execute", cut_once)
        svc.db.engine.dispose()
    assert terminated, "the test never cut a connection"
    assert response.status_code == 200, response.get_data(as_text=True)
    WATCH.watch(response.get_json()["token"])
    assert "database connection lost; retrying once on a fresh one" in caplog.text
