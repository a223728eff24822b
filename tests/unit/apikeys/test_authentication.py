"""API keys: missing, unknown, tampered and revoked keys all get the same 401."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from service.apikeys import credentials
from service.wiring import Services
from tests.support.api import bearer, generate, problem


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


@pytest.mark.parametrize("value", ["{key}", " {key} ", "{key_unknown}"], ids=["key", "spaces", "unknown-key"])
def test_a_key_without_bearer_is_told_to_put_bearer_before_it(
    client: FlaskClient, creds: dict[str, Any], value: str
) -> None:
    """Bubble's "Private key in header" with only the key as the value: the usual first 401 (issue 22, item 5)."""
    authorization = value.format(key=creds["testApiKey"], key_unknown=credentials.new_api_key())
    body = {"profileKey": creds["testProfiles"]["generic"], "payload": {}}
    response = client.post("/api/v1/generateJWT", json=body, headers={"Authorization": authorization})
    detail = problem(response, 401, "unauthorized")["detail"]
    assert "put `Bearer ` (the word and a space) before the key" in detail
    assert authorization.strip() not in detail  # never echoed
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("scheme", ["Bearer:", "Bearer", "Token ", "Basic "])
def test_a_key_after_another_word_is_told_the_word_is_bearer(
    client: FlaskClient, creds: dict[str, Any], scheme: str
) -> None:
    response = client.post(
        "/api/v1/generateJWT", json={"payload": {}}, headers={"Authorization": scheme + creds["apiKey"]}
    )
    detail = problem(response, 401, "unauthorized")["detail"]
    assert "send 'Authorization: Bearer tbk_…', the word Bearer, one space, then the key" in detail
    assert creds["apiKey"] not in detail


def test_a_key_with_one_character_changed_is_refused(client: FlaskClient, creds: dict[str, Any]) -> None:
    key = creds["apiKey"]
    tampered = key[:-7] + ("A" if key[-7] != "A" else "B") + key[-6:]
    response = client.post("/api/v1/generateJWT", json={"payload": {}}, headers=bearer(tampered))
    problem(response, 401, "unauthorized")


def test_revoked_key_gets_the_same_401(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    import datetime as dt

    before = generate(client, creds)
    assert before.status_code == 200
    svc.stores.api_keys.revoke_api_key(credentials.api_key_prefix(creds["apiKey"]), dt.datetime.now(dt.UTC))
    after = generate(client, creds)
    assert (
        problem(after, 401, "unauthorized")["detail"]
        == problem(
            client.post("/api/v1/generateJWT", json={}, headers=bearer(credentials.new_api_key())), 401, "unauthorized"
        )["detail"]
    )
