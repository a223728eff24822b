"""API key administration over HTTP: list and revoke a tenant's keys (scope keys:admin)."""

from __future__ import annotations

import json
from typing import Any

from flask.testing import FlaskClient

from service.apikeys import credentials
from service.apikeys.issuing import create_api_key
from service.wiring import Services
from tests.support.api import bearer, generate, problem


def test_an_admin_lists_its_tenants_keys_without_secrets(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.get("/api/v1/api-keys", headers=bearer(creds["adminApiKey"]))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    keys = {key["prefix"]: key for key in response.get_json()["apiKeys"]}
    plain = keys[credentials.api_key_prefix(creds["apiKey"])]
    assert plain == {
        **plain,
        "label": "dev",
        "scopes": ["links:email", "links:long"],
        "rateLimit": "600/minute",
        "revokedAt": None,
    }
    assert set(plain) == {"prefix", "label", "scopes", "rateLimit", "createdAt", "revokedAt"}  # no hash
    dumped = json.dumps(response.get_json())
    assert creds["apiKey"] not in dumped
    assert creds["adminApiKey"] not in dumped


def test_revoking_a_key_refuses_it_at_once(client: FlaskClient, creds: dict[str, Any]) -> None:
    prefix = credentials.api_key_prefix(creds["apiKey"])
    assert generate(client, creds).status_code == 200
    response = client.post(f"/api/v1/api-keys/{prefix}/revoke", headers=bearer(creds["adminApiKey"]))
    assert response.status_code == 200
    assert response.get_json()["revokedAt"]
    problem(generate(client, creds), 401, "unauthorized")
    # Revoking twice keeps the first time.
    again = client.post(f"/api/v1/api-keys/{prefix}/revoke", headers=bearer(creds["adminApiKey"]))
    assert again.get_json()["revokedAt"] == response.get_json()["revokedAt"]


def test_a_key_needs_the_scope(client: FlaskClient, creds: dict[str, Any]) -> None:
    prefix = credentials.api_key_prefix(creds["adminApiKey"])
    body = problem(
        client.post(f"/api/v1/api-keys/{prefix}/revoke", headers=bearer(creds["apiKey"])), 403, "insufficient_scope"
    )
    assert "keys:admin" in body["detail"]
    problem(client.get("/api/v1/api-keys", headers=bearer(creds["apiKey"])), 403, "insufficient_scope")


def test_another_tenants_key_is_not_found(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    svc.stores.tenants.create_tenant("other")
    other = create_api_key(svc, "other", [], "theirs")
    prefix = credentials.api_key_prefix(other)
    problem(
        client.post(f"/api/v1/api-keys/{prefix}/revoke", headers=bearer(creds["adminApiKey"])), 404, "api_key_not_found"
    )
    problem(
        client.post("/api/v1/api-keys/tbk_nothing00/revoke", headers=bearer(creds["adminApiKey"])),
        404,
        "api_key_not_found",
    )
    assert client.get("/api/v1/api-keys", headers=bearer(other)).status_code == 403
    listed = client.get("/api/v1/api-keys", headers=bearer(creds["adminApiKey"])).get_json()["apiKeys"]
    assert prefix not in {key["prefix"] for key in listed}
