"""The audit_events table: who minted what for which profile and when; subjects as keyed hashes only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from service.db.base import Base, utcnow


class AuditEvent(Base):
    """Who minted what for which profile and when; subjects only as keyed hashes, never names or tokens."""

    __tablename__ = "audit_events"
    __table_args__ = (
        # The console's Audit page: a tenant's rows newest first, paged by (at, id) (service/audit/activity.py).
        Index("ix_audit_events_tenant_at_id", "tenant_id", "at", "id"),
        # The Overview's counts per hour, action, profile and outcome: read from the index alone, never the table.
        Index("ix_audit_events_tenant_action_at", "tenant_id", "action", "at", "profile_id", "outcome"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(50))
    outcome: Mapped[str] = mapped_column(String(30))
    request_id: Mapped[str] = mapped_column(String(64), default="")
    tenant_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    api_key_prefix: Mapped[str | None] = mapped_column(String(32), nullable=True)
    profile_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kid: Mapped[str | None] = mapped_column(String(100), nullable=True)
    subject_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Given when the row is made (service/audit/writer.py); a row written again after a crash is then skipped.
    event_id: Mapped[str | None] = mapped_column(String(32), nullable=True, unique=True, index=True)
