"""The generateJWT request body: each field's type and bounds, one expiry spelling, an object, no private key."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.support.api import bearer, generate, problem


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


def test_a_json_array_body_is_422(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.post("/api/v1/generateJWT", json=[1], headers=bearer(creds["apiKey"]))
    problem(response, 422, "validation_failed")
