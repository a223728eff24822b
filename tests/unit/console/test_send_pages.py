"""The console's Send a link page: the form of each kind becomes a generateJWT request for the very service the
API uses; its validation errors land on the fields; viewers, missing CSRF tokens and hostile input get pages."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from service.audit.models import AuditEvent
from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.console import csrf_token, sign_in
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
VIEWER = "viewer@dev.example"
OWNER = devseed.DEV_CONSOLE_OWNER
GO = {
    "organization_id": "ace615c2",
    "organization_name": "Tatooine",
    "contact_id": "2f3fb098",
    "contact_firstname": "Baby",
    "contact_lastname": "Yoda",
    "contact_ssn": "13116900216",
}


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _tenant(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _post(client: FlaskClient, query: str, fields: dict[str, str], **headers: str) -> Any:
    page = client.get(f"/console/send?{query}", headers=headers)
    assert page.status_code == 200, page.get_data(as_text=True)[:500]
    html = page.get_data(as_text=True)
    attempt = re.search(r'name="attempt" type="hidden" value="([^"]+)"', html)
    assert attempt
    data = {"csrf_token": csrf_token(html), "attempt": attempt.group(1), "expiry": "2880", "locale": "nb", **fields}
    return client.post(f"/console/send?{query}", data=data, headers=headers)


def _audit(svc: Services, action: str) -> list[AuditEvent]:
    assert svc.auditor.flush()
    with svc.db.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def test_the_first_step_lists_the_accounts_profiles(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    page = client.get("/console/send")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for name in ("exorlive-go", "exorlive-main", "generic", "exorlive-go-test"):
        assert f'data-profile="{name}"' in html
    assert "pk_" not in html  # no profile key in a URL


def test_an_emailed_go_link_is_made_by_the_api_service_and_audited_as_the_console_user(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    before = len(inbox[0].envelopes)
    sent = _post(client, "profile=exorlive-go", {**GO, "delivery": "email", "to": "babyyoda@galaxy.com"})
    html = sent.get_data(as_text=True)
    assert sent.status_code == 200, html
    assert "b***@galaxy.com" in html
    assert "/l/" not in html  # an emailed link is not shown
    link_id = re.search(r"(ln_[A-Za-z0-9_-]+)", html)
    assert link_id
    detail = svc.links.detail(_tenant(svc), link_id.group(1))
    assert (detail["state"], detail["locale"], detail["profile"]) == ("usable", "nb", "exorlive-go")
    assert detail["expiresAt"] > detail["createdAt"]
    deadline = time.monotonic() + 10
    while len(inbox[0].envelopes) == before:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    minted = _audit(svc, "token.minted")[-1]
    user = svc.console.users.find(OWNER)[0]
    assert (minted.outcome, minted.api_key_prefix, minted.detail["link"]) == ("ok", user.public_id, link_id.group(1))
    console = _audit(svc, "console.link.sent")[-1]
    assert (console.outcome, console.detail["consoleUser"], console.detail["link"]) == (
        "ok",
        user.public_id,
        link_id.group(1),
    )
    assert "galaxy" not in str(console.detail)
    assert "Yoda" not in str(minted.detail)


def test_a_qr_link_shows_the_code_and_the_link_in_a_readonly_field(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    sent = _post(client, "profile=exorlive-go", {**GO, "delivery": "qr"})
    html = sent.get_data(as_text=True)
    assert sent.status_code == 200, html
    assert "<svg" in html
    assert "<title>" in html
    url = re.search(r'id="link-url" type="text" readonly value="([^"]+)"', html)
    assert url
    assert "/l/" in url.group(1)
    assert "eyJ" not in html  # the token itself is never shown
    assert sent.headers["Cache-Control"] == "no-store"
    assert "script-src 'nonce-" in sent.headers["Content-Security-Policy"]


def test_a_test_profile_sends_in_test_mode(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    sent = _post(client, "profile=exorlive-go-test", {**GO, "delivery": "email", "to": "babyyoda@galaxy.com"})
    assert sent.status_code == 200, sent.get_data(as_text=True)
    assert str(_audit(svc, "token.minted")[-1].api_key_prefix).startswith("tbk_test_cu_")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"contact_ssn": "13116900217"}, "contact_ssn", "gyldig norsk fødselsnummer"),
        ({"to": "not-an-address"}, "to", "e-postadresse"),
        ({"organization_id": ""}, "organization_id", "Fyll ut"),
        ({"contact_birthdate": "13.11.1969"}, "contact_birthdate", "ÅÅÅÅ-MM-DD"),
    ],
)
def test_the_apis_errors_are_shown_on_their_fields(
    client: FlaskClient,
    svc: Services,
    creds: dict[str, Any],
    inbox: tuple[Collector, int],
    change: dict[str, str],
    field: str,
    message: str,
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    fields = {**GO, "delivery": "email", "to": "babyyoda@galaxy.com", **change}
    refused = _post(client, "profile=exorlive-go", fields, **{"Accept-Language": "nb"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    error = re.search(rf'<p class="error" id="{field}-error"[^>]*>([^<]+)</p>', html)
    assert error, html
    assert message in error.group(1)
    assert f'id="{field}"' in html
    assert 'aria-invalid="true"' in html
    assert svc.links.list(_tenant(svc), 10) == []
    # What was typed stays in the form.
    assert 'value="Tatooine"' in html


def test_a_viewer_gets_the_403_page_and_sends_nothing(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    svc.console.users.add(_tenant(svc), VIEWER, Role.VIEWER)
    sign_in(client, svc, inbox[0], VIEWER)
    assert client.get("/console/send").status_code == 403
    assert client.get("/console/send?profile=exorlive-go").status_code == 403
    assert "/console/send" not in client.get("/console/links").get_data(as_text=True)
    token = csrf_token(client.get("/console/links").get_data(as_text=True))
    fields = {**GO, "csrf_token": token, "delivery": "qr", "expiry": "60", "locale": "en"}
    assert client.post("/console/send?profile=exorlive-go", data=fields).status_code == 403
    assert svc.links.list(_tenant(svc), 10) == []
    assert [row.outcome for row in _audit(svc, "console.link.sent")] == ["forbidden"]


def test_a_send_without_the_csrf_token_is_refused(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    fields = {**GO, "delivery": "qr", "expiry": "60", "locale": "en"}
    assert client.post("/console/send?profile=exorlive-go", data=fields).status_code == 400
    assert svc.links.list(_tenant(svc), 10) == []


def test_signed_out_the_page_goes_to_sign_in(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert client.get("/console/send").status_code == 303
    assert client.post("/console/send?profile=exorlive-go").status_code == 303


def test_one_round_shows_the_request_errors_and_the_payload_errors(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    # generateJWT stops at the request's own fields (email.to) before the payload: the form still names both.
    sign_in(client, svc, inbox[0], OWNER)
    fields = {**GO, "organization_id": "", "contact_lastname": "", "delivery": "email", "to": "nope"}
    html = _post(client, "profile=exorlive-go", fields).get_data(as_text=True)
    for field in ("to", "organization_id", "contact_lastname"):
        assert f'id="{field}-error"' in html, field
    assert html.index('href="#organization_id"') < html.index('href="#contact_lastname"') < html.index('href="#to"')
