"""Builds a token's claims and signs it, exactly as the relying party's spec demands (DESIGN §4)."""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Mapping
from typing import Any

from joserfc import jwt

from service.keys.lifetimes import MAX_TOKEN_TTL_SECONDS
from service.keys.material import SigningKey

# 18 random bytes: 144 bits, above the 128 the design asks of a CSPRNG nonce, and 24 base64url chars.
_NONCE_BYTES = 18


@dataclasses.dataclass(frozen=True)
class MintedToken:
    token: str
    kid: str
    alg: str
    issued_at: int
    expires_at: int
    nonce: str


def build_claims(
    payload: Mapping[str, Any],
    *,
    issuer: str,
    audience: str,
    issued_at: int,
    ttl_seconds: int,
    redirect: str | None = None,
) -> dict[str, Any]:
    """The payload at top level plus the registered claims; nbf equals iat, as the spec requires."""
    if not 0 < ttl_seconds <= MAX_TOKEN_TTL_SECONDS:
        raise ValueError(f"token lifetime must be 1..{MAX_TOKEN_TTL_SECONDS} s, not {ttl_seconds}")
    claims = dict(payload)
    if redirect is not None:
        claims["redirect"] = redirect
    claims.update(
        iss=issuer,
        aud=audience,
        iat=issued_at,
        nbf=issued_at,
        exp=issued_at + ttl_seconds,
        nonce=secrets.token_urlsafe(_NONCE_BYTES),
    )
    return claims


def sign(claims: Mapping[str, Any], key: SigningKey) -> str:
    """Compact JWS with exactly {alg, kid, typ}; the algorithm is pinned to the keyset's."""
    header = {"alg": key.alg, "kid": key.kid, "typ": "JWT"}
    return jwt.encode(header, dict(claims), key.key, algorithms=[key.alg])


def mint(
    payload: Mapping[str, Any],
    key: SigningKey,
    *,
    issuer: str,
    audience: str,
    now: int,
    ttl_seconds: int,
    redirect: str | None = None,
) -> MintedToken:
    """Claims built and signed in one step."""
    claims = build_claims(
        payload, issuer=issuer, audience=audience, issued_at=now, ttl_seconds=ttl_seconds, redirect=redirect
    )
    return MintedToken(
        token=sign(claims, key),
        kid=key.kid,
        alg=key.alg,
        issued_at=now,
        expires_at=claims["exp"],
        nonce=claims["nonce"],
    )
