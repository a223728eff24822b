"""Key material: parsing and refusing keys, RFC 7638 kids, the algorithms that exist."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from service.errors import KeyMaterialError
from service.keys.material import encode_secret_string, generate_private_key_pem, parse_signing_key
from tests.support.privacy import WATCH


def _pem(private_key: object) -> str:
    return private_key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _rfc7638(jwk: dict[str, str]) -> str:
    """The thumbprint computed from the RFC's own recipe, independently of the JOSE library."""
    members = ("crv", "kty", "x", "y") if jwk["kty"] == "EC" else ("e", "kty", "n")
    canonical = json.dumps({m: jwk[m] for m in members}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()


@pytest.mark.parametrize(("alg", "bits"), [("ES256", 0), ("RS256", 2048), ("PS256", 2048)])
def test_generated_keys_parse_from_base64_and_raw_pem(alg: str, bits: int) -> None:
    pem = generate_private_key_pem(alg, bits or 3072)
    WATCH.watch(pem.splitlines()[1])
    from_b64 = parse_signing_key(encode_secret_string(pem), alg, "ks")
    from_raw = parse_signing_key(pem, alg, "ks")
    assert from_b64.kid == from_raw.kid
    assert from_b64.alg == alg
    public = from_b64.public_jwk()
    assert public["kid"] == _rfc7638(public)
    assert public["use"] == "sig"
    assert public["alg"] == alg
    assert not {"d", "p", "q", "dp", "dq", "qi"} & set(public)


def test_default_rsa_keys_have_3072_bits() -> None:
    pem = generate_private_key_pem("RS256")
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.key_size == 3072


def _refusal(secret: str, alg: str) -> str:
    with pytest.raises(KeyMaterialError) as caught:
        parse_signing_key(secret, alg, "partner-keys")
    message = str(caught.value)
    assert "partner-keys" in message
    assert "BEGIN" not in message
    assert secret[40:80] not in message
    return message


def test_rsa_under_2048_bits_is_refused() -> None:
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - the weak key under test
    small = _pem(weak)
    assert "2048" in _refusal(small, "RS256")


def test_wrong_curve_for_es256_is_refused() -> None:
    p384 = _pem(ec.generate_private_key(ec.SECP384R1()))
    assert "P-256" in _refusal(p384, "ES256")


def test_rsa_key_for_es256_and_ec_key_for_rs256_are_refused() -> None:
    rsa_pem = generate_private_key_pem("RS256", 2048)
    ec_pem = generate_private_key_pem("ES256")
    _refusal(rsa_pem, "ES256")
    _refusal(ec_pem, "PS256")


@pytest.mark.parametrize(
    "secret", ["not a key", base64.b64encode(b"hello").decode(), "-----BEGIN PRIVATE KEY-----\nAAA"]
)
def test_unreadable_secrets_are_refused(secret: str) -> None:
    assert "not a readable" in _refusal(secret + " " * 80, "ES256")


def test_a_public_key_is_not_a_signing_key() -> None:
    public_pem = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    _refusal(public_pem + " " * 80, "ES256")


def test_symmetric_and_none_algorithms_do_not_exist() -> None:
    for alg in ("HS256", "none", "RS512"):
        with pytest.raises(KeyMaterialError):
            generate_private_key_pem(alg)
