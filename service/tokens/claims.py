"""Builds a token's claims and signs it, exactly as the relying party's spec demands (DESIGN §4)."""

from __future__ import annotations

import dataclasses
import json
import secrets
from collections.abc import Mapping
from typing import Any

from joserfc.jws import JWSRegistry
from joserfc.util import json_b64encode, urlsafe_b64encode

from service.keys.lifetimes import MAX_TOKEN_TTL_SECONDS
from service.keys.material import ALGORITHMS, SigningKey

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


# joserfc's algorithms, only those the relying party accepts (as jwt.encode(..., algorithms=[alg]) would allow).
_REGISTRY = JWSRegistry(algorithms=list(ALGORITHMS))
# The protected header's segment per (kid, alg): the same bytes for every token a key signs, so encoded once.
_HEADER_SEGMENTS: dict[tuple[str, str], bytes] = {}


def _header_segment(key: SigningKey) -> bytes:
    """base64url of the header, byte for byte as joserfc's jwt.encode writes it ({typ, alg, kid}); the key is
    checked against its algorithm (the curve, the key type) the first time, as jws.serialize_compact would."""
    cached = _HEADER_SEGMENTS.get((key.kid, key.alg))
    if cached is None:
        _REGISTRY.get_alg(key.alg).check_key(key.key)
        cached = json_b64encode({"typ": "JWT", "alg": key.alg, "kid": key.kid})
        _HEADER_SEGMENTS[(key.kid, key.alg)] = cached
    return cached


def sign(claims: Mapping[str, Any], key: SigningKey) -> str:
    """Compact JWS with exactly {alg, kid, typ}; the algorithm is pinned to the keyset's.

    What joserfc's jwt.encode(header, claims, key, algorithms=[key.alg]) makes, without re-encoding and
    re-validating the constant header for every token: the claims as compact UTF-8 JSON, the signature by
    the keyset's algorithm from joserfc's registry.
    """
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    signing_input = _header_segment(key) + b"." + urlsafe_b64encode(payload)
    signature = _REGISTRY.get_alg(key.alg).sign(signing_input, key.key)
    return (signing_input + b"." + urlsafe_b64encode(signature)).decode("ascii")


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
