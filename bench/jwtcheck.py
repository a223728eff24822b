"""The one-request check before a scenario is loaded: the server really issues the token we compare.

Both servers' tokens are decoded the same way, so "same algorithm, same payload, similar lifetime"
is checked, not assumed.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

from joserfc import jws
from joserfc.errors import JoseError

from bench.procs import BenchError
from service.keys.material import parse_signing_key
from service.tokens.verifier import MAX_LIFETIME_SECONDS  # the relying party's rule; the reference is configured alike


def _b64url_json(segment: str) -> dict[str, Any]:
    """One JWS segment (base64url without padding) as a JSON object."""
    decoded = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    if not isinstance(decoded, dict):
        raise ValueError("not a JSON object")
    return decoded


def decode_jwt(what: str, token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and claims of a compact JWS, unverified; BenchError if it is not one."""
    parts = token.split(".")
    if len(parts) != 3:
        raise BenchError(f"{what}: expected a JWT (three dot-separated parts), got {token[:80]!r}")
    try:
        return _b64url_json(parts[0]), _b64url_json(parts[1])
    except ValueError as error:
        raise BenchError(f"{what}: the token's header or claims are not base64url JSON ({error})") from None


def verify_signature(what: str, token: str, alg: str, private_key_pem: str) -> None:
    """Check the signature with the public half of the key the server was given."""
    key = parse_signing_key(private_key_pem, alg, what).key
    try:
        jws.deserialize_compact(token, key, algorithms=[alg])
    except JoseError as error:
        raise BenchError(f"{what}: the token's signature does not verify with the bench's key ({error})") from None


def check_jwt(what: str, token: str, alg: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Header alg, every payload claim with its value, and a lifetime within 5 minutes; the claims."""
    header, claims = decode_jwt(what, token)
    if header.get("alg") != alg:
        raise BenchError(f"{what}: expected alg {alg} in the token's header, got {header.get('alg')!r}")
    missing = {name: value for name, value in payload.items() if claims.get(name) != value}
    if missing:
        raise BenchError(f"{what}: the token lacks the scenario's payload claims {sorted(missing)}: {claims}")
    lifetime = int(claims.get("exp", 0)) - int(claims.get("iat", 0))
    if not 0 < lifetime <= MAX_LIFETIME_SECONDS:
        raise BenchError(f"{what}: expected a lifetime of at most {MAX_LIFETIME_SECONDS} s, got exp - iat = {lifetime}")
    return claims
