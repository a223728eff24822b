"""Queries of the audit_events table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert

from service.audit.models import AuditEvent
from service.db.database import Database


class AuditStore:
    """Audit rows, inserted in batches by the writer."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record_audits(self, rows: list[dict[str, Any]]) -> None:
        """Insert audit rows in one statement (executemany)."""
        # Core, not ORM: the rows are plain dicts, and the ORM's per-row bookkeeping would be pure overhead.
        with self._db.engine.begin() as connection:
            connection.execute(insert(AuditEvent), rows)
