"""Audit rows survive their process: one that exits writes what it holds, one that is killed leaves it on disk."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import event, func, select

from service.audit.models import AuditEvent
from service.audit.store import AuditStore
from service.db import migrate as migrations
from service.db.database import Database, make_engine
from service.wiring import services
from tests.support.apps import build_app, seed_dev
from tests.support.cluster import PUBLIC_URL, broker_cluster, production_settings
from tests.support.databases import postgres_database
from tests.support.paths import ROOT
from tests.support.servers import mint_over_http
from tests.support.waiting import wait_until

# Answers before the kill: about one round of the writer's (0.1 s) or more, made in a second or two.
ANSWERS = 40


def test_rows_queued_at_exit_are_written(db_url: str) -> None:
    # A process that ends without flushing (as a gunicorn worker's interpreter does) still writes its queue.
    script = textwrap.dedent(
        f"""
        from service.audit.store import AuditStore
        from service.audit.writer import AuditWriter
        from service.db.database import Database, make_engine
        writer = AuditWriter(AuditStore(Database(make_engine({db_url!r}))))
        for n in range(200):
            writer.submit({{"action": "token.minted", "outcome": "ok", "request_id": str(n), "detail": {{}}}})
        """
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=60)
    from service.db.database import Database, make_engine

    with Database(make_engine(db_url)).session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 200


@pytest.mark.postgres
def test_a_row_inserted_again_is_kept_once_on_postgres(postgres_url: str) -> None:
    migrations.upgrade(postgres_url)
    db = Database(make_engine(postgres_url))
    store = AuditStore(db)
    rows = [{"action": "token.minted", "outcome": "ok", "request_id": f"r{n}", "event_id": f"{n:032x}", "detail": {}}
            for n in range(3)]  # fmt: skip
    try:
        store.record_audits(rows[:2])
        store.record_audits(rows)
        # Rows from before event ids have none: nothing to skip them by, and they never conflict.
        store.record_audits([{**row, "event_id": None} for row in rows[:2]] * 2)
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(AuditEvent)) == 3 + 4
    finally:
        db.engine.dispose()


@pytest.mark.postgres
def test_a_fresh_batch_goes_in_by_copy_with_every_column_as_given(postgres_url: str) -> None:
    """No INSERT reaches the database for a batch none of whose rows is in yet; what goes in is what was given
    (the defaults for what a row leaves out: now, an empty request id, an empty detail)."""
    migrations.upgrade(postgres_url)
    db = Database(make_engine(postgres_url))
    store = AuditStore(db)
    at = dt.datetime(2026, 12, 7, 10, 30, tzinfo=dt.UTC)
    full = {"at": at, "action": "token.minted", "outcome": "ok", "request_id": "r1", "tenant_id": 7,
            "api_key_prefix": "tbk_abc", "profile_id": 3, "kid": "k-1", "subject_hash": "h" * 64,
            "detail": {"alg": "ES256", "note": "ø \u2028 \"quoted\""}, "event_id": "e" * 32}  # fmt: skip
    bare = {"action": "link.used", "outcome": "refused"}
    statements: list[str] = []

    def seen(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        store.record_audits([full, bare])
        event.remove(db.engine, "before_cursor_execute", seen)
        with db.session() as session:
            first, second = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    finally:
        db.engine.dispose()
    assert [s for s in statements if "INSERT" in s.upper()] == []
    assert {column: getattr(first, column) for column in full} == full
    assert (second.action, second.outcome, second.request_id, second.detail, second.event_id) == (
        "link.used",
        "refused",
        "",
        {},
        None,
    )
    assert abs((second.at - dt.datetime.now(dt.UTC)).total_seconds()) < 60


@pytest.mark.postgres
def test_every_answer_of_a_killed_worker_has_its_row(emulator: str, redis_url: str, tmp_path: Path) -> None:
    # The worker answers while its writer cannot insert (the test holds the table), and is SIGKILLed right
    # after the last answer: every answered request's row must still reach the table, once.
    with postgres_database() as database_url:
        migrations.upgrade(database_url)
        settings = production_settings(database_url, redis_url, emulator, RATE_LIMIT="1000000/minute")
        app = build_app(settings)
        creds = seed_dev(app, str(tmp_path), PUBLIC_URL)
        services(app).db.engine.dispose()
        with broker_cluster(settings, tmp_path, instances=1, workers=1) as [server]:
            [victim] = server.workers()

            def mint(n: int) -> str:
                request_id = f"killed-worker-{n:03d}"
                response = mint_over_http(server.base, creds["apiKey"], creds, headers={"X-Request-Id": request_id})
                assert response.status_code == 200, response.text
                assert response.json()["requestId"] == request_id
                return request_id

            with psycopg.connect(database_url, connect_timeout=5) as holder:
                holder.execute("LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE")
                with ThreadPoolExecutor(max_workers=4) as pool:
                    answered = set(pool.map(mint, range(ANSWERS)))
                os.kill(victim, signal.SIGKILL)
            wait_until(
                lambda: victim not in server.workers() and len(server.workers()) == 1,
                timeout=30,
                what="gunicorn to replace the killed worker",
            )

            def rows() -> Counter[str]:
                with psycopg.connect(database_url, connect_timeout=5) as connection:
                    found = connection.execute("SELECT request_id FROM audit_events").fetchall()
                return Counter(request_id for (request_id,) in found)

            wait_until(
                lambda: answered <= set(rows()),
                timeout=20,
                what="an audit row for every answered request",
                detail=lambda: f"{len(answered - set(rows()))} of {ANSWERS} answered requests have no row",
            )
            assert set(rows()) == answered
            assert [request_id for request_id, count in rows().items() if count > 1] == [], "rows inserted twice"
