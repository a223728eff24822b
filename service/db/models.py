"""Database tables (SQLAlchemy 2). Schema changes go through Alembic migrations in service/db/migrations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Tenant(Base):
    __tablename__ = "tenants"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # What people see on pages and in mails ("Tatooine Physio"); the slug `name` when unset.
    display_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, server_default=func.now())


class ApiKey(Base):
    """An API key, stored as its public prefix and a SHA-256 of the whole key; the key itself never."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    prefix: Mapped[str] = mapped_column(String(32), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(100), default="")
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, server_default=func.now())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # "<count>/<unit>" (service/rate_limits.py); None: the broker's RATE_LIMIT.
    rate_limit: Mapped[str | None] = mapped_column(String(32), nullable=True)

    tenant: Mapped[Tenant] = relationship()


class Keyset(Base):
    """One signing key lineage: one Secrets Manager secret, whose versions are its rotations."""

    __tablename__ = "keysets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    secret_id: Mapped[str] = mapped_column(String(2048))
    alg: Mapped[str] = mapped_column(String(10))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, server_default=func.now())
    # The kid of the signing key tenants were last told about (`keyset.rotated`); None until first seen.
    announced_kid: Mapped[str | None] = mapped_column(String(100), nullable=True)


class Profile(Base):
    """One link target: RP endpoint, delivery mode, iss/aud, keyset, payload kind and limits."""

    __tablename__ = "profiles"
    # Profile names are per tenant, so the dev seed and operators can find a profile by name.
    __table_args__ = (UniqueConstraint("tenant_id", "name", name="uq_profiles_tenant_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    keyset_id: Mapped[int] = mapped_column(ForeignKey("keysets.id"))
    name: Mapped[str] = mapped_column(String(100))
    profile_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    delivery_mode: Mapped[str] = mapped_column(String(16))
    issuer: Mapped[str] = mapped_column(String(500))
    audience: Mapped[str] = mapped_column(String(500))
    rp_url: Mapped[str] = mapped_column(String(2048))
    rp_domain: Mapped[str | None] = mapped_column(String(255), nullable=True)
    allowed_redirect_origins: Mapped[list[str]] = mapped_column(JSON, default=list)
    max_token_ttl: Mapped[int] = mapped_column(Integer, default=300)
    check_ssn: Mapped[bool] = mapped_column(Boolean, default=False)
    # How many times one launch link of this profile may be used (single-use by default).
    link_max_uses: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # What people see on pages and in mails ("ExorLive Go"); the slug `name` when unset.
    display_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # Where the expired and used pages of a link that was not emailed send people for a fresh one.
    refresh_url: Mapped[str | None] = mapped_column(String(2048), nullable=True)
    # How many times the member may have an expired emailed link mailed again (0: never).
    link_renewals: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Pages and mails: this locale unless the request named one (None: the kind's); times in this zone.
    locale: Mapped[str | None] = mapped_column(String(8), nullable=True)
    time_zone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # A test profile (pointing at a sandbox RP): only test API keys mint for it, and only for it.
    test: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, server_default=func.now())

    tenant: Mapped[Tenant] = relationship()
    keyset: Mapped[Keyset] = relationship()


class LaunchLink(Base):
    """A URL on the broker that mints a fresh token when used.

    Only a hash of the link's secret is stored, and the payload is sealed (AES-GCM) under a key derived
    from the secret, so a database dump reveals neither personal data nor a usable link.
    """

    __tablename__ = "launch_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A short random id to name the link in listings and audit rows; it opens nothing.
    public_id: Mapped[str] = mapped_column(String(16), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    api_key_prefix: Mapped[str] = mapped_column(String(32))
    sealed_payload: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    auto_submit: Mapped[bool] = mapped_column(Boolean, default=False)
    max_uses: Mapped[int] = mapped_column(Integer, default=1)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # Set only for emailed links, already masked (b***@galaxy.com): the address itself is never stored.
    recipient_masked: Mapped[str | None] = mapped_column(String(120), nullable=True)
    # The locale its pages speak (None: the profile's, then the browser's).
    locale: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # How many renewals came before this link (0 for a link an API call made).
    renewals: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # When the member had this (expired, emailed) link mailed again; a link is renewed at most once.
    renewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # When the webhook sweeper announced that this link expired unused (`link.expired`); at most once.
    expiry_announced_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    profile: Mapped[Profile] = relationship()
    events: Mapped[list[LinkEvent]] = relationship(order_by="LinkEvent.id", cascade="all, delete-orphan")


class LinkEvent(Base):
    """What happened to a launch link and when: created, emailed, used, revoked... Never who or what."""

    __tablename__ = "link_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("launch_links.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(20))


class IdempotencyRecord(Base):
    """The first response to an Idempotency-Key, sealed; the key itself is stored only as a hash."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("tenant_id", "key_hash", name="uq_idempotency_tenant_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    key_hash: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    response_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sealed_response: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class AuditEvent(Base):
    """Who minted what for which profile and when; subjects only as keyed hashes, never names or tokens."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    action: Mapped[str] = mapped_column(String(50))
    outcome: Mapped[str] = mapped_column(String(30))
    request_id: Mapped[str] = mapped_column(String(64), default="")
    tenant_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    api_key_prefix: Mapped[str | None] = mapped_column(String(32), nullable=True)
    profile_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kid: Mapped[str | None] = mapped_column(String(100), nullable=True)
    subject_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Given when the row is made (service/audit.py); a row written again after a crash is then skipped.
    event_id: Mapped[str | None] = mapped_column(String(32), nullable=True, unique=True, index=True)


class TestMail(Base):
    """A mail a test API key asked for: kept for the test inbox instead of sent, sealed under SERVER_SECRET."""

    __tablename__ = "test_mails"
    __test__ = False  # not a pytest test class, despite its name

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class WebhookEndpoint(Base):
    """A tenant's URL that receives signed events (Standard Webhooks); its secrets are kept sealed."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str] = mapped_column(String(200), default="")
    # The event types it receives; empty: every type.
    event_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The signing secret, sealed under SERVER_SECRET; the one before a rotation signs alongside until its time ends.
    sealed_secret: Mapped[bytes] = mapped_column(LargeBinary)
    previous_sealed_secret: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    previous_secret_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # Since when every attempt failed (None after a success); disabled once that lasts WEBHOOK_DISABLE_AFTER.
    failing_since: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_success_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    disabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class WebhookEvent(Base):
    """The outbox: one event, written in the transaction of the change it reports. Ids and states only."""

    __tablename__ = "webhook_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The `webhook-id` header: the same on every attempt and every endpoint.
    public_id: Mapped[str] = mapped_column(String(40), unique=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    deliveries: Mapped[list[WebhookDelivery]] = relationship(back_populates="event", passive_deletes=True)


class WebhookDelivery(Base):
    """One event to one endpoint: its attempts, its lease while a dispatcher sends it, and its outcome."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(40), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("webhook_events.id", ondelete="CASCADE"), index=True)
    endpoint_id: Mapped[int] = mapped_column(ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), index=True)
    # pending, delivered or failed.
    state: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # A dispatcher holds the delivery until then; a dispatcher that died lets it go when the lease ends.
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(40), nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    event: Mapped[WebhookEvent] = relationship(back_populates="deliveries")
    endpoint: Mapped[WebhookEndpoint] = relationship()
