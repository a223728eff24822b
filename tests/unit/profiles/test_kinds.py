"""The payload checked by its profile's kind: registered claims, the size bound, nested fields, the national id."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.support.api import SEED_PAYLOADS, generate, problem
from tests.support.tokens import segments


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
    claims = segments(body["token"])[1]
    assert claims["contact"]["favouriteColour"] == "green"
    assert claims["partnerRef"] == {"system": "gym-os"}
