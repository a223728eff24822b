"""Send again: the Send form with `replaces`, so the old link stops working; a link replaced already gets a page
naming the newest; hostile input (odd ids, NUL, huge values, another account's profile) gets a page, never a 500."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.dev import seed as devseed
from service.profiles.setup import create_profile
from service.wiring import Services
from tests.support.api import generate
from tests.support.console import csrf_token, sign_in
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
OWNER = devseed.DEV_CONSOLE_OWNER
GO = {
    "organization_id": "ace615c2",
    "organization_name": "Tatooine",
    "contact_id": "2f3fb098",
    "contact_firstname": "Baby",
    "contact_lastname": "Yoda",
    "delivery": "email",
    "to": "babyyoda@galaxy.com",
    "expiry": "2880",
    "locale": "en",
}


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _tenant(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _api_link(client: FlaskClient, creds: dict[str, Any]) -> str:
    response = generate(client, creds, "exorlive-go", key="adminApiKey", expireIn=600, email={"to": "a@galaxy.com"})
    assert response.status_code == 200, response.get_json()
    return str(response.get_json()["linkId"])


def _send(client: FlaskClient, query: str, fields: dict[str, str]) -> Any:
    page = client.get(f"/console/send?{query}")
    assert page.status_code == 200, page.get_data(as_text=True)[:300]
    html = page.get_data(as_text=True)
    attempt = re.search(r'name="attempt" type="hidden" value="([^"]+)"', html)
    assert attempt
    data = {"csrf_token": csrf_token(html), "attempt": attempt.group(1), **fields}
    return client.post(f"/console/send?{query}", data=data)


def test_send_again_replaces_the_link_and_a_second_time_names_the_newest(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    old = _api_link(client, creds)
    sign_in(client, svc, inbox[0], OWNER)
    detail = client.get(f"/console/links/{old}").get_data(as_text=True)
    assert 'data-testid="send-again"' in detail
    again = client.get(f"/console/send?profile=exorlive-go&replaces={old}").get_data(as_text=True)
    assert old in again
    assert "babyyoda" not in again
    assert "It went to a***@galaxy.com." in again  # what the link keeps in clear: the masked address
    sent = _send(client, f"profile=exorlive-go&replaces={old}", GO)
    html = sent.get_data(as_text=True)
    assert sent.status_code == 200, html
    new = re.search(r'data-testid="new-link">[^<]*?(ln_[A-Za-z0-9_-]+)', html)
    assert new
    tenant = _tenant(svc)
    assert svc.links.detail(tenant, old)["state"] == "revoked"
    assert svc.links.detail(tenant, new.group(1))["state"] == "usable"
    twice = _send(client, f"profile=exorlive-go&replaces={old}", GO)
    assert twice.status_code == 409
    assert new.group(1) in twice.get_data(as_text=True)
    assert len(svc.links.list(tenant, 10)) == 2  # nothing made by the refused one


def test_a_double_press_of_send_replays_the_first_answer(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    html = client.get("/console/send?profile=exorlive-go").get_data(as_text=True)
    attempt = re.search(r'name="attempt" type="hidden" value="([^"]+)"', html)
    assert attempt
    data = {"csrf_token": csrf_token(html), "attempt": attempt.group(1), **GO}
    first = client.post("/console/send?profile=exorlive-go", data=data)
    second = client.post("/console/send?profile=exorlive-go", data=data)
    assert first.status_code == second.status_code == 200
    assert len(svc.links.list(_tenant(svc), 10)) == 1


@pytest.mark.parametrize(
    "query",
    [
        "profile=nosuch",
        "profile=exorlive-go%00",
        "profile=" + "x" * 5000,
        "profile=theirs",  # another account's
        "profile=exorlive-go&replaces=ln_nosuch",
        "profile=exorlive-go&replaces=ln_%00",
        "profile=exorlive-go&replaces=" + "y" * 500,
    ],
)
def test_unknown_or_foreign_profiles_and_links_get_the_404_page(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], query: str
) -> None:
    svc.stores.tenants.create_tenant("other")
    create_profile(
        svc,
        "other",
        None,
        [],
        name="theirs",
        kind="generic",
        delivery_mode="query",
        issuer="https://broker.test",
        audience="theirs",
        rp_url="https://rp.example/sso",
    )
    sign_in(client, svc, inbox[0], OWNER)
    page = client.get(f"/console/send?{query}")
    assert page.status_code == 404
    token = csrf_token(client.get("/console/send").get_data(as_text=True))
    assert client.post(f"/console/send?{query}", data={**GO, "csrf_token": token}).status_code == 404
    assert svc.links.list(_tenant(svc), 10) == []


@pytest.mark.parametrize(
    "change",
    [
        {"organization_name": "x" * 100_000},
        {"organization_name": "x" * 5000},
        {"contact_firstname": "Baby\x00Yoda"},
        {"to": "a@b.example\r\nBcc: x@y.example"},
        {"expiry": "99999"},
        {"expiry": "\x00"},
        {"locale": "de"},
        {"delivery": "fax"},
        {"attempt": "\x00" * 300},
    ],
)
def test_hostile_fields_get_the_form_back_never_a_500(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], change: dict[str, str]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    response = _send(client, "profile=exorlive-go", {**GO, **change})
    assert response.status_code in (200, 400, 413, 422), response.get_data(as_text=True)[:2000]
    assert response.mimetype == "text/html"
    assert response.headers["Cache-Control"] == "no-store"


def test_a_generic_profile_with_a_reserved_name_is_told_on_its_row(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    fields = {"key_1": "sub", "value_1": "x", "delivery": "qr", "expiry": "15", "locale": "en"}
    response = _send(client, "profile=generic", fields)
    assert response.status_code == 422
    assert re.search(r'<p class="error" id="value_1-error"[^>]*>[^<]*sub', response.get_data(as_text=True))


def test_wrong_methods_are_refused(client: FlaskClient, svc: Services, creds: dict[str, Any]) -> None:
    assert client.put("/console/send").status_code == 405
    assert client.delete("/console/send?profile=exorlive-go").status_code == 405


def test_a_test_profiles_link_is_not_replaced_as_a_test_key_may_not(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    first = _send(client, "profile=exorlive-go-test", GO)
    assert first.status_code == 200
    assert "test inbox" in first.get_data(as_text=True)
    old = str(svc.links.list(_tenant(svc), 1)[0]["id"])
    assert 'data-testid="send-again"' not in client.get(f"/console/links/{old}").get_data(as_text=True)
    refused = _send(client, f"profile=exorlive-go-test&replaces={old}", GO)
    assert refused.status_code == 403
    assert "cannot replace another" in refused.get_data(as_text=True)
    assert svc.links.detail(_tenant(svc), old)["state"] == "usable"


def test_a_corrected_form_sends_with_the_same_attempt(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    # Nothing is kept of a refused attempt: the corrected form (the same attempt value) is sent.
    sign_in(client, svc, inbox[0], OWNER)
    refused = _send(client, "profile=exorlive-go", {**GO, "to": "nope"})
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    attempt = re.search(r'name="attempt" type="hidden" value="([^"]+)"', html)
    assert attempt
    data = {**GO, "csrf_token": csrf_token(html), "attempt": attempt.group(1)}
    assert client.post("/console/send?profile=exorlive-go", data=data).status_code == 200
    assert len(svc.links.list(_tenant(svc), 10)) == 1
