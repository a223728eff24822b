"""Authenticates a caller by API key (Bearer). Missing, unknown and revoked keys get the same 401."""

from __future__ import annotations

from service.apikeys.attempts import FailedAttempts
from service.apikeys.caller import Caller
from service.apikeys.credentials import ADMIN_SCOPES, api_key_matches, api_key_prefix, looks_like_api_key
from service.apikeys.store import ApiKeyStore
from service.errors import InsufficientScope, RateLimited, Unauthorized

_REFUSAL = "A valid API key is required as 'Authorization: Bearer <API key>'; it is missing, unknown or revoked."
# The usual slip (Bubble's "Private key in header" with only the key as its value), said before any key check:
# it tells nothing about whether the key exists.
_NO_BEARER = (
    "The Authorization header holds an API key without the word Bearer: put `Bearer ` (the word and a space) "
    "before the key, as in 'Authorization: Bearer tbk_…'."
)
_OTHER_SCHEME = (
    "The Authorization header holds an API key after another word than `Bearer `: send 'Authorization: Bearer "
    "tbk_…', the word Bearer, one space, then the key."
)


def _refusal(authorization: str) -> str:
    """What to fix in an Authorization header that is not `Bearer <API key>` (never echoing any of it)."""
    value = authorization.strip()
    if value.startswith("tbk_"):
        return _NO_BEARER
    if "tbk_" in value:  # "Bearer:tbk_…", "Bearertbk_…", "Token tbk_…", "Basic tbk_…"
        return _OTHER_SCHEME
    return _REFUSAL


def authenticate(
    store: ApiKeyStore, authorization: str | None, failures: FailedAttempts | None = None, address: str | None = None
) -> Caller:
    """The caller behind a Bearer API key; with `failures`, failed checks are counted against `address`."""
    scheme, _, api_key = (authorization or "").partition(" ")
    api_key = api_key.strip()
    # The checksum turns away typos and junk before any database work.
    if scheme.lower() != "bearer":
        raise Unauthorized(_refusal(authorization or ""))
    if not looks_like_api_key(api_key):
        raise Unauthorized(_REFUSAL)
    prefix = api_key_prefix(api_key)
    # A refused address still gets its real keys checked: a key this instance has cached, or one whose prefix
    # is in the set of live keys (one query for all keys), so a sprayer sharing an address (a NAT, a no-code
    # platform's servers) cannot lock a real key out. Made-up keys from there cost no database work.
    if failures is not None and address is not None and store.cached_api_key(prefix) is None:
        wait = failures.blocked_for(address)
        if wait and not store.is_live_prefix(prefix):
            raise RateLimited(
                f"Too many failed API key checks from this address; retry after {wait} s with a valid key.",
                headers={"Retry-After": str(wait)},
            )
    record = store.api_key_by_prefix(prefix)
    if record is None or not api_key_matches(api_key, record.key_hash) or record.revoked_at is not None:
        if failures is not None and address is not None:
            failures.record_failure(address)
        raise Unauthorized(_REFUSAL)
    return Caller(
        api_key_id=record.id,
        prefix=record.prefix,
        tenant_id=record.tenant_id,
        scopes=frozenset(record.scopes),
        rate_limit=record.rate_limit,
    )


def require_scope(caller: Caller, scope: str) -> None:
    """403 `insufficient_scope`, naming the scope, unless the caller's API key has it (never an admin scope for a
    test key, whatever it was given: those reach live links, keys and webhooks)."""
    if scope not in caller.scopes or (caller.test and scope in ADMIN_SCOPES):
        raise InsufficientScope(f"This API key lacks the scope {scope!r} needed for this request.")
