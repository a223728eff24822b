"""The Send form's fields become the generateJWT body an API client would send, for each payload kind; the
API's error paths come back onto the fields they name."""

from __future__ import annotations

from typing import Any

from flask import Flask

from service.console.send_forms import GENERIC_ROWS, field_errors, form_class, payload_of, request_body

PROFILE_KEY = "pk_test"
COMMON = {"expiry": "60", "locale": "nn", "delivery": "email", "to": " member@clinic.example "}


def _form(app: Flask, kind: str, data: dict[str, str]) -> Any:
    with app.test_request_context(method="POST", data=data):
        form = form_class(kind)(meta={"csrf": False})
        assert form.validate(), form.errors
        return form


def test_an_exorlive_go_form_becomes_its_request(app: Flask) -> None:
    data = {
        **COMMON,
        "organization_id": "ace615c2",
        "organization_name": " Tatooine ",
        "contact_id": "2f3fb098",
        "contact_firstname": "Baby",
        "contact_lastname": "Yoda",
        "contact_ssn": "13116900216",
        "contact_middlename": "",
    }
    body = request_body(_form(app, "exorlive-go", data), "exorlive-go", PROFILE_KEY, None)
    assert body == {
        "profileKey": PROFILE_KEY,
        "payload": {
            "organizationId": "ace615c2",
            "organizationName": "Tatooine",
            "contact": {"id": "2f3fb098", "firstname": "Baby", "lastname": "Yoda", "ssn": "13116900216"},
        },
        "expireIn": 60,
        "locale": "nn",
        "email": {"to": "member@clinic.example"},
    }


def test_an_exorlive_main_form_has_the_instructor_and_a_qr_code_replacing_a_link(app: Flask) -> None:
    data = {
        **COMMON,
        "delivery": "qr",
        "organization_id": "o1",
        "organization_name": "Clinic",
        "employee_id": "e1",
        "employee_firstname": "Mando",
        "employee_lastname": "Lorian",
        "employee_email": "mando@clinic.example",
        "contact_id": "c1",
        "contact_firstname": "Baby",
        "contact_lastname": "Yoda",
        "contact_birthdate": "1969-11-13",
    }
    body = request_body(_form(app, "exorlive-main", data), "exorlive-main", PROFILE_KEY, "ln_old")
    assert body["payload"] == {
        "organizationId": "o1",
        "organizationName": "Clinic",
        "employeeId": "e1",
        "employeeFirstname": "Mando",
        "employeeLastname": "Lorian",
        "employeeEmail": "mando@clinic.example",
        "contact": {"id": "c1", "firstname": "Baby", "lastname": "Yoda", "birthdate": "1969-11-13"},
    }
    assert (body["qr"], body["replaces"], "email" in body) == (True, "ln_old", False)


def test_a_generic_form_sends_its_filled_rows(app: Flask) -> None:
    data = {**COMMON, "key_1": "userId", "value_1": "u-123", "key_3": "plan", "value_3": "gold", "key_2": ""}
    form = _form(app, "generic", data)
    assert payload_of(form, "generic") == {"userId": "u-123", "plan": "gold"}
    assert len([name for name in form._fields if name.startswith("key_")]) == GENERIC_ROWS


def test_errors_land_on_the_fields_their_paths_name(app: Flask) -> None:
    form = _form(app, "exorlive-go", {**COMMON, "organization_name": "x"})
    errors = {
        "payload.organizationId": ["Missing data for required field."],
        "payload.contact.ssn": ["Not a valid Norwegian national identity number (11 digits, mod-11)."],
        "email.to": ["Not a valid email address."],
        "expireIn": ["A whole number."],
        "payload": ["The payload is 9999 bytes as JSON; at most 8192 are allowed."],
    }
    general = field_errors(form, "exorlive-go", errors)
    assert form.organization_id.errors == ["Fill this in."]
    assert form.contact_ssn.errors[0].startswith("This is not a valid Norwegian national identity number")
    assert form.to.errors == ["Enter an email address, such as name@clinic.example."]
    assert form.expiry.errors == ["A whole number."]
    assert general == [(None, "payload: The payload is 9999 bytes as JSON; at most 8192 are allowed.")]


def test_a_generic_rows_error_lands_on_its_row(app: Flask) -> None:
    form = _form(app, "generic", {**COMMON, "key_2": "sub", "value_2": "x"})
    assert field_errors(form, "generic", {"payload.sub": ["'sub' is set by the broker."]}) == []
    assert form.value_2.errors == ["'sub' is set by the broker."]
