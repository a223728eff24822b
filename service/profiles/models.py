"""The profiles table: one link target of a tenant (relying party, mode, iss/aud, keyset, kind)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.db.base import Base, utcnow
from service.keys.models import Keyset
from service.tenants.models import Tenant


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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, server_default=func.now())

    tenant: Mapped[Tenant] = relationship()
    keyset: Mapped[Keyset] = relationship()
