"""Rows the store tests start from: a tenant with a keyset and a profile, and links made straight in the store."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from service.profiles.models import Profile
from service.wiring import Stores

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)


def a_profile(stores: Stores, tenant: str = "acme") -> Profile:
    """A tenant, a keyset and a generic profile of that tenant."""
    keyset = stores.keysets.add_keyset(f"k-{tenant}", "secret-id", "ES256", is_default=True)
    made = stores.tenants.create_tenant(tenant)
    return stores.profiles.add_profile(
        tenant_id=made.id,
        keyset_id=keyset.id,
        name="app",
        profile_key=f"pk_{secrets.token_hex(8)}",
        kind="generic",
        delivery_mode="form",
        issuer="https://broker.test",
        audience="app",
        rp_url="https://rp.test/sso",
        allowed_redirect_origins=[],
    )


def link_fields(profile: Profile, **more: Any) -> dict[str, Any]:
    """The columns of a new single-use link of `profile` (what LaunchLinks.create hands the store)."""
    return {
        "public_id": "ln_" + secrets.token_urlsafe(9),
        "secret_hash": secrets.token_hex(32),
        "tenant_id": profile.tenant_id,
        "profile_id": profile.id,
        "api_key_prefix": "tbk_store_test",
        "sealed_payload": b"sealed",
        "auto_submit": False,
        "max_uses": 1,
        "created_at": NOW,
        "expires_at": NOW + dt.timedelta(hours=1),
        **more,
    }
