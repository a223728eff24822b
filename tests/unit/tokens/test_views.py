"""POST /api/v1/generateJWT: the happy paths, the profile key, and the scopes a request needs."""

from __future__ import annotations

import base64
import json
from typing import Any

import jwt as pyjwt
import pytest
from flask.testing import FlaskClient

from service.apikeys import credentials
from service.wiring import Services
from tests.support.api import SEED_PAYLOADS, bearer, generate, problem
from tests.support.apps import dev_api_key
from tests.support.tokens import segments

REGISTERED = {"iss", "aud", "iat", "nbf", "exp", "nonce"}


@pytest.mark.parametrize("profile", ["exorlive-main", "exorlive-go", "generic"])
def test_token_verifies_with_an_independent_library_against_the_served_jwks(
    client: FlaskClient, creds: dict[str, Any], profile: str
) -> None:
    response = generate(client, creds, profile)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    jwks = client.get("/.well-known/jwks.json").get_json()
    header, _ = segments(body["token"])
    assert header == {"alg": "ES256", "kid": body["kid"], "typ": "JWT"}
    key = pyjwt.PyJWKSet.from_dict(jwks)[header["kid"]]
    claims = pyjwt.decode(
        body["token"],
        key.key,
        algorithms=["ES256"],
        audience="sandbox-rp",
        issuer="http://broker.test",
        options={"require": ["exp", "nbf", "iat", "iss", "aud"]},
    )
    assert set(claims) == set(SEED_PAYLOADS[profile]) | REGISTERED
    assert {k: claims[k] for k in SEED_PAYLOADS[profile]} == SEED_PAYLOADS[profile]
    assert claims["nbf"] == claims["iat"]
    assert claims["exp"] - claims["iat"] == 300
    assert len(base64.urlsafe_b64decode(claims["nonce"] + "==")) >= 16


def test_response_carries_the_documented_fields(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = generate(client, creds, "generic", expireIn=3)
    body = response.get_json()
    assert list(body) == [
        "token", "url", "expiresAt", "tokenExpiresAt", "expiresIn", "kid", "alg", "profile", "requestId",
    ]  # fmt: skip
    assert body["expiresIn"] == "3m"
    assert body["profile"] == "generic"
    assert body["requestId"] == response.headers["X-Request-Id"]
    assert body["url"].startswith(creds["sandboxUrl"] + "/partner/dev/landing?jwt=")
    assert body["url"].endswith(body["token"])
    assert response.headers["Cache-Control"] == "no-store"
    _, claims = segments(body["token"])
    assert claims["exp"] - claims["iat"] == 180


def test_form_profiles_get_a_launch_link(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert generate(client, creds, "exorlive-main").get_json()["url"].startswith("http://broker.test/l/")


def test_exchange_profiles_get_the_url_the_relying_party_answered(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "exorlive-go").get_json()
    assert body["url"].startswith(creds["sandboxUrl"] + "/session/")
    assert body["token"] not in body["url"]


def test_an_unreachable_exchange_relying_party_is_502_without_a_token(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    profile = svc.stores.profiles.profile_by_key(creds["profiles"]["exorlive-go"])
    svc.stores.profiles.update_profile(profile.id, rp_url="http://127.0.0.1:9/partner/dev/url")
    body = problem(generate(client, creds, "exorlive-go"), 502, "relying_party_error")
    assert "token" not in body


def test_expire_in_longer_than_the_token_may_live_caps_the_token(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "generic", expireIn=2880, key="adminApiKey").get_json()
    _, claims = segments(body["token"])
    assert claims["exp"] - claims["iat"] == 300
    assert body["expiresIn"] == "2880m"
    assert body["url"].startswith("http://broker.test/l/")


def test_expires_in_is_accepted_as_an_alias(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "generic", expiresIn=2).get_json()
    assert body["expiresIn"] == "2m"


def test_profile_key_may_come_as_a_header(client: FlaskClient, creds: dict[str, Any]) -> None:
    headers = {**bearer(creds["apiKey"]), "Profile-Key": creds["profiles"]["generic"]}
    response = client.post("/api/v1/generateJWT", json={"payload": {"a": 1}}, headers=headers)
    assert response.status_code == 200


def test_nonces_are_unique(client: FlaskClient, creds: dict[str, Any]) -> None:
    nonces = {segments(generate(client, creds).get_json()["token"])[1]["nonce"] for _ in range(20)}
    assert len(nonces) == 20


def test_verify_true_reports_verified(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "exorlive-main", verify=True).get_json()
    assert body["verified"] is True


def test_redirect_on_an_allowed_origin_becomes_a_claim(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "generic", redirect=creds["sandboxUrl"] + "/done?x=1").get_json()
    assert segments(body["token"])[1]["redirect"] == creds["sandboxUrl"] + "/done?x=1"


def test_redirect_elsewhere_is_refused(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(generate(client, creds, redirect="https://evil.example/x"), 422, "redirect_not_allowed")
    assert "redirect" in body["errors"]


# --- the profile key -----------------------------------------------------------------------------
def test_api_key_in_profile_key_is_a_clear_400(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(generate(client, creds, profileKey=creds["apiKey"]), 400, "api_key_as_profile_key")
    assert "Authorization" in body["detail"]
    assert creds["apiKey"] not in json.dumps(body)


def test_unknown_profile_is_404(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(generate(client, creds, profileKey=credentials.new_profile_key()), 404, "profile_not_found")


def test_another_tenants_profile_is_404(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    from service.profiles.setup import create_profile

    svc.stores.tenants.create_tenant("other")
    other = create_profile(
        svc, "other", None, [], name="p", kind="generic", delivery_mode="query",
        issuer="i", audience="a", rp_url="https://rp.test/landing",
    )  # fmt: skip
    problem(generate(client, creds, profileKey=other.profile_key), 404, "profile_not_found")


def test_missing_profile_key_is_400(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.post("/api/v1/generateJWT", json={"payload": {}}, headers=bearer(creds["apiKey"]))
    problem(response, 400, "bad_request")


def test_body_and_header_profile_keys_that_differ_are_400(client: FlaskClient, creds: dict[str, Any]) -> None:
    headers = {**bearer(creds["apiKey"]), "Profile-Key": creds["profiles"]["exorlive-go"]}
    body = {"profileKey": creds["profiles"]["generic"], "payload": {}}
    problem(client.post("/api/v1/generateJWT", json=body, headers=headers), 400, "bad_request")


# --- scopes --------------------------------------------------------------------------------------
def test_a_url_outliving_the_token_needs_links_long(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    creds = {**creds, "bareKey": dev_api_key(svc)}
    body = problem(generate(client, creds, "generic", key="bareKey", expireIn=6), 403, "insufficient_scope")
    assert "links:long" in body["detail"]
    assert generate(client, creds, "generic", key="bareKey", expireIn=5).status_code == 200
    assert generate(client, creds, "generic", expireIn=6, key="adminApiKey").status_code == 200
