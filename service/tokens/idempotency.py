"""Idempotency-Key for generateJWT: the same key and body within 24 h get the first response again.

Per tenant. The key is stored only as a hash, and the first response (it holds a token and maybe a
launch link) is sealed under a key derived from the server's secret and the Idempotency-Key, so a
database dump alone opens nothing. Only successful responses are kept: after an error nothing was
made, and the caller may retry with the same key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from service import sealing
from service.errors import BadRequest, IdempotencyInProgress, IdempotencyKeyReused
from service.tokens.store import IdempotencyStore

RETENTION = dt.timedelta(hours=24)
_KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
_PURPOSE = b"idempotent response"

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Claim:
    """This request owns the key: it must `finish` or `abandon` it."""

    record_id: int
    key: str


@dataclasses.dataclass(frozen=True)
class Replay:
    status: int
    body: dict[str, Any]


def fingerprint(body: Any, profile_header: str | None) -> str:
    """The request's identity: its JSON (canonical) and the Profile-Key header."""
    canonical = json.dumps([body, profile_header], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class Idempotency:
    def __init__(
        self, store: IdempotencyStore, server_secret: str, clock: Callable[[], float], lease_seconds: int
    ) -> None:
        self._store = store
        self._secret = server_secret.encode()
        self._clock = clock
        # How long a running request holds its key (IDEMPOTENCY_LEASE_SECONDS): a retry after it takes over the
        # key of a request that died (SIGKILL, out of memory, a timeout) or could not free it (its connection cut).
        self._lease = dt.timedelta(seconds=lease_seconds)

    def _key_hash(self, tenant_id: int, key: str) -> str:
        return hashlib.sha256(f"{tenant_id}\x1f{key}".encode()).hexdigest()

    def _now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    def begin(self, tenant_id: int, key: str, request_fingerprint: str) -> Claim | Replay:
        """Claim the key, or replay the first response; 422 for another body, 409 while the first runs."""
        if not _KEY_PATTERN.match(key):
            raise BadRequest("Idempotency-Key must be 1 to 255 visible ASCII characters.")
        key_hash = self._key_hash(tenant_id, key)
        now = self._now()
        record_id = self._store.claim_idempotency(
            tenant_id, key_hash, request_fingerprint, now, now - RETENTION, now - self._lease
        )
        if record_id is not None:
            return Claim(record_id=record_id, key=key)
        record = self._store.idempotency_record(tenant_id, key_hash)
        if record is None:  # it expired and was removed between our two statements: claim again
            return self.begin(tenant_id, key, request_fingerprint)
        if record.fingerprint != request_fingerprint:
            raise IdempotencyKeyReused(
                "This Idempotency-Key was used with another request body in the last 24 hours; use a new key.",
                errors={"Idempotency-Key": ["Already used with another request body."]},
            )
        if record.state != "done" or record.sealed_response is None or record.response_status is None:
            raise IdempotencyInProgress(
                "A request with this Idempotency-Key is still running; retry shortly (if it died, its key is "
                f"free again {int(self._lease.total_seconds())} s after it started).",
                headers={"Retry-After": "1"},
            )
        body = sealing.unseal(self._secret + key.encode(), _PURPOSE, key_hash.encode(), record.sealed_response)
        if body is None:
            raise IdempotencyKeyReused(
                "The stored response for this Idempotency-Key cannot be opened; use a new key.",
                errors={"Idempotency-Key": ["Cannot be replayed."]},
            )
        return Replay(status=record.response_status, body=body)

    def finish(self, tenant_id: int, claim: Claim, status: int, body: Mapping[str, Any]) -> None:
        key_hash = self._key_hash(tenant_id, claim.key)
        sealed = sealing.seal(self._secret + claim.key.encode(), _PURPOSE, key_hash.encode(), body)
        self._store.finish_idempotency(claim.record_id, status, sealed)

    def abandon(self, claim: Claim) -> None:
        self._store.delete_idempotency(claim.record_id)

    def run(
        self, tenant_id: int, key: str, request_fingerprint: str, action: Callable[[], dict[str, Any]]
    ) -> tuple[dict[str, Any], bool]:
        """The action's response, or the stored first response; True when replayed."""
        outcome = self.begin(tenant_id, key, request_fingerprint)
        if isinstance(outcome, Replay):
            return outcome.body, True
        try:
            body = action()
            # Inside the try: if the response cannot be stored, the key is freed like any failure's.
            self.finish(tenant_id, outcome, 200, body)
        except BaseException:
            self._abandon_quietly(outcome)
            raise
        return body, False

    def _abandon_quietly(self, claim: Claim) -> None:
        """Free the key; if even that fails (the database is away), its lease frees it later."""
        try:
            self.abandon(claim)
        except SQLAlchemyError as error:
            log.warning("idempotency key left to its lease", extra={"error_type": type(error).__name__})

    def purge(self) -> int:
        """Forget responses older than the retention window (for the purge command)."""
        return self._store.purge_idempotency(self._now() - RETENTION)
