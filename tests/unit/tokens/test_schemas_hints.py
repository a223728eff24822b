"""The first mistakes integrators make get an answer that says what to do (issue 16, item 4): a wrong type names
the fix, an unknown field the one meant, and payload fields sent at the top level are told where they go.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.support.api import SEED_MAIN_PAYLOAD, generate, problem


def _errors(response: Any) -> dict[str, list[str]]:
    return problem(response, 422, "validation_failed")["errors"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("value", ["5.5", "two days", 5.5, "", True])
def test_a_wrong_expire_in_names_minutes_and_durations(client: FlaskClient, creds: dict[str, Any], value: Any) -> None:
    errors = _errors(generate(client, creds, expireIn=value))
    assert errors["expireIn"] == [
        'A whole number of minutes from 1 to 2880 (e.g. 2880 for 48 hours), or a duration such as "90m", "48h" or "2d".'
    ]


@pytest.mark.parametrize(("value", "minutes"), [("90m", 90), ("48h", 2880), ("2d", 2880), (2880, 2880)])
def test_expire_in_takes_durations(client: FlaskClient, creds: dict[str, Any], value: Any, minutes: int) -> None:
    response = generate(client, creds, key="adminApiKey", expireIn=value)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["expiresIn"] == f"{minutes}m"


def test_an_expire_in_over_48_hours_says_the_bound(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert "from 1 to 2880" in _errors(generate(client, creds, expireIn="3d"))["expireIn"][0]


def test_ids_sent_as_numbers_are_told_to_put_quotes_around_them(client: FlaskClient, creds: dict[str, Any]) -> None:
    payload = {**SEED_MAIN_PAYLOAD, "organizationId": 4711, "contact": {**SEED_MAIN_PAYLOAD["contact"], "id": 42}}
    errors = _errors(generate(client, creds, "exorlive-main", payload=payload))
    assert errors["payload.organizationId"] == ['IDs are text: put quotes around it ("4711", not 4711).']
    assert errors["payload.contact.id"] == ['IDs are text: put quotes around it ("4711", not 4711).']


def test_a_payload_string_is_told_to_be_an_object(client: FlaskClient, creds: dict[str, Any]) -> None:
    errors = _errors(generate(client, creds, payload="u-123"))
    assert errors["payload"] == ['payload must be an object, not a string: {"userId": "u-123"}, not "u-123".']


def test_a_payload_of_json_text_is_told_to_drop_the_quotes(client: FlaskClient, creds: dict[str, Any]) -> None:
    errors = _errors(generate(client, creds, payload='{"userId": "u-123"}'))
    assert "send the object itself, without the quotes around it" in errors["payload"][0]


@pytest.mark.parametrize(
    ("field", "meant"),
    [("expirein", "expireIn"), ("expiresin", "expiresIn"), ("profilekey", "profileKey"), ("verfy", "verify")],
)
def test_an_unknown_field_suggests_the_nearest(
    client: FlaskClient, creds: dict[str, Any], field: str, meant: str
) -> None:
    errors = _errors(generate(client, creds, **{field: 5}))
    assert errors[field] == [f"Unknown field: did you mean {meant}?"]


def test_payload_fields_at_the_top_level_are_told_to_go_inside_payload(
    client: FlaskClient, creds: dict[str, Any]
) -> None:
    body = {"profileKey": creds["profiles"]["exorlive-go"], "organizationId": "ace615c2", "contact": {"id": "1"}}
    response = client.post("/api/v1/generateJWT", json=body, headers={"Authorization": f"Bearer {creds['apiKey']}"})
    errors = _errors(response)
    assert errors["organizationId"] == ["This goes in the token: put it inside payload."]
    assert errors["contact"] == ["This goes in the token: put it inside payload."]
    assert errors["payload"] == ["Required: put contact, organizationId inside payload, an object."]


def test_another_unknown_field_lists_the_fields(client: FlaskClient, creds: dict[str, Any]) -> None:
    errors = _errors(generate(client, creds, colour="blue"))
    assert errors["colour"][0].startswith("Unknown field. The request's fields are profileKey, payload, expireIn")


# --- near misses inside the payload (issue 22, item 1) -------------------------------------------
def _contact(**changes: Any) -> dict[str, Any]:
    """The seed's exorlive-main payload with its contact changed: a value None drops the field."""
    contact = {**SEED_MAIN_PAYLOAD["contact"], **changes}
    return {**SEED_MAIN_PAYLOAD, "contact": {name: value for name, value in contact.items() if value is not None}}


@pytest.mark.parametrize(
    ("sent", "meant"),
    [("firstName", "firstname"), ("first_name", "firstname"), ("lastNmae", "lastname"), ("Birth-Date", "birthdate")],
)
def test_a_near_miss_inside_contact_says_the_field_meant(
    client: FlaskClient, creds: dict[str, Any], sent: str, meant: str
) -> None:
    """Contact allows extra fields, so `firstName` would pass into the token and `firstname` be left out."""
    payload = _contact(**{meant: None, sent: "Baby"})
    errors = _errors(generate(client, creds, "exorlive-main", payload=payload))
    assert errors[f"payload.contact.{sent}"][0].startswith(f"Unknown field: did you mean {meant}?")


def test_a_near_miss_at_the_top_of_the_payload_says_the_field_meant(client: FlaskClient, creds: dict[str, Any]) -> None:
    payload = {name: value for name, value in SEED_MAIN_PAYLOAD.items() if name != "employeeEmail"}
    errors = _errors(generate(client, creds, "exorlive-main", payload={**payload, "employeeMail": "m@t.example"}))
    assert errors == {
        "payload.employeeMail": [
            "Unknown field: did you mean employeeEmail? Field names are case-sensitive, and an extra field passes "
            "into the token as sent, so employeeEmail would be missing."
        ]
    }


@pytest.mark.parametrize(
    "extra",
    [
        {"firstName": "Baby", "firstname": "Baby"},  # the field itself is there too: an extra on purpose
        {"mobilePhone": "99900000"},  # not close enough to mobile
        {"note": "x", "mail": "x"},  # short names look alike by chance
        {"diagnose": "x"},
    ],
)
def test_extra_fields_that_are_no_near_miss_still_pass(
    client: FlaskClient, creds: dict[str, Any], extra: dict[str, str]
) -> None:
    response = generate(client, creds, "exorlive-main", payload=_contact(**extra))
    assert response.status_code == 200, response.get_json()


def test_a_generic_payload_takes_any_names(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = generate(client, creds, "generic", payload={"userID": "u-1", "firstName": "Baby"})
    assert response.status_code == 200, response.get_json()
