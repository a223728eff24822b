"""The relying party's rules for a partner JWT (DESIGN §9), in one place.

Used by `verify: true`, by the sandbox relying party and by conformance checks. joserfc checks the
signature only; everything else here is checked explicitly, because its `decode` validates no claims,
accepts a token without `kid` when the set has one key, and checks neither `typ` nor lifetime.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, RSAKey

from service.errors import TokenRejected
from service.keys.lifetimes import LEEWAY_SECONDS
from service.keys.material import MIN_RSA_BITS

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)

ACCEPTED_ALGORITHMS = frozenset({"RS256", "PS256", "ES256"})
# Header members that would let a token choose its own key; the relying party honours none of them.
_FORBIDDEN_HEADERS = ("jku", "x5u", "jwk", "x5c", "crit")
# The spec: exp at most five minutes after issue.
MAX_LIFETIME_SECONDS = 300
# An unknown kid triggers at most one JWKS refetch per this many seconds, so junk tokens cannot
# make the relying party hammer the partner's JWKS endpoint.
REFETCH_COOLDOWN_SECONDS = 30
_MAX_TOKEN_LENGTH = 16 * 1024
_KEY_TYPES: dict[str, type[ECKey] | type[RSAKey]] = {"EC": ECKey, "RSA": RSAKey}
_ES256_CURVE = "P-256"
# OpenSSL verifies with RSA moduli up to this many bits (OPENSSL_RSA_MAX_MODULUS_BITS).
_MAX_RSA_BITS = 16384


@dataclasses.dataclass(frozen=True)
class PublishedKey:
    kid: str
    alg: str
    key: ECKey | RSAKey


@dataclasses.dataclass(frozen=True)
class Expectations:
    """What one relying party agreed with the partner: the exact `iss` and `aud`."""

    issuer: str
    audience: str


class KeyResolver(Protocol):
    def key_for(self, kid: str) -> PublishedKey | None: ...

    def refresh(self) -> bool:
        """Fetch the key set again if allowed now; True if it was fetched."""
        ...


class _Unusable(Exception):
    """A JWK that cannot verify tokens; the message says why, in a sentence for whoever sent it."""


def _member(jwk: Mapping[str, Any], name: str) -> int:
    """A base64url integer member of a JWK (x, y, n, e), or _Unusable naming it."""
    value = jwk.get(name)
    if not isinstance(value, str) or not value:
        raise _Unusable(f"Its {name!r} is missing or not a string.")
    try:
        return int.from_bytes(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)), "big")
    except (binascii.Error, ValueError):
        raise _Unusable(f"Its {name!r} is not base64url.") from None


def _check_members(jwk: Mapping[str, Any], alg: str, kty: str) -> None:
    """What the library would refuse, crash on or only warn about, said in words first."""
    wanted = "EC" if alg == "ES256" else "RSA"
    if kty != wanted:
        raise _Unusable(f"{alg} needs an {wanted} key; its kty is {kty[:16]!r}.")
    if jwk.get("use", "sig") != "sig":
        raise _Unusable(f"Its use is {str(jwk.get('use'))[:16]!r}, not 'sig': it is not a signing key.")
    if "key_ops" in jwk and not (isinstance(jwk["key_ops"], list) and "verify" in jwk["key_ops"]):
        raise _Unusable("Its key_ops do not include 'verify'.")
    if "d" in jwk:
        raise _Unusable("It is a private key; a JWKS holds public keys only.")
    if kty == "EC":
        # The library knows other curves, but ES256 signs on P-256 only (RFC 7518 §3.4); an unknown one made it
        # raise KeyError.
        crv = jwk.get("crv")
        if crv != _ES256_CURVE:
            shown = repr(crv[:16]) if isinstance(crv, str) else "missing or not a string"
            raise _Unusable(f"ES256 needs the curve {_ES256_CURVE!r}; its crv is {shown}.")
        _member(jwk, "x")
        _member(jwk, "y")
        return
    bits = _member(jwk, "n").bit_length()
    _member(jwk, "e")
    # The broker's own minimum (the library only warns below it), and the largest modulus OpenSSL verifies with.
    if bits < MIN_RSA_BITS:
        raise _Unusable(f"Its modulus n has {bits} bits; at least {MIN_RSA_BITS} are required.")
    if bits > _MAX_RSA_BITS:
        raise _Unusable(f"Its modulus n has {bits} bits; at most {_MAX_RSA_BITS} are supported.")


def _import(jwk: Mapping[str, Any], alg: str, kty: str) -> ECKey | RSAKey:
    _check_members(jwk, alg, kty)
    try:
        return _KEY_TYPES[kty].import_key(dict(jwk))
    # Whatever the library raises: for hostile input it is not only JoseError (an unknown curve was a KeyError).
    except Exception:  # noqa: BLE001
        if kty == "EC":
            raise _Unusable("Its x and y are not a point on P-256.") from None
        raise _Unusable("Its n and e are not an RSA public key.") from None


@dataclasses.dataclass(frozen=True)
class ReadJwks:
    """A JWKS as read: the usable public keys by kid, and why each other key with a kid cannot be used."""

    usable: dict[str, PublishedKey]
    unusable: dict[str, str]  # kid -> a sentence


def read_jwks(document: Mapping[str, Any]) -> ReadJwks:
    """Every key of a JWKS object, usable or not. Never raises: the document may be anyone's (the inspector's)."""
    keys: dict[str, PublishedKey] = {}
    unusable: dict[str, str] = {}
    for jwk in document.get("keys", []) if isinstance(document, Mapping) else []:
        # A key without a text kid can never be chosen by a token, so there is nothing to say about it.
        if not isinstance(jwk, Mapping) or not isinstance(jwk.get("kid"), str):
            continue
        kid, alg, kty = jwk["kid"], jwk.get("alg"), jwk.get("kty")
        try:
            # isinstance first: a list or an object in a JSON document is unhashable, and `in` would raise.
            if not isinstance(kty, str):
                raise _Unusable("Its kty is missing or not a string.")
            if not isinstance(alg, str):
                raise _Unusable("Its alg is missing or not a string; a relying party needs each key's algorithm.")
            if alg not in ACCEPTED_ALGORITHMS:
                raise _Unusable(f"Its alg {alg[:16]!r} is not accepted; use RS256, PS256 or ES256.")
            keys[kid] = PublishedKey(kid=kid, alg=alg, key=_import(jwk, alg, kty))
        except _Unusable as why:
            unusable[kid] = str(why)
    return ReadJwks(keys, {kid: why for kid, why in unusable.items() if kid not in keys})


def parse_jwks(document: Mapping[str, Any]) -> dict[str, PublishedKey]:
    """Public keys by kid from a JWKS object; keys that cannot be used are skipped."""
    return read_jwks(document).usable


class StaticKeys:
    """Keys from one JWKS document already in hand (the broker's own, as published)."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._keys = parse_jwks(document)

    def key_for(self, kid: str) -> PublishedKey | None:
        return self._keys.get(kid)

    def refresh(self) -> bool:
        return False


class HttpKeys:
    """A JWKS fetched over HTTP and cached; refetched on an unknown kid at most once per cooldown."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # Imported here: only relying parties (the sandbox) fetch JWKS over HTTP; broker workers never load it.
        import requests

        self._url = url
        self._timeout = timeout
        self._session = session or requests.Session()
        self._clock = clock
        self._keys: dict[str, PublishedKey] = {}
        self._last_fetch: float | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        self._session.close()

    def key_for(self, kid: str) -> PublishedKey | None:
        if self._last_fetch is None:
            self.refresh()
        return self._keys.get(kid)

    def refresh(self) -> bool:
        with self._lock:
            now = self._clock()
            if self._last_fetch is not None and now - self._last_fetch < REFETCH_COOLDOWN_SECONDS:
                return False
            self._last_fetch = now
            import requests

            try:
                # No redirects: the JWKS lives where the partner said it does.
                response = self._session.get(self._url, timeout=self._timeout, allow_redirects=False)
                response.raise_for_status()
                document = response.json()
            except (requests.RequestException, ValueError) as error:
                log.warning("jwks fetch failed", extra={"error_type": type(error).__name__})
                return False
            fetched = parse_jwks(document)
            if fetched:
                self._keys = fetched
            return True


class NonceCache:
    """Nonces seen, each kept until its token's exp (plus leeway), to refuse replays."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._lock = threading.Lock()

    def check_and_add(self, nonce: str, expires_at: int, now: int) -> bool:
        """True if the nonce is new (and is now remembered); False for a replay."""
        with self._lock:
            if len(self._seen) > 1024:
                self._seen = {n: exp for n, exp in self._seen.items() if exp >= now}
            known = self._seen.get(nonce)
            if known is not None and known >= now:
                return False
            self._seen[nonce] = expires_at + LEEWAY_SECONDS
            return True


def decode_part(segment: str, what: str) -> dict[str, Any]:
    """One base64url JSON part of a compact JWS (the header or the payload) as an object, or TokenRejected."""
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        raise TokenRejected("format", f"The {what} is not base64url-encoded JSON.") from None
    if not isinstance(value, dict):
        raise TokenRejected("format", f"The {what} is not a JSON object.")
    return value


def check_format(token: Any) -> None:
    if not isinstance(token, str) or len(token) > _MAX_TOKEN_LENGTH or token.count(".") != 2:
        raise TokenRejected("format", "Not a compact JWS (three base64url parts).")


# Each rule on its own, so the token inspector can report every one; `verify` runs them in order and stops at
# the first that fails.
def check_alg(header: Mapping[str, Any]) -> str:
    alg = header.get("alg")
    if not isinstance(alg, str) or alg not in ACCEPTED_ALGORITHMS:
        raise TokenRejected("alg", f"Algorithm {alg!r} is not accepted; use RS256, PS256 or ES256.")
    return str(alg)


def check_typ(header: Mapping[str, Any]) -> None:
    if header.get("typ") != "JWT":
        raise TokenRejected("typ", "The typ header must be 'JWT'.")


def check_kid_present(header: Mapping[str, Any]) -> str:
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise TokenRejected("kid", "The kid header is required.")
    return kid


def check_header_members(header: Mapping[str, Any]) -> None:
    for name in _FORBIDDEN_HEADERS:
        if name in header:
            raise TokenRejected("header", f"The {name!r} header is not honoured; keys come from the registered JWKS.")


def _check_header(header: Mapping[str, Any]) -> tuple[str, str]:
    alg = check_alg(header)
    check_typ(header)
    kid = check_kid_present(header)
    check_header_members(header)
    return alg, kid


def check_registered_alg(published: PublishedKey, alg: str) -> None:
    if published.alg != alg:
        raise TokenRejected("alg", "The algorithm is not the one registered for this kid.")


def check_signature(token: str, published: PublishedKey) -> bytes:
    """The signed payload if the signature verifies with the published key."""
    try:
        # The algorithm list holds only the key's registered algorithm, so no downgrade is possible.
        signed = jws.deserialize_compact(token, published.key, algorithms=[published.alg])
    except (JoseError, ValueError):
        raise TokenRejected("signature", "The signature does not verify with the published key.") from None
    return signed.payload


def int_claim(claims: Mapping[str, Any], name: str) -> int:
    value = claims.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TokenRejected(name, f"The {name!r} claim is required and must be an integer (seconds).")
    return value


def check_iss(claims: Mapping[str, Any], expect: Expectations) -> None:
    if claims.get("iss") != expect.issuer:
        raise TokenRejected("iss", "The issuer is not the one agreed with this relying party.")


def check_aud(claims: Mapping[str, Any], expect: Expectations) -> None:
    if claims.get("aud") != expect.audience:
        raise TokenRejected("aud", "The audience is not this relying party.")


def check_nbf(iat: int, nbf: int) -> None:
    if nbf != iat:
        raise TokenRejected("nbf", "nbf must equal iat.")


def check_lifetime(iat: int, exp: int) -> None:
    if exp - iat > MAX_LIFETIME_SECONDS:
        raise TokenRejected(
            "lifetime", f"exp is {exp - iat} s after iat; at most {MAX_LIFETIME_SECONDS} s are allowed."
        )
    if exp <= iat:
        raise TokenRejected("lifetime", "exp must be after iat.")


def check_issued(iat: int, now: int) -> None:
    if iat > now + LEEWAY_SECONDS:
        raise TokenRejected("iat", "The token was issued in the future.")


def check_unexpired(exp: int, now: int) -> None:
    if now >= exp + LEEWAY_SECONDS:
        raise TokenRejected("exp", "The token has expired.")


def check_nonce(claims: Mapping[str, Any]) -> None:
    nonce = claims.get("nonce")
    if not isinstance(nonce, str) or len(nonce) < 16:
        raise TokenRejected("nonce", "A random nonce claim of at least 16 characters is required.")


def _check_claims(claims: Mapping[str, Any], expect: Expectations, now: int) -> None:
    check_iss(claims, expect)
    check_aud(claims, expect)
    iat, nbf, exp = int_claim(claims, "iat"), int_claim(claims, "nbf"), int_claim(claims, "exp")
    check_nbf(iat, nbf)
    check_lifetime(iat, exp)
    check_issued(iat, now)
    check_unexpired(exp, now)
    check_nonce(claims)


def verify(
    token: str,
    expect: Expectations,
    keys: KeyResolver,
    *,
    now: int,
    nonces: NonceCache | None = None,
) -> dict[str, Any]:
    """The token's claims if it passes every rule; TokenRejected naming the first rule it breaks."""
    check_format(token)
    alg, kid = _check_header(decode_part(token.split(".", 1)[0], "header"))
    published = keys.key_for(kid)
    if published is None and keys.refresh():
        published = keys.key_for(kid)
    if published is None:
        raise TokenRejected("kid", "The kid is not in the partner's published JWKS.")
    check_registered_alg(published, alg)
    payload = check_signature(token, published)
    try:
        claims = json.loads(payload)
    except ValueError:
        raise TokenRejected("format", "The payload is not JSON.") from None
    if not isinstance(claims, dict):
        raise TokenRejected("format", "The payload is not a JSON object.")
    _check_claims(claims, expect, now)
    if nonces is not None and not nonces.check_and_add(claims["nonce"], claims["exp"], now):
        raise TokenRejected("replay", "This token's nonce was already used.")
    return claims
