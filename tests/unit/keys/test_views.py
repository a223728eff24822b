"""The published JWKS: stages, cache headers, ETag, per-keyset routes, and 503 rather than an empty set."""

from __future__ import annotations

import uuid
from typing import Any

from flask.testing import FlaskClient

from service.keys.material import encode_secret_string, generate_private_key_pem, parse_signing_key
from service.keys.setup import create_keyset
from service.profiles.setup import create_profile
from service.wiring import Services
from tests.support.api import generate, problem


def _new_keyset(svc: Services, alg: str = "ES256") -> tuple[str, str]:
    name = f"ks-{uuid.uuid4().hex[:8]}"
    keyset, kid = create_keyset(svc, name, alg, 2048, None, is_default=False)
    return keyset.secret_id, kid


def test_default_jwks_has_cache_headers_and_etag(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    assert response.mimetype == "application/jwk-set+json"
    assert response.headers["Cache-Control"] == "public, max-age=300"
    etag = response.headers["ETag"]
    keys = response.get_json()["keys"]
    assert len(keys) == 1
    assert keys[0]["kid"] == generate(client, creds).get_json()["kid"]
    assert {"kid", "alg", "use", "kty", "crv", "x", "y"} == set(keys[0])
    again = client.get("/.well-known/jwks.json", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["ETag"] == etag


def test_keyset_route_serves_that_keyset(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    secret_id, kid = _new_keyset(svc, "RS256")
    name = secret_id.rsplit("/", 1)[1]
    keys = client.get(f"/keysets/{name}/jwks.json").get_json()["keys"]
    assert [(k["kid"], k["alg"], k["kty"]) for k in keys] == [(kid, "RS256", "RSA")]


def test_unknown_keyset_is_a_404_problem(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(client.get("/keysets/nope/jwks.json"), 404, "keyset_not_found")


def test_pending_and_previous_keys_are_published(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    secret_id, first_kid = _new_keyset(svc)
    sm = svc.secrets_client
    pending_pem = generate_private_key_pem("ES256")
    pending_kid = parse_signing_key(pending_pem, "ES256", "t").kid
    sm.put_secret_value(
        SecretId=secret_id, SecretString=encode_secret_string(pending_pem), VersionStages=["AWSPENDING"]
    )
    name = secret_id.rsplit("/", 1)[1]
    kids = [k["kid"] for k in client.get(f"/keysets/{name}/jwks.json").get_json()["keys"]]
    assert kids == [first_kid, pending_kid]


def test_previous_stage_is_published_after_a_rotation(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    secret_id, first_kid = _new_keyset(svc)
    sm = svc.secrets_client
    new_pem = generate_private_key_pem("ES256")
    new_kid = parse_signing_key(new_pem, "ES256", "t").kid
    sm.put_secret_value(SecretId=secret_id, SecretString=encode_secret_string(new_pem))  # becomes AWSCURRENT
    stages = sm.describe_secret(SecretId=secret_id)["VersionIdsToStages"]
    assert sorted(s for v in stages.values() for s in v) == ["AWSCURRENT", "AWSPREVIOUS"]
    name = secret_id.rsplit("/", 1)[1]
    kids = [k["kid"] for k in client.get(f"/keysets/{name}/jwks.json").get_json()["keys"]]
    assert kids == [new_kid, first_kid]


def test_no_usable_key_is_503_never_an_empty_set(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    svc.stores.keysets.add_keyset("ghost", "sso-token-broker/keysets/does-not-exist", "ES256", is_default=False)
    body = problem(client.get("/keysets/ghost/jwks.json"), 503, "key_unavailable")
    assert "ghost" in body["detail"]


def test_minting_with_a_missing_secret_is_503(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    keyset = svc.stores.keysets.add_keyset(
        "ghost", "sso-token-broker/keysets/does-not-exist", "ES256", is_default=False
    )
    profile = create_profile(
        svc, "dev", keyset.name, [], name="ghostly", kind="generic", delivery_mode="query",
        issuer="i", audience="a", rp_url="https://rp.test/landing",
    )  # fmt: skip
    problem(generate(client, creds, profileKey=profile.profile_key), 503, "key_unavailable")


def test_an_unreadable_secret_is_503_and_names_only_the_keyset(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    svc.secrets_client.create_secret(Name="sso-token-broker/keysets/garbled", SecretString="not-a-key" * 10)
    svc.stores.keysets.add_keyset("garbled", "sso-token-broker/keysets/garbled", "ES256", is_default=False)
    body = problem(client.get("/keysets/garbled/jwks.json"), 503, "key_unavailable")
    assert "not-a-key" not in body["detail"]


def test_jwks_before_any_keyset_exists(client: FlaskClient) -> None:
    problem(client.get("/.well-known/jwks.json"), 503, "key_unavailable")
    problem(client.get("/keysets/x/jwks.json"), 404, "keyset_not_found")
