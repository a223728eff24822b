"""Signing key material: generated, encoded for Secrets Manager, parsed and checked; the algorithms the RP accepts."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import logging
from typing import Any, Protocol

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from joserfc.jwk import ECKey, RSAKey

from service.errors import KeyMaterialError

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
    key: ECKey | RSAKey
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
