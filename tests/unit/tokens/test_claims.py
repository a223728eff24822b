"""claims.sign writes what joserfc's jwt.encode writes, with the header encoded once per key."""

from __future__ import annotations

import pytest
from joserfc import jwt
from joserfc.errors import InvalidKeyCurveError, UnsupportedAlgorithmError
from joserfc.jwk import ECKey

from service.keys.material import SigningKey, generate_private_key_pem, parse_signing_key
from service.tokens import claims


@pytest.mark.parametrize("alg", ["ES256", "RS256", "PS256"])
def test_sign_matches_joserfc_and_verifies(alg: str) -> None:
    key = parse_signing_key(generate_private_key_pem(alg, 2048), alg, "test")
    payload = {"userId": "u-123", "name": "Åse Ødegård"}
    built = claims.build_claims(
        payload,
        issuer="https://broker.test",
        audience="rp",
        issued_at=1_700_000_000,
        ttl_seconds=300,
        redirect="https://rp.test/x",
    )
    token = claims.sign(built, key)
    reference = jwt.encode({"alg": alg, "kid": key.kid, "typ": "JWT"}, dict(built), key.key, algorithms=[alg])
    # Header and claims byte for byte as joserfc writes them; the signature verifies (ECDSA and PSS are randomised).
    assert token.split(".")[:2] == reference.split(".")[:2]
    assert claims.sign(built, key).split(".")[0] == token.split(".")[0]
    decoded = jwt.decode(token, key.key, algorithms=[alg])
    assert decoded.header == {"typ": "JWT", "alg": alg, "kid": key.kid}
    assert decoded.claims == built


def test_a_key_that_does_not_fit_its_algorithm_is_refused() -> None:
    p384 = ECKey.generate_key("P-384", private=True)
    with pytest.raises(InvalidKeyCurveError):
        claims.sign({"a": 1}, SigningKey(kid="p384", alg="ES256", key=p384))


def test_only_the_relying_partys_algorithms_sign() -> None:
    key = ECKey.generate_key("P-256", private=True)
    with pytest.raises(UnsupportedAlgorithmError):
        claims.sign({"a": 1}, SigningKey(kid="hs", alg="HS256", key=key))
