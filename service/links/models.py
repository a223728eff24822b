"""The launch_links and link_events tables: links that mint when used, and what happened to them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db.base import Base, utcnow
from service.profiles.models import Profile


class LaunchLink(Base):
    """A URL on the broker that mints a fresh token when used.

    Only a hash of the link's secret is stored, and the payload is sealed (AES-GCM) under a key derived
    from the secret, so a database dump reveals neither personal data nor a usable link.
    """

    __tablename__ = "launch_links"
    # An admin finds a member's links by address: the tenant's links with this keyed hash.
    __table_args__ = (Index("ix_launch_links_tenant_recipient", "tenant_id", "recipient_hash"),)

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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # Set only for emailed links, already masked (b***@galaxy.com): the address itself is never stored.
    recipient_masked: Mapped[str | None] = mapped_column(String(120), nullable=True)
    # Also only for emailed links: a keyed hash (HMAC under SUBJECT_HASH_KEY) of the address, so an admin can
    # find a member's links by address (`GET /api/v1/links?recipient=`) while a dump reveals nothing.
    recipient_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # The locale its pages speak (None: the profile's, then the browser's).
    locale: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # How many renewals came before this link (0 for a link an API call made).
    renewals: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # When the member had this (expired, emailed) link mailed again; a link is renewed at most once.
    renewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # When the webhook sweeper announced that this link expired unused (`link.expired`); at most once.
    expiry_announced_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # The link made to replace this one (generateJWT's `replaces`); set once, so a chain has one live end.
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("launch_links.id", ondelete="SET NULL"), nullable=True
    )

    profile: Mapped[Profile] = relationship()
    events: Mapped[list[LinkEvent]] = relationship(order_by="LinkEvent.id", cascade="all, delete-orphan")


class LinkEvent(Base):
    """What happened to a launch link and when: created, emailed, used, revoked... Never who or what."""

    __tablename__ = "link_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("launch_links.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(20))
