"""POST /api/v1/generateJWT: the happy paths and every refusal, each with its status and code."""

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

REGISTERED = {"iss", "aud", "iat", "nbf", "exp", "nonce"}


def _segments(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    def part(segment: str) -> dict[str, Any]:
        return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))

    header, claims, _ = token.split(".")
    return part(header), part(claims)


@pytest.mark.parametrize("profile", ["exorlive-main", "exorlive-go", "generic"])
def test_token_verifies_with_an_independent_library_against_the_served_jwks(
    client: FlaskClient, creds: dict[str, Any], profile: str
) -> None:
    response = generate(client, creds, profile)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    jwks = client.get("/.well-known/jwks.json").get_json()
    header, _ = _segments(body["token"])
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
    _, claims = _segments(body["token"])
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
    profile = svc.store.profile_by_key(creds["profiles"]["exorlive-go"])
    svc.store.update_profile(profile.id, rp_url="http://127.0.0.1:9/partner/dev/url")
    body = problem(generate(client, creds, "exorlive-go"), 502, "relying_party_error")
    assert "token" not in body


def test_expire_in_longer_than_the_token_may_live_caps_the_token(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "generic", expireIn=2880, key="adminApiKey").get_json()
    _, claims = _segments(body["token"])
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
    nonces = {_segments(generate(client, creds).get_json()["token"])[1]["nonce"] for _ in range(20)}
    assert len(nonces) == 20


def test_verify_true_reports_verified(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "exorlive-main", verify=True).get_json()
    assert body["verified"] is True


def test_redirect_on_an_allowed_origin_becomes_a_claim(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "generic", redirect=creds["sandboxUrl"] + "/done?x=1").get_json()
    assert _segments(body["token"])[1]["redirect"] == creds["sandboxUrl"] + "/done?x=1"


