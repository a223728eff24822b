"""Queries of the audit_events table: batched inserts, the console's counts and pages, the retention purge."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, delete, func, literal_column, select, tuple_
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from service.audit.models import AuditEvent
from service.db.database import Database, retried_once


@dataclasses.dataclass(frozen=True)
class EventQuery:
    """Which of a tenant's rows a page shows: of an action, succeeded (outcome ok) or not, in the time range
    [since, until), and, to page, only the rows older than the row `before` (an id; newest first by time, id)."""

    tenant_id: int
    action: str | None = None
    succeeded: bool | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    before: int | None = None


@dataclasses.dataclass(frozen=True)
class HourCount:
    """How many rows of one action, profile and outcome an hour (UTC, its start) holds."""

    hour: dt.datetime
    action: str
    profile_id: int | None
    outcome: str
    count: int


# The columns a row fills, in the order _copy writes them (the id is the table's own).
_COPY = (
    "COPY audit_events (at, action, outcome, request_id, tenant_id, api_key_prefix, profile_id, kid, subject_hash, "
    "detail, event_id) FROM STDIN"
)


class AuditStore:
    """Audit rows, inserted in batches by the writer."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record_audits(self, rows: list[dict[str, Any]]) -> None:
        """Insert audit rows in one statement; a row whose event id is already in goes in no more.

        On PostgreSQL by COPY (half the CPU of a multi-row INSERT a row, on the writer thread every mint shares
        its worker with). COPY knows no ON CONFLICT: a batch holding a row that is in already (replayed from
        a killed worker's journal, which died between the insert and removing the file) fails whole, and goes
        in by INSERT … ON CONFLICT DO NOTHING instead, which skips that row by its event id.
        """
        postgres = self._db.postgresql
        if postgres:
            from psycopg.errors import UniqueViolation

            try:
                self._copy(rows)
                return
            except UniqueViolation:
                pass
        # Core, not ORM: the rows are plain dicts, and the ORM's per-row bookkeeping would be pure overhead.
        dialect_insert = postgresql_insert if postgres else sqlite_insert
        statement = dialect_insert(AuditEvent).on_conflict_do_nothing(index_elements=[AuditEvent.event_id])
        with self._db.engine.begin() as connection:
            connection.execute(statement, rows)

    def _copy(self, rows: list[dict[str, Any]]) -> None:
        from psycopg.types.json import Json

        now = dt.datetime.now(dt.UTC)
        with self._db.engine.begin() as connection:
            cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(_COPY) as copy:
                for row in rows:
                    copy.write_row(
                        (
                            row.get("at") or now,
                            row["action"],
                            row["outcome"],
                            row.get("request_id", ""),
                            row.get("tenant_id"),
                            row.get("api_key_prefix"),
                            row.get("profile_id"),
                            row.get("kid"),
                            row.get("subject_hash"),
                            Json(row.get("detail") or {}),
                            row.get("event_id"),
                        )
                    )

    @retried_once
    def hourly_counts(self, tenant_id: int, actions: tuple[str, ...], since: dt.datetime) -> list[HourCount]:
        """A tenant's rows of `actions` since `since`, counted per hour (UTC), action, profile and outcome.

        Read from ix_audit_events_tenant_action_at alone (an index-only range scan on both databases). Hours,
        not days: the caller folds them into days of its own time zone, which SQLite cannot convert to.
        """
        postgres = self._db.postgresql
        # SQLite keeps times as "YYYY-MM-DD HH:MM:SS.ffffff" text in UTC: its first 13 characters are the hour.
        # Literals, not bound parameters: GROUP BY must repeat the very expression the SELECT names.
        if postgres:
            hour = func.date_trunc(literal_column("'hour'"), func.timezone(literal_column("'UTC'"), AuditEvent.at))
        else:
            hour = func.substr(AuditEvent.at, literal_column("1"), literal_column("13"))
        query = (
            select(hour.label("hour"), AuditEvent.action, AuditEvent.profile_id, AuditEvent.outcome, func.count())
            .where(AuditEvent.tenant_id == tenant_id, AuditEvent.action.in_(actions), AuditEvent.at >= since)
            .group_by(hour, AuditEvent.action, AuditEvent.profile_id, AuditEvent.outcome)
        )
        with self._db.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [HourCount(_hour(row[0]), row[1], row[2], row[3], row[4]) for row in rows]

    @retried_once
    def events(self, query: EventQuery, limit: int) -> list[AuditEvent]:
        """Up to `limit` of a tenant's rows that pass `query`, newest first (by time, then id)."""
        statement = (
            select(AuditEvent)
            .where(*_conditions(query))
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
        with self._db.session() as session:
            if query.before is not None:
                cursor = session.get(AuditEvent, query.before)
                if cursor is None or cursor.tenant_id != query.tenant_id:
                    return []
                # A row-value comparison, not `at < … OR (at = … AND id < …)`: both databases then read it as
                # one range of ix_audit_events_tenant_at_id (the OR made them scan from the newest row down).
                statement = statement.where(tuple_(AuditEvent.at, AuditEvent.id) < tuple_(cursor.at, cursor.id))
            return list(session.scalars(statement))

    def purge_before(self, cutoff: dt.datetime, batch_size: int = 5000) -> int:
        """Delete every row older than `cutoff`, `batch_size` rows a transaction (short locks, bounded WAL); the count.

        Safe to run on several instances at once: a row is deleted once, and a batch another run emptied
        deletes nothing.
        """
        total = 0
        while True:
            oldest = select(AuditEvent.id).where(AuditEvent.at < cutoff).order_by(AuditEvent.at).limit(batch_size)
            with self._db.engine.begin() as connection:
                result = connection.execute(delete(AuditEvent).where(AuditEvent.id.in_(oldest.scalar_subquery())))
            deleted = int(result.rowcount)
            total += deleted
            if deleted < batch_size:
                return total


def _conditions(query: EventQuery) -> list[ColumnElement[bool]]:
    conditions = [AuditEvent.tenant_id == query.tenant_id]
    if query.action is not None:
        conditions.append(AuditEvent.action == query.action)
    if query.succeeded is not None:
        conditions.append(AuditEvent.outcome == "ok" if query.succeeded else AuditEvent.outcome != "ok")
    if query.since is not None:
        conditions.append(AuditEvent.at >= query.since)
    if query.until is not None:
        conditions.append(AuditEvent.at < query.until)
    return conditions


def _hour(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC)
    # "2026-12-07 08" from SQLite: fromisoformat is several times faster than strptime, over thousands of hours.
    return dt.datetime.fromisoformat(f"{value}:00").replace(tzinfo=dt.UTC)
