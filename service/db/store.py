"""The only module that queries the database: tenants, API keys, keysets, profiles, audit events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Engine,
    Table,
    and_,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload, sessionmaker

from service.apikeys.credentials import TEST_API_KEY_PREFIX
from service.config import sqlalchemy_url
from service.db.models import (
    ApiKey,
    AuditEvent,
    IdempotencyRecord,
    Keyset,
    LaunchLink,
    LinkEvent,
    Profile,
    Tenant,
    TestMail,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from service.db.read_cache import ReadCache
from service.errors import Conflict, KeysetNotFound, LinkNotFound, NotFound, ProfileNotFound, WebhookNotFound

# SQLite waits this long for a writer's lock instead of failing at once under concurrent requests.
log = logging.getLogger(__name__)
_SQLITE_BUSY_TIMEOUT_MS = 5000
# How stale the set of live API key prefixes may be: a key made this long ago works from a refused address.
_MIN_PREFIX_SET_SECONDS = 5


def make_engine(database_url: str) -> Engine:
    """An engine for SQLite (the embedded default) or PostgreSQL."""
    # psycopg 3 is the driver we ship; operators paste postgresql:// or postgres:// URLs.
    database_url = sqlalchemy_url(database_url)
    if database_url.startswith("sqlite"):
        engine = create_engine(database_url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL never corrupts and survives an application crash; only an OS crash or power
            # loss may drop the last commits. It saves a disk sync per request (about 1 ms here).
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
            cursor.close()

        return engine
    return create_engine(database_url, pool_pre_ping=True)


@dataclasses.dataclass(frozen=True)
class Caller:
    """An authenticated API key: who is calling, with which scopes."""

    api_key_id: int
    prefix: str
    tenant_id: int
    scopes: frozenset[str]
    # None: the broker's default (RATE_LIMIT).
    rate_limit: str | None = None

    @property
    def test(self) -> bool:
        """A test-mode key: it mints only for test profiles, and its mails go to the test inbox."""
        return self.prefix.startswith(TEST_API_KEY_PREFIX)


@dataclasses.dataclass(frozen=True)
class OutboxEvent:
    """An event for a tenant's webhook endpoints, inserted in the transaction of the change it reports."""

    public_id: str
    tenant_id: int
    type: str
    created_at: dt.datetime
    data: dict[str, Any]
    # One delivery per endpoint: (endpoint id, delivery public id). Empty: only the tenant's events list has it.
    deliveries: tuple[tuple[int, str], ...]


@dataclasses.dataclass(frozen=True)
class WebhookRoutes:
    """A tenant's live webhook endpoints by the event types they receive (cached per tenant)."""

    by_type: dict[str, tuple[int, ...]]
    every_type: tuple[int, ...]

    def endpoints_for(self, event_type: str) -> tuple[int, ...]:
        return self.every_type + self.by_type.get(event_type, ())


@dataclasses.dataclass(frozen=True)
class ClaimedDelivery:
    """A delivery a dispatcher holds the lease of, for its `attempt`th attempt, with what it needs to send it."""

    delivery_id: int
    attempt: int
    created_at: dt.datetime
    event_public_id: str
    event_type: str
    event_created_at: dt.datetime
    event_data: dict[str, Any]
    endpoint_id: int
    endpoint_public_id: str
    tenant_id: int
    url: str
    sealed_secret: bytes
    previous_sealed_secret: bytes | None
    previous_secret_until: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class DeliveryOutcome:
    """What one attempt came to: delivered, another attempt at `next_attempt_at`, or failed for good."""

    state: str  # delivered, pending or failed
    status: int | None
    error: str | None
    at: dt.datetime
    next_attempt_at: dt.datetime | None = None


def _link_state_condition(state: str, now: dt.datetime) -> ColumnElement[bool]:
    """SQL for one link state, exactly as `links.launch_links.state_of` decides it (revoked, used, expired first)."""
    live = LaunchLink.revoked_at.is_(None)
    unused = LaunchLink.uses < LaunchLink.max_uses
    conditions: dict[str, ColumnElement[bool]] = {
        "revoked": LaunchLink.revoked_at.is_not(None),
        "used": and_(live, LaunchLink.uses >= LaunchLink.max_uses),
        "expired": and_(live, unused, LaunchLink.expires_at <= now),
        "usable": and_(live, unused, LaunchLink.expires_at > now),
    }
    return conditions[state]


_T = TypeVar("_T")


def retried_once(method: Callable[..., _T]) -> Callable[..., _T]:
    """Run a statement that is safe to repeat again, once, on a fresh connection if its connection died.

    `pool_pre_ping` checks a connection only when it is taken from the pool; one cut while in use (a
    database restart, a failover, pg_terminate_backend) fails the statement with the connection marked
    invalidated, and the pool drops it. Only reads and writes whose condition makes a second run a no-op
    may be retried: anything else could be done twice.
    """

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> _T:
        try:
            return method(*args, **kwargs)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            log.warning("database connection lost; retrying once on a fresh one", extra={"operation": method.__name__})
            return method(*args, **kwargs)

    return wrapper


