"""Measurement for issue 23: the console's Overview and Audit queries over 10⁶ audit rows, with and without
the indexes of migration 0014 (audit activity indexes), on SQLite and on PostgreSQL.

`python -m bench.audit_overview` fills a fresh database (a temporary SQLite file; a PostgreSQL database made
and dropped on the local server, TEST_POSTGRES_URL as in the tests) with BENCH_AUDIT_ROWS rows (default 10⁶)
in bulk: a year of rows, half of them one large account's (the one queried), the rest spread over 99
others; 70 % mints, 20 % link uses, 10 % console actions; 5 % failures. Then it times, through the real
AuditStore/AuditActivity, the Overview's 30-day counts and the Audit page's first page, a filtered page,
a page deep down (cursor) and a date range; median of BENCH_ROUNDS (default 7) after one warm-up each.
Then it drops the two indexes, ANALYZEs, and times the same again. Prints a Markdown table (docs/performance.md).
Not a test: it asserts nothing, and it takes a few minutes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import text

from service.audit.activity import MINTED, USED, AuditActivity
from service.audit.store import AuditStore, EventQuery
from service.db import migrate
from service.db.database import Database, make_engine

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
BIG = 1
_COLUMNS = ("at", "action", "outcome", "request_id", "tenant_id", "api_key_prefix", "profile_id", "detail", "event_id")
_INDEXES = {
    "ix_audit_events_tenant_at_id": "(tenant_id, at, id)",
    "ix_audit_events_tenant_action_at": "(tenant_id, action, at, profile_id, outcome)",
}
_CONSOLE = ("console.signed_in", "console.sign_in_sent", "console.link.revoked")
_FAILURES = ("invalid_payload", "not_delivered", "forbidden")


def _rows(count: int) -> Iterator[tuple[Any, ...]]:
    """`count` rows over the year before NOW, oldest first (as a table fills)."""
    rng = random.Random(23)
    step = 365 * 86_400 / count
    start = NOW - dt.timedelta(days=365)
    for n in range(count):
        at = start + dt.timedelta(seconds=n * step)
        tenant = BIG if rng.random() < 0.5 else rng.randint(2, 100)
        draw = rng.random()
        action = MINTED if draw < 0.7 else USED if draw < 0.9 else rng.choice(_CONSOLE)
        outcome = "ok" if rng.random() < 0.95 else rng.choice(_FAILURES)
        profile = tenant * 10 + rng.randint(0, 2)
        yield (at, action, outcome, "req", tenant, "tbk_bench", profile, '{"link": "ln_bench"}', secrets.token_hex(16))


def _fill_sqlite(db: Database, count: int) -> None:
    raw = db.engine.raw_connection()
    try:
        cursor: Any = raw.cursor()
        marks = ", ".join("?" for _ in _COLUMNS)
        sql = f"INSERT INTO audit_events ({', '.join(_COLUMNS)}) VALUES ({marks})"  # noqa: S608 - fixed names
        # SQLAlchemy keeps SQLite times as "YYYY-MM-DD HH:MM:SS.ffffff" text: the same here.
        rows = ((r[0].strftime("%Y-%m-%d %H:%M:%S.%f"), *r[1:]) for r in _rows(count))
        cursor.executemany(sql, rows)
        raw.commit()
    finally:
        raw.close()


def _fill_postgres(db: Database, count: int) -> None:
    raw = db.engine.raw_connection()
    try:
        cursor: Any = raw.cursor()
        with cursor.copy(f"COPY audit_events ({', '.join(_COLUMNS)}) FROM STDIN") as copy:
            for row in _rows(count):
                copy.write_row(row)
        raw.commit()
    finally:
        raw.close()


def _median_ms(call: Callable[[], object], rounds: int) -> float:
    call()  # warm-up: the pages a cold cache would read
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _queries(db: Database) -> dict[str, Callable[[], object]]:
    store = AuditStore(db)
    activity = AuditActivity(store, NOW.timestamp)
    middle = store.events(EventQuery(tenant_id=BIG, until=NOW - dt.timedelta(days=180)), 1)[0].id
    week = EventQuery(tenant_id=BIG, since=NOW - dt.timedelta(days=200), until=NOW - dt.timedelta(days=193))
    return {
        "Overview: 30 days' counts (Europe/Oslo)": lambda: activity.daily(BIG, "Europe/Oslo"),
        "Audit: first page (51 rows)": lambda: store.events(EventQuery(tenant_id=BIG), 51),
        "Audit: link uses that failed, first page": lambda: store.events(
            EventQuery(tenant_id=BIG, action=USED, succeeded=False), 51
        ),
        "Audit: a page half a year down (cursor)": lambda: store.events(EventQuery(tenant_id=BIG, before=middle), 51),
        "Audit: a week's range, 200 days ago": lambda: store.events(week, 51),
        "CSV export: 1000 rows": lambda: store.events(EventQuery(tenant_id=BIG), 1000),
    }


def _measure(db: Database, rounds: int) -> dict[str, float]:
    return {name: _median_ms(call, rounds) for name, call in _queries(db).items()}


def _analyze(db: Database) -> None:
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE audit_events"))
    else:
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def _drop_indexes(db: Database) -> None:
    with db.engine.begin() as connection:
        for name in _INDEXES:
            connection.execute(text(f"DROP INDEX {name}"))


@contextlib.contextmanager
def _postgres() -> Iterator[str]:
    import psycopg

    admin_url = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    name = f"bench_audit_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield admin_url.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(label: str, url: str, count: int, rounds: int) -> dict[str, tuple[float, float]]:
    migrate.upgrade(url)
    db = Database(make_engine(url))
    try:
        started = time.perf_counter()
        (_fill_postgres if db.engine.dialect.name == "postgresql" else _fill_sqlite)(db, count)
        print(f"{label}: {count} rows in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        _analyze(db)
        indexed = _measure(db, rounds)
        _drop_indexes(db)
        _analyze(db)
        bare = _measure(db, rounds)
    finally:
        db.engine.dispose()
    return {name: (indexed[name], bare[name]) for name in indexed}


def main() -> None:
    count = int(os.environ.get("BENCH_AUDIT_ROWS", "1000000"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "7"))
    results: dict[str, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = _run("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}", count, rounds)
    with _postgres() as url:
        results["PostgreSQL"] = _run("PostgreSQL", url, count, rounds)
    print(
        f"| query ({count:,} rows; median of {rounds}, ms) | SQLite, indexed | SQLite, no index | "
        "PostgreSQL, indexed | PostgreSQL, no index |"
    )
    print("|---|---:|---:|---:|---:|")
    for name in results["SQLite"]:
        lite, pg = results["SQLite"][name], results["PostgreSQL"][name]
        print(f"| {name} | {lite[0]:.1f} | {lite[1]:.1f} | {pg[0]:.1f} | {pg[1]:.1f} |")


if __name__ == "__main__":
    main()
