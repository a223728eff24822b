"""The request's `email` object: every field checked, header injection refused, a valid one becomes a LinkEmail."""

from __future__ import annotations

from typing import Any

import pytest

from service.email.message import LinkEmail
from service.email.request import link_email_from_request, validate_email_request
from tests.support.mail import (
    ADMIN,
    MEMBER,
    NOW,
)


def test_a_full_email_object_is_valid() -> None:
    data = {
        "to": MEMBER,
        "bcc": [ADMIN],
        "companyName": "ACME",
        "contactEmail": "help@acme.example",
        "termsUrl": "https://acme.example/terms",
        "privacyUrl": "http://localhost:8000/privacy",
    }
    assert validate_email_request(data) == {}
    assert validate_email_request({"to": MEMBER}) == {}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "email.to"),
        ({"to": ""}, "email.to"),
        ({"to": "not-an-address"}, "email.to"),
        ({"to": f"Member <{MEMBER}>"}, "email.to"),
        ({"to": 42}, "email.to"),
        ({"to": MEMBER, "bcc": ADMIN}, "email.bcc"),
        ({"to": MEMBER, "bcc": [f"a{i}@example.org" for i in range(6)]}, "email.bcc"),
        ({"to": MEMBER, "bcc": [ADMIN, "nope"]}, "email.bcc.1"),
        ({"to": MEMBER, "contactEmail": "help"}, "email.contactEmail"),
        ({"to": MEMBER, "termsUrl": "javascript:alert(1)"}, "email.termsUrl"),
        ({"to": MEMBER, "privacyUrl": "ftp://acme.example/privacy"}, "email.privacyUrl"),
        ({"to": MEMBER, "privacyUrl": "/privacy"}, "email.privacyUrl"),
        ({"to": MEMBER, "companyName": "x" * 101}, "email.companyName"),
        ({"to": MEMBER, "companyName": ""}, "email.companyName"),
        ({"to": MEMBER, "cc": [ADMIN]}, "email.cc"),
    ],
)
def test_invalid_email_objects_name_the_field(data: dict[str, Any], field: str) -> None:
    errors = validate_email_request(data)
    assert field in errors, errors
    assert all(isinstance(m, str) and m for messages in errors.values() for m in messages)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"to": f"{MEMBER}\r\nBcc: evil@example.net"}, "email.to"),
        ({"to": MEMBER, "companyName": "ACME\r\nBcc: evil@example.net"}, "email.companyName"),
        ({"to": MEMBER, "companyName": "ACME\nX-Spam: no"}, "email.companyName"),
        ({"to": MEMBER, "bcc": [f"{ADMIN}\nBcc: evil@example.net"]}, "email.bcc"),
        ({"to": MEMBER, "termsUrl": "https://acme.example/\r\nterms"}, "email.termsUrl"),
        ({"to": MEMBER, "companyName": "ACME\x00"}, "email.companyName"),
    ],
)
def test_header_injection_is_refused(data: dict[str, Any], field: str) -> None:
    errors = validate_email_request(data)
    assert errors[field] == ["May not contain line breaks or other control characters."]


@pytest.mark.parametrize(
    "company",
    ["ACME =?utf-8?q?=0D=0ABcc=3A_evil=40example=2Enet?=", "=?utf-8?b?QUNNRQ0KQmNjOiBldmlsQGV4YW1wbGUubmV0?="],
)
def test_an_encoded_word_in_the_company_name_is_refused(company: str) -> None:
    # The Subject carries the company name, and Python's email package would decode the word, line break and all.
    errors = validate_email_request({"to": MEMBER, "companyName": company})
    assert list(errors) == ["email.companyName"]
    assert "=?...?=" in errors["email.companyName"][0]


def test_the_tenants_display_name_is_the_mails_from_name_and_its_company_unless_the_request_names_one() -> None:
    common = {"url": "https://broker.test/l/x", "expires_at": NOW + 60, "profile_name": "p", "sender_name": "Tatooine"}
    mail = link_email_from_request({"to": MEMBER}, **common)
    assert (mail.sender_name, mail.company_name) == ("Tatooine", "Tatooine")
    mail = link_email_from_request({"to": MEMBER, "companyName": "ACME"}, **common)
    assert (mail.sender_name, mail.company_name) == ("Tatooine", "ACME")


def test_email_must_be_an_object() -> None:
    assert list(validate_email_request([MEMBER])) == ["email"]
    assert list(validate_email_request(MEMBER)) == ["email"]


def test_a_valid_email_object_becomes_a_link_email() -> None:
    data = {"to": MEMBER, "companyName": "ACME", "termsUrl": "https://acme.example/terms"}
    assert validate_email_request(data) == {}
    mail = link_email_from_request(data, url="https://broker.test/l/x", expires_at=NOW + 60, profile_name="p")
    assert mail == LinkEmail(
        to=MEMBER,
        bcc=[],
        url="https://broker.test/l/x",
        expires_at=NOW + 60,
        company_name="ACME",
        contact_email=None,
        terms_url="https://acme.example/terms",
        privacy_url=None,
        profile_name="p",
    )