def _unstorable(text: str) -> bool:
    """Text no row holds: PostgreSQL text refuses NUL, so a lookup by it fails the statement (a 500) instead of
    finding nothing. Ids, names and keys from a request are checked with this before they reach a query."""
    return "\x00" in text


class Store:
    """Repository over one engine; every method opens and closes its own short session."""

    def __init__(self, engine: Engine, cache_seconds: int = 0) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # API keys and profiles, read on every request, are reused for a bounded time (service/lookups.py).
        self._cache = ReadCache(cache_seconds)
        # The prefixes of all live API keys, read as one set when an address is being refused (service/apikeys).
        self._live_prefixes: tuple[float, frozenset[str]] = (float("-inf"), frozenset())
        self._live_prefixes_seconds = max(cache_seconds, _MIN_PREFIX_SET_SECONDS)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    @retried_once
    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    # --- tenants -------------------------------------------------------------------------------
    def create_tenant(self, name: str, display_name: str | None = None) -> Tenant:
        try:
            with self.session() as session:
                tenant = Tenant(name=name, display_name=display_name)
                session.add(tenant)
                session.flush()
                return tenant
        except IntegrityError:
            raise Conflict(f"A tenant named {name!r} already exists.") from None

    def set_tenant_display_name(self, name: str, display_name: str) -> Tenant:
        with self.session() as session:
            tenant = session.scalar(select(Tenant).where(Tenant.name == name))
            if tenant is None:
                raise NotFound(f"No tenant named {name!r}.")
            tenant.display_name = display_name
        # Profiles carry their tenant: cached copies must not keep showing the old name.
        self._cache.forget()
        return tenant

    def tenant_by_name(self, name: str) -> Tenant:
        with self.session() as session:
            tenant = session.scalar(select(Tenant).where(Tenant.name == name))
            if tenant is None:
                raise NotFound(f"No tenant named {name!r}.")
            return tenant

    def find_tenant(self, name: str) -> Tenant | None:
        with self.session() as session:
            return session.scalar(select(Tenant).where(Tenant.name == name))

    def list_tenants(self) -> list[Tenant]:
        with self.session() as session:
            return list(session.scalars(select(Tenant).order_by(Tenant.id)))

    # --- API keys ------------------------------------------------------------------------------
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
            with self.session() as session:
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
        if _unstorable(prefix):
            return None

        def load() -> ApiKey | None:
            with self.session() as session:
                return session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))

        return self._cache.get(("api_key", prefix), load)

    @retried_once
    def is_live_prefix(self, prefix: str) -> bool:
        """Whether a live (unrevoked) API key has this prefix, from a set re-read at most every few seconds.

        One query for every key, not one per request: what a refused address may still ask is cheap.
        """
        read_at, prefixes = self._live_prefixes
        if time.monotonic() - read_at >= self._live_prefixes_seconds:
            with self.session() as session:
                prefixes = frozenset(session.scalars(select(ApiKey.prefix).where(ApiKey.revoked_at.is_(None))))
            self._live_prefixes = (time.monotonic(), prefixes)
        return prefix in prefixes

    def cached_api_key(self, prefix: str) -> ApiKey | None:
        """The API key with this prefix if this instance has it cached; no database work."""
        cached = self._cache.peek(("api_key", prefix))
        return cached if isinstance(cached, ApiKey) else None

    def revoke_api_key(self, prefix: str, now: dt.datetime) -> ApiKey:
        with self.session() as session:
            api_key = self._api_key_to_change(session, prefix)
            if api_key.revoked_at is None:
                api_key.revoked_at = now
        self._cache.forget(("api_key", prefix))
        return api_key

    def set_rate_limit(self, prefix: str, rate_limit: str | None) -> ApiKey:
        with self.session() as session:
            api_key = self._api_key_to_change(session, prefix)
            api_key.rate_limit = rate_limit
        self._cache.forget(("api_key", prefix))
        return api_key

    @staticmethod
    def _api_key_to_change(session: Session, prefix: str) -> ApiKey:
        api_key = session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))
        if api_key is None:
            raise NotFound(f"No API key with prefix {prefix!r}.")
        return api_key

    def list_api_keys(self, tenant_id: int | None = None) -> list[ApiKey]:
        with self.session() as session:
            query = select(ApiKey).options(joinedload(ApiKey.tenant)).order_by(ApiKey.id)
            if tenant_id is not None:
                query = query.where(ApiKey.tenant_id == tenant_id)
            return list(session.scalars(query))

    # --- keysets -------------------------------------------------------------------------------
    def add_keyset(self, name: str, secret_id: str, alg: str, is_default: bool) -> Keyset:
        try:
            with self.session() as session:
                if is_default:
                    for other in session.scalars(select(Keyset).where(Keyset.is_default.is_(True))):
                        other.is_default = False
                keyset = Keyset(name=name, secret_id=secret_id, alg=alg, is_default=is_default)
                session.add(keyset)
                session.flush()
                return keyset
        except IntegrityError:
            raise Conflict(f"A keyset named {name!r} already exists.") from None

    def keyset_by_name(self, name: str) -> Keyset:
        keyset = self.find_keyset(name)
        if keyset is None:
            raise KeysetNotFound(f"No keyset named {name!r}.")
        return keyset

    @retried_once
    def find_keyset(self, name: str) -> Keyset | None:
        if _unstorable(name):
            return None
        with self.session() as session:
            return session.scalar(select(Keyset).where(Keyset.name == name))

    @retried_once
    def default_keyset(self) -> Keyset:
        with self.session() as session:
            keyset = session.scalar(select(Keyset).where(Keyset.is_default.is_(True)))
            if keyset is None:
                keyset = session.scalar(select(Keyset).order_by(Keyset.id))
            if keyset is None:
                raise KeysetNotFound("No keyset exists yet; create one with `flask --app service keysets create`.")
            return keyset

    @retried_once
    def list_keysets(self) -> list[Keyset]:
        with self.session() as session:
            return list(session.scalars(select(Keyset).order_by(Keyset.id)))

    # --- profiles ------------------------------------------------------------------------------
    def add_profile(self, **fields: Any) -> Profile:
        try:
            with self.session() as session:
                profile = Profile(**fields)
                session.add(profile)
                session.flush()
                return profile
        except IntegrityError:
            raise Conflict("A profile with that key already exists.") from None

    @retried_once
    def profile_by_key(self, profile_key: str) -> Profile:
        """A profile with its keyset loaded (possibly as read up to LOOKUP_CACHE_SECONDS ago), or ProfileNotFound."""
        missing = "No profile with that profile key exists for this API key's tenant."
        if _unstorable(profile_key):
            raise ProfileNotFound(missing)
        return self._cached_profile(Profile.profile_key, profile_key, missing)

    def update_profile(self, profile_id: int, **fields: Any) -> Profile:
        with self.session() as session:
            profile = session.get(Profile, profile_id)
            if profile is None:
                raise ProfileNotFound("No such profile.")
            for name, value in fields.items():
                setattr(profile, name, value)
        self._cache.forget()
        return profile

    @retried_once
    def profile_by_id(self, profile_id: int) -> Profile:
        return self._cached_profile(Profile.id, profile_id, "The link's profile no longer exists.")

    def _cached_profile(self, column: Any, value: object, missing: str) -> Profile:
        def load() -> Profile | None:
            # The SQL expression is built only on a miss: building it costs more than the cache hit.
            with self.session() as session:
                return session.scalar(
                    select(Profile)
                    .options(joinedload(Profile.keyset), joinedload(Profile.tenant))
                    .where(column == value)
                )

        profile = self._cache.get((column.key, value), load)
        if profile is None:
            raise ProfileNotFound(missing)
        return profile

    def find_profile(self, tenant_id: int, name: str) -> Profile | None:
        with self.session() as session:
            return session.scalar(
                select(Profile)
                .options(joinedload(Profile.keyset), joinedload(Profile.tenant))
                .where(Profile.tenant_id == tenant_id, Profile.name == name)
            )

    def list_profiles(self, tenant_id: int | None = None) -> list[Profile]:
        with self.session() as session:
            query = select(Profile).options(joinedload(Profile.keyset), joinedload(Profile.tenant)).order_by(Profile.id)
            if tenant_id is not None:
                query = query.where(Profile.tenant_id == tenant_id)
            return list(session.scalars(query))

    # --- launch links --------------------------------------------------------------------------
    def add_link(
        self,
        fields: dict[str, Any],
        events: list[str],
        replaces: tuple[int, str] | None = None,
        outbox: Sequence[OutboxEvent] = (),
        outbox_if_replaced: Sequence[OutboxEvent] = (),
    ) -> LaunchLink:
        """A new link with its first events; with `replaces` (tenant id, public id), the old one revoked with it.

        One transaction: an admin re-sending an invitation is left with exactly one working link, or, when
        the old link is not the tenant's, with no new one (LinkNotFound). The webhook events (`outbox`, and
        `outbox_if_replaced` when the old link was still live) commit with it.
        """
        with self.session() as session:
            _add_outbox(session, outbox)
            if replaces is not None:
                tenant_id, public_id = replaces
                old = session.scalar(
                    select(LaunchLink)
                    .where(LaunchLink.tenant_id == tenant_id, LaunchLink.public_id == public_id)
                    .with_for_update()
                )
                if old is None:
                    raise LinkNotFound("No link with that id for this API key's tenant; nothing was made.")
                at = fields["created_at"]
                if old.revoked_at is None:
                    old.revoked_at = at
                    _add_outbox(session, outbox_if_replaced)
                session.add(LinkEvent(link_id=old.id, at=at, kind="replaced"))
            link = LaunchLink(**fields)
            session.add(link)
            session.flush()
            # Core inserts: the ORM's relationship bookkeeping cost a fifth of a link mint.
            at = fields["created_at"]
            session.execute(insert(LinkEvent), [{"link_id": link.id, "at": at, "kind": kind} for kind in events])
            return link

    def add_link_event(self, link_id: int, kind: str, at: dt.datetime, outbox: Sequence[OutboxEvent] = ()) -> None:
        with self.session() as session:
            session.add(LinkEvent(link_id=link_id, at=at, kind=kind))
            _add_outbox(session, outbox)

    def mark_renewed(self, link_id: int, now: dt.datetime) -> bool:
        """Claim an expired, unused, unrevoked link's one renewal; of parallel claims exactly one wins."""
        with self.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(
                    LaunchLink.id == link_id,
                    LaunchLink.renewed_at.is_(None),
                    LaunchLink.revoked_at.is_(None),
                    LaunchLink.uses < LaunchLink.max_uses,
                    LaunchLink.expires_at <= now,
                )
                .values(renewed_at=now)
            )
            return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def unmark_renewed(self, link_id: int) -> None:
        """Give a renewal back when its mail could not be sent."""
        with self.session() as session:
            session.execute(update(LaunchLink).where(LaunchLink.id == link_id).values(renewed_at=None))

    @retried_once
    def link_with_events(self, tenant_id: int, public_id: str) -> LaunchLink | None:
        if _unstorable(public_id):
            return None
        with self.session() as session:
            return session.scalar(
                select(LaunchLink)
                .options(joinedload(LaunchLink.profile), selectinload(LaunchLink.events))
                .where(LaunchLink.tenant_id == tenant_id, LaunchLink.public_id == public_id)
            )

    @retried_once
    def link_by_hash(self, secret_hash: str) -> LaunchLink | None:
        with self.session() as session:
            return session.scalar(select(LaunchLink).where(LaunchLink.secret_hash == secret_hash))

    def consume_link(self, link_id: int, now: dt.datetime, outbox: Sequence[OutboxEvent] = ()) -> bool:
        """One conditional UPDATE: the database, not the application, decides who gets the last use.

        The `link.used` webhook event (`outbox`) commits with the use, or neither does.
        """
        with self.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(
                    LaunchLink.id == link_id,
                    LaunchLink.uses < LaunchLink.max_uses,
                    LaunchLink.revoked_at.is_(None),
                    LaunchLink.expires_at > now,
                )
                .values(uses=LaunchLink.uses + 1, last_used_at=now)
            )
            won = bool(result.rowcount == 1)  # type: ignore[attr-defined]
            if won:
                session.add(LinkEvent(link_id=link_id, at=now, kind="used"))
                _add_outbox(session, outbox)
            return won

    def release_link_use(self, link_id: int, withdraw_event: str | None = None) -> None:
        """Give back a use, and forget its `used` event; `withdraw_event` (its webhook event) too if not yet sent."""
        with self.session() as session:
            if withdraw_event is not None:
                _withdraw_event(session, withdraw_event)
            session.execute(
                update(LaunchLink).where(LaunchLink.id == link_id, LaunchLink.uses > 0).values(uses=LaunchLink.uses - 1)
            )
            last_use = (
                select(LinkEvent.id)
                .where(LinkEvent.link_id == link_id, LinkEvent.kind == "used")
                .order_by(LinkEvent.id.desc())
                .limit(1)
                .scalar_subquery()
            )
            session.execute(delete(LinkEvent).where(LinkEvent.id == last_use))

    @retried_once
    def list_links(
        self, tenant_id: int, limit: int, state: str | None = None, now: dt.datetime | None = None
    ) -> list[LaunchLink]:
        """A tenant's newest links, only those in `state` (usable, expired, used, revoked) if given."""
        query = (
            select(LaunchLink)
            .options(joinedload(LaunchLink.profile))
            .where(LaunchLink.tenant_id == tenant_id)
            .order_by(LaunchLink.id.desc())
            .limit(limit)
        )
        if state is not None:
            # In SQL, before the limit: filtering the newest `limit` links afterwards could answer [] while
            # older links in that state exist.
            query = query.where(_link_state_condition(state, now or dt.datetime.now(dt.UTC)))
        with self.session() as session:
            return list(session.scalars(query))

    @retried_once
    def link_by_public_id(self, tenant_id: int | None, public_id: str) -> LaunchLink | None:
        if _unstorable(public_id):
            return None
        with self.session() as session:
            query = select(LaunchLink).options(joinedload(LaunchLink.profile)).where(LaunchLink.public_id == public_id)
            if tenant_id is not None:
                query = query.where(LaunchLink.tenant_id == tenant_id)
            return session.scalar(query)

    @retried_once
    def revoke_link(self, link_id: int, now: dt.datetime, outbox: Sequence[OutboxEvent] = ()) -> None:
        """Revoke a live link and note it (and its webhook event); a second run (a retry, a second admin) changes
        nothing."""
        with self.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(LaunchLink.id == link_id, LaunchLink.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                session.add(LinkEvent(link_id=link_id, at=now, kind="revoked"))
                _add_outbox(session, outbox)

    def purge_links(self, now: dt.datetime, renewal_window: dt.timedelta) -> int:
        """Drop the sealed content of every link that can no longer be used; returns how many.

        An expired emailed link its member may still renew keeps it for `renewal_window` after it expired:
        the renewal needs the address, sealed under the link's secret.
        """
        renewable = and_(
            LaunchLink.recipient_masked.is_not(None),
            LaunchLink.renewed_at.is_(None),
            LaunchLink.expires_at > now - renewal_window,
            exists().where(Profile.id == LaunchLink.profile_id, Profile.link_renewals > LaunchLink.renewals),
        )
        with self.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(
                    LaunchLink.sealed_payload.is_not(None),
                    (LaunchLink.uses >= LaunchLink.max_uses)
                    | LaunchLink.revoked_at.is_not(None)
                    | and_(LaunchLink.expires_at <= now, ~renewable),
                )
                .values(sealed_payload=None)
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    # --- test inbox ----------------------------------------------------------------------------
    def add_test_mail(self, tenant_id: int, public_id: str, at: dt.datetime, sealed: bytes) -> None:
        with self.session() as session:
            session.add(TestMail(tenant_id=tenant_id, public_id=public_id, at=at, sealed=sealed))

    @retried_once
    def test_mails(self, tenant_id: int, since: dt.datetime) -> list[TestMail]:
        with self.session() as session:
            query = (
                select(TestMail)
                .where(TestMail.tenant_id == tenant_id, TestMail.at >= since)
                .order_by(TestMail.id.desc())
            )
            return list(session.scalars(query))

    def purge_test_mails(self, before: dt.datetime) -> int:
        with self.session() as session:
            return int(session.execute(delete(TestMail).where(TestMail.at < before)).rowcount)  # type: ignore[attr-defined]

    # --- idempotency ---------------------------------------------------------------------------
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
        with self.session() as session:
            session.execute(
                delete(IdempotencyRecord).where(
                    IdempotencyRecord.tenant_id == tenant_id,
                    IdempotencyRecord.key_hash == key_hash,
                    (IdempotencyRecord.created_at < stale_before)
                    | ((IdempotencyRecord.state == "running") & (IdempotencyRecord.created_at < lease_expired_before)),
                )
            )
        try:
            with self.session() as session:
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
        with self.session() as session:
            return session.scalar(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.tenant_id == tenant_id, IdempotencyRecord.key_hash == key_hash
                )
            )

    @retried_once
    def finish_idempotency(self, record_id: int, status: int, sealed: bytes) -> None:
        with self.session() as session:
            session.execute(
                update(IdempotencyRecord)
                .where(IdempotencyRecord.id == record_id)
                .values(state="done", response_status=status, sealed_response=sealed)
            )

    @retried_once
    def delete_idempotency(self, record_id: int) -> None:
        with self.session() as session:
            session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id == record_id))

    def purge_idempotency(self, stale_before: dt.datetime) -> int:
        with self.session() as session:
            result = session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < stale_before))
            return int(result.rowcount)  # type: ignore[attr-defined]

    # --- audit ---------------------------------------------------------------------------------
    def record_audits(self, rows: list[dict[str, Any]]) -> None:
        """Insert audit rows in one statement (executemany)."""
        # Core, not ORM: the rows are plain dicts, and the ORM's per-row bookkeeping would be pure overhead.
        with self.engine.begin() as connection:
            connection.execute(insert(AuditEvent), rows)

    # --- webhooks ------------------------------------------------------------------------------
    @retried_once
    def webhook_routes(self, tenant_id: int) -> WebhookRoutes:
        """Which live endpoints of a tenant receive which event types, as read up to LOOKUP_CACHE_SECONDS ago.

        Asked on every change a webhook could report: for a tenant without endpoints it is a cache hit that
        answers "nobody", so the change costs no outbox write.
        """

        def load() -> WebhookRoutes:
            with self.session() as session:
                rows = session.execute(
                    select(WebhookEndpoint.id, WebhookEndpoint.event_types).where(
                        WebhookEndpoint.tenant_id == tenant_id, WebhookEndpoint.disabled_at.is_(None)
                    )
                ).all()
            by_type: dict[str, tuple[int, ...]] = {}
            every: list[int] = []
            for endpoint_id, types in rows:
                if not types:
                    every.append(endpoint_id)
                for event_type in types or ():
                    by_type[event_type] = (*by_type.get(event_type, ()), endpoint_id)
            return WebhookRoutes(by_type, tuple(every))

        routes = self._cache.get(("webhook_routes", tenant_id), load)
        assert routes is not None  # load never answers None
        return routes

    def _forget_routes(self, tenant_id: int) -> None:
        self._cache.forget(("webhook_routes", tenant_id))

    def add_webhook_endpoint(self, fields: dict[str, Any], limit: int) -> WebhookEndpoint | None:
        """A new endpoint, or None when the tenant already has `limit` of them."""
        with self.session() as session:
            count = session.scalar(
                select(func.count())
                .select_from(WebhookEndpoint)
                .where(WebhookEndpoint.tenant_id == fields["tenant_id"])
            )
            if (count or 0) >= limit:
                return None
            endpoint = WebhookEndpoint(**fields)
            session.add(endpoint)
            session.flush()
        self._forget_routes(endpoint.tenant_id)
        return endpoint

    @retried_once
    def list_webhook_endpoints(self, tenant_id: int | None) -> list[WebhookEndpoint]:
        query = select(WebhookEndpoint).order_by(WebhookEndpoint.id)
        if tenant_id is not None:
            query = query.where(WebhookEndpoint.tenant_id == tenant_id)
        with self.session() as session:
            return list(session.scalars(query))

    @retried_once
    def webhook_endpoint(self, tenant_id: int | None, public_id: str) -> WebhookEndpoint | None:
        if _unstorable(public_id):
            return None
        query = select(WebhookEndpoint).where(WebhookEndpoint.public_id == public_id)
        if tenant_id is not None:
            query = query.where(WebhookEndpoint.tenant_id == tenant_id)
        with self.session() as session:
            return session.scalar(query)

    def delete_webhook_endpoint(self, endpoint: WebhookEndpoint) -> None:
        """The endpoint and its deliveries go; the tenant's events stay in its list."""
        with self.session() as session:
            session.execute(delete(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint.id))
            session.execute(delete(WebhookEndpoint).where(WebhookEndpoint.id == endpoint.id))
        self._forget_routes(endpoint.tenant_id)

    def set_webhook_secret(
        self, endpoint_id: int, sealed: bytes, previous: bytes | None, previous_until: dt.datetime | None
    ) -> WebhookEndpoint:
        with self.session() as session:
            endpoint = session.get(WebhookEndpoint, endpoint_id)
            if endpoint is None:
                raise WebhookNotFound("No webhook endpoint with that id.")
            endpoint.sealed_secret = sealed
            endpoint.previous_sealed_secret = previous
            endpoint.previous_secret_until = previous_until
            return endpoint

    @retried_once
    def list_webhook_deliveries(self, endpoint_id: int, limit: int) -> list[WebhookDelivery]:
        with self.session() as session:
            return list(
                session.scalars(
                    select(WebhookDelivery)
                    .options(joinedload(WebhookDelivery.event))
                    .where(WebhookDelivery.endpoint_id == endpoint_id)
                    .order_by(WebhookDelivery.id.desc())
                    .limit(limit)
                )
            )

    @retried_once
    def webhook_delivery(self, endpoint_id: int, public_id: str) -> WebhookDelivery | None:
        if _unstorable(public_id):
            return None
        with self.session() as session:
            return session.scalar(
                select(WebhookDelivery)
                .options(joinedload(WebhookDelivery.event))
                .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.public_id == public_id)
            )

    def add_redelivery(self, event_id: int, endpoint_id: int, public_id: str, now: dt.datetime) -> WebhookDelivery:
        """A new delivery of an event to an endpoint, due now (the same event, so the same `webhook-id`)."""
        with self.session() as session:
            delivery = WebhookDelivery(
                public_id=public_id,
                event_id=event_id,
                endpoint_id=endpoint_id,
                state="pending",
                attempts=0,
                created_at=now,
                next_attempt_at=now,
            )
            session.add(delivery)
            session.flush()
            session.refresh(delivery, ["event"])
            return delivery

    @retried_once
    def list_webhook_events(self, tenant_id: int, limit: int) -> list[WebhookEvent]:
        with self.session() as session:
            return list(
                session.scalars(
                    select(WebhookEvent)
                    .where(WebhookEvent.tenant_id == tenant_id)
                    .order_by(WebhookEvent.id.desc())
                    .limit(limit)
                )
            )

    def claim_deliveries(self, now: dt.datetime, lease_until: dt.datetime, limit: int) -> list[ClaimedDelivery]:
        """Take the lease of up to `limit` due deliveries of live endpoints, each for its next attempt.

        PostgreSQL: `FOR UPDATE SKIP LOCKED` hands rows another dispatcher is claiming to nobody else. SQLite
        has no row locks (the clause is left out) and one writer at a time: there the conditional UPDATE below
        decides, as on PostgreSQL, and a row whose lease another dispatcher took meanwhile is skipped. Either
        way an attempt number is claimed once, so no two dispatchers send the same attempt.
        """
        leasable = or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until <= now)
        due = (
            select(WebhookDelivery.id)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(
                WebhookDelivery.state == "pending",
                WebhookDelivery.next_attempt_at <= now,
                leasable,
                WebhookEndpoint.disabled_at.is_(None),
            )
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(limit)
            .with_for_update(of=WebhookDelivery, skip_locked=True)
        )
        claimed: list[tuple[int, int]] = []
        with self.session() as session:
            for delivery_id in list(session.scalars(due)):
                attempt = session.scalar(
                    update(WebhookDelivery)
                    .where(WebhookDelivery.id == delivery_id, WebhookDelivery.state == "pending", leasable)
                    .values(lease_until=lease_until, attempts=WebhookDelivery.attempts + 1, last_attempt_at=now)
                    .returning(WebhookDelivery.attempts)
                )
                if attempt is not None:
                    claimed.append((delivery_id, attempt))
        if not claimed:
            return []
        attempts = dict(claimed)
        with self.session() as session:
            rows = session.scalars(
                select(WebhookDelivery)
                .options(joinedload(WebhookDelivery.event), joinedload(WebhookDelivery.endpoint))
                .where(WebhookDelivery.id.in_(attempts))
                .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            )
            return [
                ClaimedDelivery(
                    delivery_id=row.id,
                    attempt=attempts[row.id],
                    created_at=row.created_at,
                    event_public_id=row.event.public_id,
                    event_type=row.event.type,
                    event_created_at=row.event.created_at,
                    event_data=dict(row.event.data),
                    endpoint_id=row.endpoint.id,
                    endpoint_public_id=row.endpoint.public_id,
                    tenant_id=row.endpoint.tenant_id,
                    url=row.endpoint.url,
                    sealed_secret=row.endpoint.sealed_secret,
                    previous_sealed_secret=row.endpoint.previous_sealed_secret,
                    previous_secret_until=row.endpoint.previous_secret_until,
                )
                for row in rows
            ]

    @retried_once
    def finish_attempt(
        self,
        claimed: ClaimedDelivery,
        outcome: DeliveryOutcome,
        disable_before: dt.datetime,
        if_disabled: Sequence[OutboxEvent] = (),
    ) -> bool:
        """Record an attempt, if the lease is still this attempt's; the endpoint's health with it.

        A failure on an endpoint failing since before `disable_before` disables it: its pending deliveries
        fail, and `if_disabled` (the `webhook.disabled` event) is written. True if the endpoint was disabled.
        A retry after a lost connection repeats nothing: the attempt number no longer matches.
        """
        disabled = False
        with self.session() as session:
            result = session.execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.id == claimed.delivery_id,
                    WebhookDelivery.attempts == claimed.attempt,
                    WebhookDelivery.state == "pending",
                )
                .values(
                    state=outcome.state,
                    lease_until=None,
                    last_status=outcome.status,
                    last_error=outcome.error,
                    next_attempt_at=outcome.next_attempt_at or WebhookDelivery.next_attempt_at,
                    finished_at=None if outcome.state == "pending" else outcome.at,
                )
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            endpoint = WebhookEndpoint
            if outcome.state == "delivered":
                session.execute(
                    update(endpoint)
                    .where(endpoint.id == claimed.endpoint_id)
                    .values(failing_since=None, last_success_at=outcome.at)
                )
                return False
            session.execute(
                update(endpoint)
                .where(endpoint.id == claimed.endpoint_id, endpoint.failing_since.is_(None))
                .values(failing_since=outcome.at)
            )
            result = session.execute(
                update(endpoint)
                .where(
                    endpoint.id == claimed.endpoint_id,
                    endpoint.disabled_at.is_(None),
                    endpoint.failing_since <= disable_before,
                )
                .values(disabled_at=outcome.at)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                disabled = True
                session.execute(
                    update(WebhookDelivery)
                    .where(WebhookDelivery.endpoint_id == claimed.endpoint_id, WebhookDelivery.state == "pending")
                    .values(state="failed", last_error="endpoint_disabled", finished_at=outcome.at, lease_until=None)
                )
                _add_outbox(session, if_disabled)
        if disabled:
            self._forget_routes(claimed.tenant_id)
        return disabled

    @retried_once
    def oldest_undelivered(self) -> dt.datetime | None:
        """When the oldest delivery still waiting to go out was made (None: none waits)."""
        with self.session() as session:
            return session.scalar(
                select(func.min(WebhookDelivery.created_at))
                .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
                .where(WebhookDelivery.state == "pending", WebhookEndpoint.disabled_at.is_(None))
            )

    @retried_once
    def expired_links_to_announce(self, event_type: str, now: dt.datetime, limit: int) -> list[LaunchLink]:
        """Links that expired unused and unrevoked, not yet announced, of tenants with an endpoint for
        `event_type`, and only those that expired after the tenant's first such endpoint was made."""
        with self.session() as session:
            endpoints = session.execute(
                select(WebhookEndpoint.tenant_id, WebhookEndpoint.event_types, WebhookEndpoint.created_at).where(
                    WebhookEndpoint.disabled_at.is_(None)
                )
            ).all()
            since: dict[int, dt.datetime] = {}
            for tenant_id, types, created_at in endpoints:
                if not types or event_type in types:
                    since[tenant_id] = min(since.get(tenant_id, created_at), created_at)
            if not since:
                return []
            conditions = [
                and_(LaunchLink.tenant_id == tenant_id, LaunchLink.expires_at > start)
                for tenant_id, start in since.items()
            ]
            return list(
                session.scalars(
                    select(LaunchLink)
                    .options(joinedload(LaunchLink.profile))
                    .where(
                        or_(*conditions),
                        _link_state_condition("expired", now),
                        LaunchLink.expiry_announced_at.is_(None),
                    )
                    .order_by(LaunchLink.expires_at)
                    .limit(limit)
                )
            )

    def announce_link_expired(self, link_id: int, now: dt.datetime, outbox: Sequence[OutboxEvent]) -> bool:
        """Mark a link's expiry announced and write its events, once: of two sweepers one does it."""
        with self.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(LaunchLink.id == link_id, LaunchLink.expiry_announced_at.is_(None))
                .values(expiry_announced_at=now)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            _add_outbox(session, outbox)
            return True

    @retried_once
    def tenants_of_keyset(self, keyset_id: int) -> list[int]:
        """The tenants with a profile signing with this keyset."""
        with self.session() as session:
            return sorted(set(session.scalars(select(Profile.tenant_id).where(Profile.keyset_id == keyset_id))))

    def announce_signing_kid(
        self, keyset_id: int, previous: str | None, kid: str, outbox: Sequence[OutboxEvent]
    ) -> bool:
        """Note that `kid` signs now (it was `previous`) with its events, once: of two callers one does it."""
        with self.session() as session:
            column = Keyset.announced_kid
            result = session.execute(
                update(Keyset)
                .where(Keyset.id == keyset_id, column.is_(None) if previous is None else column == previous)
                .values(announced_kid=kid)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            _add_outbox(session, outbox)
            return True

    def purge_webhook_events(self, before: dt.datetime) -> int:
        """Forget events made before `before` that have nothing left to deliver; returns how many."""
        waiting = exists().where(WebhookDelivery.event_id == WebhookEvent.id, WebhookDelivery.state == "pending")
        with self.session() as session:
            old = select(WebhookEvent.id).where(WebhookEvent.created_at < before, ~waiting)
            ids = list(session.scalars(old))
            if ids:
                session.execute(delete(WebhookDelivery).where(WebhookDelivery.event_id.in_(ids)))
                session.execute(delete(WebhookEvent).where(WebhookEvent.id.in_(ids)))
            return len(ids)


_EVENTS = cast(Table, WebhookEvent.__table__)
_DELIVERIES = cast(Table, WebhookDelivery.__table__)


def _add_outbox(session: Session, events: Sequence[OutboxEvent]) -> None:
    """Insert webhook events and their deliveries in the session's transaction.

    Core statements on the session's connection: no ORM bookkeeping on the request path (it cost as much as the
    inserts themselves).
    """
    if not events:
        return
    connection = session.connection()
    for outbox_event in events:
        event_id = connection.execute(
            _EVENTS.insert().returning(_EVENTS.c.id),
            {
                "public_id": outbox_event.public_id,
                "tenant_id": outbox_event.tenant_id,
                "type": outbox_event.type,
                "created_at": outbox_event.created_at,
                "data": outbox_event.data,
            },
        ).scalar_one()
        deliveries = _still_live(connection, outbox_event.deliveries)
        if deliveries:
            connection.execute(
                _DELIVERIES.insert(),
                [
                    {
                        "public_id": delivery_public_id,
                        "event_id": event_id,
                        "endpoint_id": endpoint_id,
                        "state": "pending",
                        "attempts": 0,
                        "created_at": outbox_event.created_at,
                        "next_attempt_at": outbox_event.created_at,
                    }
                    for endpoint_id, delivery_public_id in deliveries
                ],
            )


def _still_live(connection: Any, deliveries: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """The deliveries whose endpoint still exists and is enabled.

    The routes come from a cache up to LOOKUP_CACHE_SECONDS old: an endpoint deleted through another worker
    since would fail the insert's foreign key and with it the change being reported (a link use, a mint).
    """
    if not deliveries:
        return []
    ids = {endpoint_id for endpoint_id, _ in deliveries}
    live = set(
        connection.execute(
            select(WebhookEndpoint.id).where(WebhookEndpoint.id.in_(ids), WebhookEndpoint.disabled_at.is_(None))
        ).scalars()
    )
    return [delivery for delivery in deliveries if delivery[0] in live]


def _withdraw_event(session: Session, public_id: str) -> None:
    """Drop a webhook event's deliveries that were never tried, and the event if none is left."""
    event_id = session.scalar(select(WebhookEvent.id).where(WebhookEvent.public_id == public_id))
    if event_id is None:
        return
    session.execute(
        delete(WebhookDelivery).where(
            WebhookDelivery.event_id == event_id, WebhookDelivery.attempts == 0, WebhookDelivery.lease_until.is_(None)
        )
    )
    if not session.scalar(select(exists().where(WebhookDelivery.event_id == event_id))):
        session.execute(delete(WebhookEvent).where(WebhookEvent.id == event_id))
