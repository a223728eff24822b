"""Issuing API keys: a new key for a tenant, shown once and stored hashed, with its scopes and rate limit."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from service.apikeys import credentials
from service.apikeys.settings import normalise_rate_limit
from service.errors import ApiKeyNotFound, ValidationFailed
from service.web.validation import control_characters

if TYPE_CHECKING:
    from service.apikeys.models import ApiKey
    from service.wiring import Services


def create_api_key(
    svc: Services,
    tenant_name: str,
    scopes: list[str],
    label: str,
    rate_limit: str | None = None,
    *,
    test: bool = False,
) -> str:
    """Create and return a new API key (a test-mode one with `test`): the only moment it exists in clear."""
    check_scopes(scopes, test=test)
    if control_characters(label):
        raise ValidationFailed("The label may not hold line breaks or control characters: use a plain name.")
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    api_key = credentials.new_api_key(test)
    svc.stores.api_keys.add_api_key(
        tenant.id,
        credentials.api_key_prefix(api_key),
        credentials.hash_api_key(api_key),
        sorted(set(scopes)),
        label,
        checked_rate_limit(rate_limit),
    )
    return api_key


def check_scopes(scopes: list[str], *, test: bool) -> None:
    """ValidationFailed for an unknown scope, or an administering scope on a test key."""
    unknown = sorted(set(scopes) - set(credentials.SCOPES))
    if unknown:
        raise ValidationFailed(f"Unknown scopes: {', '.join(unknown)}.")
    administering = sorted(scope for scope in scopes if scope in credentials.ADMIN_SCOPES)
    if test and administering:
        raise ValidationFailed(
            f"A test key may not hold {', '.join(administering)}: it would reach live links, keys and webhooks. "
            "Give test keys links:long and links:email at most."
        )


def revoke_tenant_api_key(svc: Services, tenant_id: int, prefix: str) -> ApiKey:
    """Revoke one of the tenant's API keys (again is harmless); ApiKeyNotFound for another tenant's or none."""
    found = svc.stores.api_keys.api_key_by_prefix(prefix)
    if found is None or found.tenant_id != tenant_id:
        # Another tenant's keys are not discoverable: the same answer as an unknown prefix.
        raise ApiKeyNotFound("No API key with that prefix for this API key's tenant.")
    return svc.stores.api_keys.revoke_api_key(prefix, dt.datetime.fromtimestamp(svc.clock(), dt.UTC))


def checked_rate_limit(rate_limit: str | None) -> str | None:
    """A per-key rate limit in canonical form; None or "default" for the broker's RATE_LIMIT."""
    if rate_limit is None or rate_limit.strip().lower() == "default":
        return None
    try:
        return normalise_rate_limit(rate_limit)
    except ValueError as error:
        raise ValidationFailed(f"Invalid rate limit: {error}.") from None
