"""The JWKS document: public members only."""

from __future__ import annotations

from service.keys.jwks import jwks_document
from service.keys.material import generate_private_key_pem, parse_signing_key


def test_jwks_document_has_public_members_only() -> None:
    keys = [parse_signing_key(generate_private_key_pem("RS256", 2048), "RS256", "ks")]
    document = jwks_document(keys)
    assert set(document["keys"][0]) == {"kty", "n", "e", "kid", "alg", "use"}
