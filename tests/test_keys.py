"""Keys: parsing and refusing key material, RFC 7638 kids, the key source's stages and caching."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from service.errors import KeyMaterialError, KeyUnavailable
from service.keys.jwks import jwks_document
from service.keys.material import encode_secret_string, generate_private_key_pem, parse_signing_key
from service.keys.source import KeysetRef, KeySource
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


class FakeSecrets:
    """A secrets reader by stage, counting reads; stands in for the cache in unit tests."""

    def __init__(self, stages: dict[str, str]) -> None:
        self.stages = stages
        self.reads = 0
        self.fail = False

    def get_secret_string(self, secret_id: str, version_stage: str | None = None) -> str | None:
        self.reads += 1
        if self.fail:
            raise ConnectionError("secrets manager unreachable")
        return self.stages.get(version_stage or "AWSCURRENT")


REF = KeysetRef(name="ks", secret_id="sso/ks", alg="ES256")


def test_key_source_parses_each_secret_once() -> None:
    secrets = FakeSecrets({"AWSCURRENT": encode_secret_string(generate_private_key_pem("ES256"))})
    source = KeySource(secrets)
    first = source.signing_key(REF)
    assert all(source.signing_key(REF) is first for _ in range(50))


def test_published_keys_are_current_pending_and_previous_without_duplicates() -> None:
    current, pending, previous = (generate_private_key_pem("ES256") for _ in range(3))
    source = KeySource(FakeSecrets({"AWSCURRENT": current, "AWSPENDING": pending, "AWSPREVIOUS": previous}))
    kids = [key.kid for key in source.published_keys(REF)]
    assert len(set(kids)) == 3
    assert kids[0] == source.signing_key(REF).kid
    same = KeySource(FakeSecrets({"AWSCURRENT": current, "AWSPREVIOUS": current}))
    assert len(same.published_keys(REF)) == 1


def test_no_usable_key_is_key_unavailable_never_an_empty_set() -> None:
    secrets = FakeSecrets({})
    source = KeySource(secrets)
    with pytest.raises(KeyUnavailable):
        source.signing_key(REF)
    with pytest.raises(KeyUnavailable):
        source.published_keys(REF)
    secrets.stages["AWSCURRENT"] = "garbage" * 20
    with pytest.raises(KeyUnavailable):
        source.published_keys(REF)
    secrets.fail = True
    with pytest.raises(KeyUnavailable):
        source.signing_key(REF)


def test_jwks_document_has_public_members_only() -> None:
    keys = [parse_signing_key(generate_private_key_pem("RS256", 2048), "RS256", "ks")]
    document = jwks_document(keys)
    assert set(document["keys"][0]) == {"kty", "n", "e", "kid", "alg", "use"}
