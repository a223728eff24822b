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
