"""Queries of the api_keys table, with the read cache every request goes through."""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from service.apikeys.models import ApiKey
from service.db.database import Database, retried_once, unstorable
from service.errors import Conflict, NotFound

# How stale the set of live API key prefixes may be: a key made this long ago works from a refused address.
_MIN_PREFIX_SET_SECONDS = 5
# An API key's last use is written at most this often by each instance: a request is not a database write.
LAST_USED_PRECISION_SECONDS = 300


class ApiKeyStore:
    """API keys by prefix (cached), and their changes (which forget the cached copy)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        # The prefixes of all live API keys, read as one set when an address is being refused (service/apikeys).
        self._live_prefixes: tuple[float, frozenset[str]] = (float("-inf"), frozenset())
        self._live_prefixes_seconds = max(db.cache_seconds, _MIN_PREFIX_SET_SECONDS)
        # prefix -> when (monotonic) this instance last wrote the key's last use.
        self._use_written: dict[str, float] = {}

    def add_api_key(
        self,
        tenant_id: int,
        prefix: str,
        key_hash: str,
        scopes: list[str],
        label: str,
        rate_limit: str | None = None,
    ) -> ApiKey:
        try:
            with self._db.session() as session:
                api_key = ApiKey(
                    tenant_id=tenant_id,
                    prefix=prefix,
                    key_hash=key_hash,
                    scopes=scopes,
                    label=label,
                    rate_limit=rate_limit,
                )
                session.add(api_key)
                session.flush()
                return api_key
        except IntegrityError:
            raise Conflict("An API key with that prefix already exists; generate another.") from None

    @retried_once
    def api_key_by_prefix(self, prefix: str) -> ApiKey | None:
        """The API key with this prefix, possibly as read up to LOOKUP_CACHE_SECONDS ago."""
        if unstorable(prefix):
            return None

        def load() -> ApiKey | None:
            with self._db.session() as session:
                return session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))

        return self._db.cache.get(("api_key", prefix), load)

    @retried_once
    def is_live_prefix(self, prefix: str) -> bool:
        """Whether a live (unrevoked) API key has this prefix, from a set re-read at most every few seconds.

        One query for every key, not one per request: what a refused address may still ask is cheap.
        """
        read_at, prefixes = self._live_prefixes
        if time.monotonic() - read_at >= self._live_prefixes_seconds:
            with self._db.session() as session:
                prefixes = frozenset(session.scalars(select(ApiKey.prefix).where(ApiKey.revoked_at.is_(None))))
            self._live_prefixes = (time.monotonic(), prefixes)
        return prefix in prefixes

    def cached_api_key(self, prefix: str) -> ApiKey | None:
        """The API key with this prefix if this instance has it cached; no database work."""
        cached = self._db.cache.peek(("api_key", prefix))
        return cached if isinstance(cached, ApiKey) else None

    def note_used(self, prefix: str, now: dt.datetime) -> None:
        """Record that the key authenticated a request, at most every LAST_USED_PRECISION_SECONDS per instance."""
        written = self._use_written.get(prefix)
        if written is not None and time.monotonic() - written < LAST_USED_PRECISION_SECONDS:
            return
        self._use_written[prefix] = time.monotonic()
        with self._db.session() as session:
            session.execute(update(ApiKey).where(ApiKey.prefix == prefix).values(last_used_at=now))

    def revoke_api_key(self, prefix: str, now: dt.datetime) -> ApiKey:
        with self._db.session() as session:
            api_key = self._api_key_to_change(session, prefix)
            if api_key.revoked_at is None:
                api_key.revoked_at = now
        self._db.cache.forget(("api_key", prefix))
        return api_key

    def set_rate_limit(self, prefix: str, rate_limit: str | None) -> ApiKey:
        with self._db.session() as session:
            api_key = self._api_key_to_change(session, prefix)
            api_key.rate_limit = rate_limit
        self._db.cache.forget(("api_key", prefix))
        return api_key

    @staticmethod
    def _api_key_to_change(session: Session, prefix: str) -> ApiKey:
        api_key = session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))
        if api_key is None:
            raise NotFound(f"No API key with prefix {prefix!r}.")
        return api_key

    def list_api_keys(self, tenant_id: int | None = None) -> list[ApiKey]:
        with self._db.session() as session:
            query = select(ApiKey).options(joinedload(ApiKey.tenant)).order_by(ApiKey.id)
            if tenant_id is not None:
                query = query.where(ApiKey.tenant_id == tenant_id)
            return list(session.scalars(query))
