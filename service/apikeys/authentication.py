"""Authenticates a caller by API key (Bearer). Missing, unknown and revoked keys get the same 401."""

from __future__ import annotations

from service.apikeys.credentials import api_key_matches, api_key_prefix, looks_like_api_key
from service.db.store import Caller, Store
from service.errors import InsufficientScope, Unauthorized

_REFUSAL = "A valid API key is required as 'Authorization: Bearer <API key>'; it is missing, unknown or revoked."


def authenticate(store: Store, authorization: str | None) -> Caller:
    scheme, _, api_key = (authorization or "").partition(" ")
    api_key = api_key.strip()
    # The checksum turns away typos and junk before any database work.
    if scheme.lower() != "bearer" or not looks_like_api_key(api_key):
        raise Unauthorized(_REFUSAL)
    record = store.api_key_by_prefix(api_key_prefix(api_key))
    if record is None or not api_key_matches(api_key, record.key_hash) or record.revoked_at is not None:
        raise Unauthorized(_REFUSAL)
    return Caller(
        api_key_id=record.id,
        prefix=record.prefix,
        tenant_id=record.tenant_id,
        scopes=frozenset(record.scopes),
        rate_limit=record.rate_limit,
    )


def require_scope(caller: Caller, scope: str) -> None:
    """403 `insufficient_scope`, naming the scope, unless the caller's API key has it."""
    if scope not in caller.scopes:
        raise InsufficientScope(f"This API key lacks the scope {scope!r} needed for this request.")
