"""Queries of the audit_events table."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from service.audit.models import AuditEvent
from service.db.database import Database


class AuditStore:
    """Audit rows, inserted in batches by the writer."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record_audits(self, rows: list[dict[str, Any]]) -> None:
        """Insert audit rows in one statement (executemany); a row whose event id is already in goes in no more."""
        # Core, not ORM: the rows are plain dicts, and the ORM's per-row bookkeeping would be pure overhead.
        # A row replayed from a killed worker's journal may be in already (it died between insert and
        # removing the file): skipping it by its event id makes writing a row again harmless.
        engine = self._db.engine
        dialect_insert = postgresql_insert if engine.dialect.name == "postgresql" else sqlite_insert
        statement = dialect_insert(AuditEvent).on_conflict_do_nothing(index_elements=[AuditEvent.event_id])
        with engine.begin() as connection:
            connection.execute(statement, rows)
