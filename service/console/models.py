"""The console's tables: its users (per tenant, with a role), their emailed sign-in links, their sessions.

No address is kept in clear: a user's address is sealed (AES-GCM) under SERVER_SECRET, so the console can show
it to the tenant's owner, and found by its HMAC under SERVER_SECRET. Sign-in links and sessions keep only the
SHA-256 of their secret, so a dump of the database opens neither.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.db.base import Base, utcnow


class ConsoleUser(Base):
    """A person who may sign in to one tenant's console, with a role: owner, admin or viewer."""

    __tablename__ = "console_users"
    __table_args__ = (UniqueConstraint("tenant_id", "email_hmac"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Names the user in audit rows and pages ("cu_…"); it reveals nothing about them.
    public_id: Mapped[str] = mapped_column(String(24), unique=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    # HMAC-SHA256 of the normalised address under a key derived from SERVER_SECRET: the lookup at sign-in.
    email_hmac: Mapped[str] = mapped_column(String(64), index=True)
    # The address sealed under SERVER_SECRET and bound to public_id, for the owner's list of users.
    sealed_email: Mapped[bytes] = mapped_column(LargeBinary)
    role: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Written when a session starts (by any sign-in); None until the first.
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ConsoleSignIn(Base):
    """An emailed one-time sign-in link: the SHA-256 of its secret, its lifetime, and when it was used."""

    __tablename__ = "console_sign_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("console_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ConsoleSession(Base):
    """A signed-in browser: the SHA-256 of its cookie, whose user, since when, last seen, and when it ended."""

    __tablename__ = "console_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    id_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("console_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ConsoleIdentityProvider(Base):
    """A tenant's OpenID Connect provider: its issuer, this broker's client id there, and where its secret is.

    The client secret is never stored: only the name of the environment variable holding it, or the id of the
    Secrets Manager secret holding it (one of the two).
    """

    __tablename__ = "console_identity_providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), unique=True)
    issuer: Mapped[str] = mapped_column(String(500))
    client_id: Mapped[str] = mapped_column(String(255))
    secret_env: Mapped[str | None] = mapped_column(String(128), nullable=True)
    secret_id: Mapped[str | None] = mapped_column(String(512), nullable=True)
    default_role: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ConsoleIdentityProviderDomain(Base):
    """An email domain whose addresses sign in through a tenant's provider: each domain belongs to one tenant."""

    __tablename__ = "console_identity_provider_domains"

    id: Mapped[int] = mapped_column(primary_key=True)
    domain: Mapped[str] = mapped_column(String(253), unique=True)
    provider_id: Mapped[int] = mapped_column(
        ForeignKey("console_identity_providers.id", ondelete="CASCADE"), index=True
    )
