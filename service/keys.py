"""Signing keys: read from AWS Secrets Manager, parsed and checked, cached; and the JWKS built from them."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import json
import logging
import threading
from collections.abc import Sequence
from typing import Any, Protocol

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from joserfc.jwk import ECKey, RSAKey

from service.errors import KeyMaterialError, KeyUnavailable

log = logging.getLogger(__name__)

# The relying party accepts exactly these; symmetric algorithms and `none` do not exist here.
ALGORITHMS = ("ES256", "RS256", "PS256")
DEFAULT_ALGORITHM = "ES256"
DEFAULT_RSA_BITS = 3072
MIN_RSA_BITS = 2048
ES256_CURVE = "P-256"

# AWSCURRENT signs. AWSPENDING is published before it signs and AWSPREVIOUS for a while after it
# stops, so relying parties that cache the JWKS know every key that may have signed a live token.
SIGNING_STAGE = "AWSCURRENT"
PUBLISHED_STAGES = ("AWSCURRENT", "AWSPENDING", "AWSPREVIOUS")


@dataclasses.dataclass(frozen=True)
class SigningKey:
    """A parsed private key with the `kid` (RFC 7638 thumbprint) and `alg` it signs with."""

    kid: str
    alg: str
    key: ECKey | RSAKey

    def public_jwk(self) -> dict[str, Any]:
        """The public members only, with kid, alg and use, as published in the JWKS."""
        jwk = self.key.as_dict(private=False)
        return {**jwk, "kid": self.kid, "alg": self.alg, "use": "sig"}


class SecretReader(Protocol):
    """What the key source needs of a secrets cache: a secret string by id and stage, or None."""

    def get_secret_string(self, secret_id: str, version_stage: str | None = None) -> str | None: ...


def generate_private_key_pem(alg: str, rsa_bits: int = DEFAULT_RSA_BITS) -> str:
    """A new private key for `alg`, as PKCS#8 PEM."""
    if alg == "ES256":
        key = ECKey.generate_key(ES256_CURVE, private=True)
    elif alg in ("RS256", "PS256"):
        if rsa_bits < MIN_RSA_BITS:
            raise KeyMaterialError(f"RSA keys must have at least {MIN_RSA_BITS} bits, not {rsa_bits}")
        key = RSAKey.generate_key(rsa_bits, private=True)
    else:
        raise KeyMaterialError(f"unsupported algorithm {alg!r}; use one of {', '.join(ALGORITHMS)}")
    return key.as_pem(private=True).decode("ascii")


def encode_secret_string(pem: str) -> str:
    """The form a keyset's secret is stored in: base64 of the PEM, on one line."""
    return base64.b64encode(pem.encode("ascii")).decode("ascii")


def _decode_secret_string(secret_string: str) -> bytes:
    text = secret_string.strip()
    if text.startswith("-----BEGIN"):
        return text.encode("ascii")
    try:
        decoded = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        decoded = b""
    if not decoded.lstrip().startswith(b"-----BEGIN"):
        raise ValueError("neither a PEM nor the base64 of a PEM")
    return decoded


def parse_signing_key(secret_string: str, alg: str, keyset_name: str) -> SigningKey:
    """Parse and check a keyset's secret; errors name the keyset, never the key material."""
    if alg not in ALGORITHMS:
        raise KeyMaterialError(f"keyset {keyset_name!r}: unsupported algorithm {alg!r}")
    try:
        pem = _decode_secret_string(secret_string)
        raw = serialization.load_pem_private_key(pem, password=None)
    except Exception:  # noqa: BLE001 - the library's message may quote the input, so it is dropped.
        raise KeyMaterialError(
            f"keyset {keyset_name!r}: the secret is not a readable {alg} private key (PEM or base64 PEM)"
        ) from None
    # Checked on the parsed key before the JOSE library sees it, so a weak key is refused, not warned about.
    if alg == "ES256":
        if not isinstance(raw, ec.EllipticCurvePrivateKey) or raw.curve.name != "secp256r1":
            raise KeyMaterialError(f"keyset {keyset_name!r}: ES256 needs a P-256 key")
    elif not isinstance(raw, rsa.RSAPrivateKey):
        raise KeyMaterialError(f"keyset {keyset_name!r}: {alg} needs an RSA key")
    elif raw.key_size < MIN_RSA_BITS:
        raise KeyMaterialError(
            f"keyset {keyset_name!r}: RSA key of {raw.key_size} bits; at least {MIN_RSA_BITS} are required"
        )
    key: ECKey | RSAKey = ECKey.import_key(pem) if alg == "ES256" else RSAKey.import_key(pem)
    return SigningKey(kid=key.thumbprint(), alg=alg, key=key)


@dataclasses.dataclass(frozen=True)
class KeysetRef:
    """What the key source needs to know of a keyset row."""

    name: str
    secret_id: str
    alg: str


class KeySource:
    """Reads keysets' keys through a secrets cache and keeps parsed keys, so requests do not re-parse."""

    def __init__(self, secrets: SecretReader) -> None:
        self._secrets = secrets
        self._parsed: dict[tuple[str, str], SigningKey] = {}
        self._lock = threading.Lock()

    def _key_for_stage(self, keyset: KeysetRef, stage: str) -> SigningKey | None:
        try:
            secret_string = self._secrets.get_secret_string(keyset.secret_id, stage)
        except Exception as error:  # noqa: BLE001 - any client failure means: no key from there now.
            log.warning(
                "secrets manager read failed",
                extra={"keyset": keyset.name, "stage": stage, "error_type": type(error).__name__},
            )
            return None
        if secret_string is None:
            return None
        # The digest, not the secret, is the cache key, so the map holds no second copy of key bytes.
        digest = hashlib.sha256(secret_string.encode()).hexdigest()
        cached = self._parsed.get((keyset.alg, digest))
        if cached is not None:
            return cached
        try:
            parsed = parse_signing_key(secret_string, keyset.alg, keyset.name)
        except KeyMaterialError as error:
            log.error("unusable key material", extra={"keyset": keyset.name, "stage": stage, "reason": str(error)})
            return None
        with self._lock:
            self._parsed[(keyset.alg, digest)] = parsed
        return parsed

    def signing_key(self, keyset: KeysetRef) -> SigningKey:
        """The AWSCURRENT key of a keyset, or KeyUnavailable (503)."""
        key = self._key_for_stage(keyset, SIGNING_STAGE)
        if key is None:
            raise KeyUnavailable(f"Keyset {keyset.name!r} has no usable signing key right now.")
        return key

    def published_keys(self, keyset: KeysetRef) -> list[SigningKey]:
        """The keys of every published stage, without duplicates; KeyUnavailable if there are none."""
        keys: dict[str, SigningKey] = {}
        for stage in PUBLISHED_STAGES:
            key = self._key_for_stage(keyset, stage)
            if key is not None:
                keys.setdefault(key.kid, key)
        if not keys:
            # An empty key set would make every relying party reject every token; 503 says "try again".
            raise KeyUnavailable(f"Keyset {keyset.name!r} has no usable key to publish right now.")
        return list(keys.values())


def jwks_document(keys: Sequence[SigningKey]) -> dict[str, Any]:
    """The JWKS JSON object for these keys: public members only."""
    return {"keys": [key.public_jwk() for key in keys]}


def jwks_json_bytes(keys: Sequence[SigningKey]) -> bytes:
    """The JWKS exactly as served (stable member order, so the ETag is stable too)."""
    return json.dumps(jwks_document(keys), sort_keys=True, separators=(",", ":")).encode()
