"""Queries of the test_mails table."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select

from service.db.database import Database, retried_once
from service.testmode.models import TestMail


class TestMailStore:
    """A tenant's kept test mails."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_test_mail(self, tenant_id: int, public_id: str, at: dt.datetime, sealed: bytes) -> None:
        with self._db.session() as session:
            session.add(TestMail(tenant_id=tenant_id, public_id=public_id, at=at, sealed=sealed))

    @retried_once
    def test_mails(self, tenant_id: int, since: dt.datetime) -> list[TestMail]:
        with self._db.session() as session:
            query = (
                select(TestMail)
                .where(TestMail.tenant_id == tenant_id, TestMail.at >= since)
                .order_by(TestMail.id.desc())
            )
            return list(session.scalars(query))

    def purge_test_mails(self, before: dt.datetime) -> int:
        with self._db.session() as session:
            return int(session.execute(delete(TestMail).where(TestMail.at < before)).rowcount)  # type: ignore[attr-defined]
