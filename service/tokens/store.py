"""Queries of the idempotency_records table."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from service.db.database import Database, retried_once
from service.tokens.models import IdempotencyRecord


class IdempotencyStore:
    """Idempotency-Key records: claimed, finished with their sealed answer, purged."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def claim_idempotency(
        self,
        tenant_id: int,
        key_hash: str,
        fingerprint: str,
        now: dt.datetime,
        stale_before: dt.datetime,
        lease_expired_before: dt.datetime,
    ) -> int | None:
        """Insert an in-progress record and return its id, or None if the key is already taken.

        A record older than the retention window no longer holds the key, nor does a running one whose lease
        has expired (its request died with its worker, or could not free the key).
        """
        with self._db.session() as session:
            session.execute(
                delete(IdempotencyRecord).where(
                    IdempotencyRecord.tenant_id == tenant_id,
                    IdempotencyRecord.key_hash == key_hash,
                    (IdempotencyRecord.created_at < stale_before)
                    | ((IdempotencyRecord.state == "running") & (IdempotencyRecord.created_at < lease_expired_before)),
                )
            )
        try:
            with self._db.session() as session:
                record = IdempotencyRecord(
                    tenant_id=tenant_id, key_hash=key_hash, fingerprint=fingerprint, state="running", created_at=now
                )
                session.add(record)
                session.flush()
                return record.id
        except IntegrityError:
            return None

    @retried_once
    def idempotency_record(self, tenant_id: int, key_hash: str) -> IdempotencyRecord | None:
        with self._db.session() as session:
            return session.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.tenant_id == tenant_id, IdempotencyRecord.key_hash == key_hash
                )
            )

    @retried_once
    def finish_idempotency(self, record_id: int, status: int, sealed: bytes) -> None:
        with self._db.session() as session:
            session.execute(
                update(IdempotencyRecord)
                .where(IdempotencyRecord.id == record_id)
                .values(state="done", response_status=status, sealed_response=sealed)
            )

    @retried_once
    def delete_idempotency(self, record_id: int) -> None:
        with self._db.session() as session:
            session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id == record_id))

    def purge_idempotency(self, stale_before: dt.datetime) -> int:
        with self._db.session() as session:
            result = session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < stale_before))
            return int(result.rowcount)  # type: ignore[attr-defined]
