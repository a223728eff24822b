"""The test_mails table: a test key's mails, kept sealed for the test inbox."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    DateTime,
    ForeignKey,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from service.db.base import Base


class TestMail(Base):
    """A mail a test API key asked for: kept for the test inbox instead of sent, sealed under SERVER_SECRET."""

    __tablename__ = "test_mails"
    __test__ = False  # not a pytest test class, despite its name

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