def test_redirect_elsewhere_is_refused(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(generate(client, creds, redirect="https://evil.example/x"), 422, "redirect_not_allowed")
    assert "redirect" in body["errors"]


# --- authentication ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Basic abc", "Bearer not-a-key", "Bearer " + credentials.new_api_key()],
    ids=["missing", "empty", "no-key", "basic", "junk", "unknown"],
)
def test_missing_and_unknown_api_keys_get_401(
    client: FlaskClient, creds: dict[str, Any], authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    body = {"profileKey": creds["profiles"]["generic"], "payload": {}}
    response = client.post("/api/v1/generateJWT", json=body, headers=headers)
    assert problem(response, 401, "unauthorized")["detail"].startswith("A valid API key is required")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_key_with_one_character_changed_is_refused(client: FlaskClient, creds: dict[str, Any]) -> None:
    key = creds["apiKey"]
    tampered = key[:-7] + ("A" if key[-7] != "A" else "B") + key[-6:]
    response = client.post("/api/v1/generateJWT", json={"payload": {}}, headers=bearer(tampered))
    problem(response, 401, "unauthorized")


def test_revoked_key_gets_the_same_401(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    import datetime as dt

    before = generate(client, creds)
    assert before.status_code == 200
    svc.store.revoke_api_key(credentials.api_key_prefix(creds["apiKey"]), dt.datetime.now(dt.UTC))
    after = generate(client, creds)
    assert (
        problem(after, 401, "unauthorized")["detail"]
        == problem(
            client.post("/api/v1/generateJWT", json={}, headers=bearer(credentials.new_api_key())), 401, "unauthorized"
        )["detail"]
    )


# --- the profile key -----------------------------------------------------------------------------
def test_api_key_in_profile_key_is_a_clear_400(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(generate(client, creds, profileKey=creds["apiKey"]), 400, "api_key_as_profile_key")
    assert "Authorization" in body["detail"]
    assert creds["apiKey"] not in json.dumps(body)


def test_unknown_profile_is_404(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(generate(client, creds, profileKey=credentials.new_profile_key()), 404, "profile_not_found")


def test_another_tenants_profile_is_404(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    from service.admin import operations as admin

    svc.store.create_tenant("other")
    other = admin.create_profile(
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


# --- request validation --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("expireIn", 0),
        ("expireIn", 2881),
        ("expireIn", "5"),
        ("expireIn", 5.5),
        ("expiresIn", -1),
        ("verify", "true"),
        ("verify", 1),
        ("redirect", "javascript:alert(1)"),
        ("redirect", "not a url"),
        ("payload", "text"),
        ("payload", [1, 2]),
        ("profileKey", 12),
        ("surprise", 1),
    ],
)
def test_invalid_fields_are_422_naming_the_field(
    client: FlaskClient, creds: dict[str, Any], field: str, value: Any
) -> None:
    body = problem(generate(client, creds, **{field: value}), 422, "validation_failed")
    assert field in body["errors"]


def test_two_different_expiry_spellings_are_422(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(generate(client, creds, expireIn=5, expiresIn=6), 422, "validation_failed")
    assert "expiresIn" in body["errors"]


def test_a_private_key_in_the_body_is_refused_with_a_reason(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(generate(client, creds, privateKey="-----BEGIN PRIVATE KEY-----"), 422, "validation_failed")
    assert "holds the signing keys" in body["errors"]["privateKey"][0]


def test_missing_payload_is_422(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = {"profileKey": creds["profiles"]["generic"]}
    response = client.post("/api/v1/generateJWT", json=body, headers=bearer(creds["apiKey"]))
    assert "payload" in problem(response, 422, "validation_failed")["errors"]


@pytest.mark.parametrize("claim", ["iss", "aud", "exp", "nbf", "iat", "nonce", "jti", "sub"])
def test_payload_may_not_shadow_registered_claims(client: FlaskClient, creds: dict[str, Any], claim: str) -> None:
    body = problem(generate(client, creds, payload={claim: "x"}), 422, "validation_failed")
    assert f"payload.{claim}" in body["errors"]


def test_payload_over_the_size_bound_is_422(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(generate(client, creds, payload={"blob": "x" * 9000}), 422, "validation_failed")
    assert "payload" in body["errors"]


def test_main_payload_errors_name_nested_fields(client: FlaskClient, creds: dict[str, Any]) -> None:
    payload = json.loads(json.dumps(SEED_PAYLOADS["exorlive-main"]))
    payload["contact"]["id"] = ""
    payload["contact"]["birthdate"] = "13.11.1969"
    del payload["employeeId"]
    body = problem(generate(client, creds, "exorlive-main", payload=payload), 422, "validation_failed")
    assert {"payload.contact.id", "payload.contact.birthdate", "payload.employeeId"} <= set(body["errors"])


def test_invalid_ssn_is_refused_where_the_profile_checks_it(client: FlaskClient, creds: dict[str, Any]) -> None:
    payload = json.loads(json.dumps(SEED_PAYLOADS["exorlive-go"]))
    payload["contact"]["ssn"] = "13116900217"
    body = problem(generate(client, creds, "exorlive-go", payload=payload), 422, "validation_failed")
    assert "payload.contact.ssn" in body["errors"]
    assert "13116900217" not in json.dumps(body)


def test_empty_optional_strings_and_extra_fields_pass_through(client: FlaskClient, creds: dict[str, Any]) -> None:
    payload = json.loads(json.dumps(SEED_PAYLOADS["exorlive-go"]))
    payload["contact"]["email"] = ""
    payload["contact"]["favouriteColour"] = "green"
    payload["partnerRef"] = {"system": "gym-os"}
    body = generate(client, creds, "exorlive-go", payload=payload).get_json()
    claims = _segments(body["token"])[1]
    assert claims["contact"]["favouriteColour"] == "green"
    assert claims["partnerRef"] == {"system": "gym-os"}


# --- transport-level errors ----------------------------------------------------------------------
def test_malformed_json_is_400(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.post(
        "/api/v1/generateJWT", data=b'{"payload": ', content_type="application/json", headers=bearer(creds["apiKey"])
    )
    problem(response, 400, "malformed_json")


@pytest.mark.parametrize(
    "raw",
    [
        b'{"payload": {"name": "\\ud83d"}}',
        b'{"payload": {"score": NaN}}',
        b'{"payload": {"score": -Infinity}}',
        b"[" * 60000,
        b'{"payload": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}",
        b'{"payload": {"x": "\xff"}}',
    ],
    ids=["lone-surrogate", "nan", "infinity", "deep-array", "deep-object", "not-utf8"],
)
def test_json_that_cannot_be_signed_is_400(client: FlaskClient, creds: dict[str, Any], raw: bytes) -> None:
    body = raw.replace(b'{"payload"', b'{"profileKey": "%s", "payload"' % creds["profiles"]["generic"].encode())
    response = client.post(
        "/api/v1/generateJWT", data=body, content_type="application/json", headers=bearer(creds["apiKey"])
    )
    problem(response, 400, "malformed_json")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_a_lone_surrogate_escaped_in_utf16_or_32_is_400(
    client: FlaskClient, creds: dict[str, Any], encoding: str
) -> None:
    text = '{"profileKey": "' + creds["profiles"]["generic"] + '", "payload": {"name": "\\ud83d"}}'
    response = client.post(
        "/api/v1/generateJWT",
        data=text.encode(encoding),
        content_type="application/json",
        headers=bearer(creds["apiKey"]),
    )
    problem(response, 400, "malformed_json")


def test_a_json_array_body_is_422(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.post("/api/v1/generateJWT", json=[1], headers=bearer(creds["apiKey"]))
    problem(response, 422, "validation_failed")


def test_wrong_content_type_is_415(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.post(
        "/api/v1/generateJWT", data="payload=x", content_type="application/x-www-form-urlencoded",
        headers=bearer(creds["apiKey"]),
    )  # fmt: skip
    problem(response, 415, "unsupported_media_type")


def test_body_over_the_limit_is_413(client: FlaskClient, creds: dict[str, Any]) -> None:
    data = json.dumps({"payload": {"blob": "x" * 70_000}})
    response = client.post(
        "/api/v1/generateJWT", data=data, content_type="application/json", headers=bearer(creds["apiKey"])
    )
    problem(response, 413, "payload_too_large")


def test_chunked_body_over_the_limit_is_413(client: FlaskClient, creds: dict[str, Any]) -> None:
    import io

    data = json.dumps({"payload": {"blob": "x" * 70_000}}).encode()
    response = client.post(
        "/api/v1/generateJWT",
        input_stream=io.BytesIO(data),
        content_type="application/json",
        headers={**bearer(creds["apiKey"]), "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    problem(response, 413, "payload_too_large")


def test_unknown_route_is_a_404_problem(client: FlaskClient) -> None:
    problem(client.get("/nope"), 404, "not_found")


def test_wrong_method_is_a_405_problem_with_allow(client: FlaskClient) -> None:
    response = client.get("/api/v1/generateJWT")
    problem(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
