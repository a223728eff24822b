"""The keysets table: one signing key lineage per Secrets Manager secret."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    String,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from service.db.base import Base, utcnow


class Keyset(Base):
    """One signing key lineage: one Secrets Manager secret, whose versions are its rotations."""

    __tablename__ = "keysets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    secret_id: Mapped[str] = mapped_column(String(2048))
    alg: Mapped[str] = mapped_column(String(10))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, server_default=func.now())
    # The kid of the signing key tenants were last told about (`keyset.rotated`); None until first seen.
    announced_kid: Mapped[str | None] = mapped_column(String(100), nullable=True)
