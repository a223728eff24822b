"""generateJWT with `email`: the launch link goes out by SMTP (a real aiosmtpd server on loopback)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from service.dev import seed as devseed
from service.tenants.accounts import set_tenant_display_name
from service.wiring import Services, services
from tests.support.api import bearer, generate, problem
from tests.support.apps import build_app, dev_api_key, seed_dev
from tests.support.links import FROM_ITS_PAGE, launch_links
from tests.support.ports import free_port
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"


MEMBER = "babyyoda@galaxy.com"


EMAIL = {
    "to": MEMBER,
    "companyName": "Tatooine Fitness",
    "contactEmail": "support@tatooine.test",
    "termsUrl": "https://tatooine.test/terms",
    "privacyUrl": "https://tatooine.test/privacy",
    "bcc": ["admin@tatooine.test"],
}


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _email(client: FlaskClient, creds: dict[str, Any], key: str = "adminApiKey", **body: Any) -> Any:
    body.setdefault("email", EMAIL)
    body.setdefault("expireIn", 2880)
    response = generate(client, creds, "exorlive-main", key=key, **body)
    if response.status_code == 200:
        WATCH.watch(response.get_json()["url"].rsplit("/", 1)[1])
    return response


def test_the_link_is_emailed_and_works(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int]
) -> None:
    collector, _ = inbox
    response = _email(client, creds)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["emailSent"], body["delivery"]) == (True, "email")
    assert body["expiresIn"] == "2880m"
    (envelope,) = collector.envelopes
    assert envelope.rcpt_tos == [MEMBER, "admin@tatooine.test"]
    message = collector.message()
    assert message["To"] == MEMBER
    assert "Bcc" not in message
    text = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    for part in (text, html):
        assert body["url"] in part
        assert "Tatooine Fitness" in part
        assert "support@tatooine.test" in part
        assert "https://tatooine.test/terms" in part
        assert "2 days" in part
    # Nothing of the payload beyond what the admin put in `email`.
    for value in (*SEED_PERSONAL_DATA, "Mando", "13116900216", "L02"):
        if value != MEMBER:
            assert value not in text
            assert value not in html
    page = client.get(urlsplit(body["url"]).path).get_data(as_text=True)
    assert "submit()" not in page  # an emailed link waits for a click: mail scanners run scripts
    assert client.post(urlsplit(body["url"]).path, headers=FROM_ITS_PAGE).status_code == 200
    listed = client.get("/api/v1/links", headers=bearer(creds["adminApiKey"])).get_json()["links"]
    assert listed[0]["recipient"] == "b***@galaxy.com"
    assert MEMBER not in str([(row.recipient_masked, row.sealed_payload) for row in launch_links(svc)])
    assert "token" not in body  # the admin's tool wanted a mail, not the member's live token
    detail = client.get(f"/api/v1/links/{body['linkId']}", headers=bearer(creds["adminApiKey"])).get_json()
    assert [event["type"] for event in detail["events"]] == ["created", "emailed", "used"]
    assert MEMBER not in str(detail)


def test_the_mail_is_from_the_tenants_display_name_on_the_brokers_address(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int]
) -> None:
    collector, _ = inbox
    assert _email(client, creds).status_code == 200  # the request's companyName is the Subject's, not the From's
    assert collector.message()["From"] == f"{devseed.DEV_TENANT_DISPLAY_NAME} <no-reply@broker.test>"
    assert collector.message()["Subject"] == "Tatooine Fitness: your sign-in link"
    set_tenant_display_name(svc, devseed.DEV_TENANT, 'Tatooine "Fysio", Ærø')
    assert _email(client, creds).status_code == 200
    [sender] = collector.message()["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ('Tatooine "Fysio", Ærø', "no-reply@broker.test")
    assert collector.envelopes[-1].mail_from == "no-reply@broker.test"


def test_include_token_keeps_the_token_with_email(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = _email(client, creds, includeToken=True).get_json()
    assert body["token"].count(".") == 2
    WATCH.watch(body["token"])


def test_a_short_emailed_link_is_still_a_link(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = generate(client, creds, "generic", key="adminApiKey", email={"to": MEMBER})
    assert response.status_code == 200
    assert urlsplit(response.get_json()["url"]).path.startswith("/l/")
    WATCH.watch(response.get_json()["url"].rsplit("/", 1)[1])


def test_email_needs_the_links_email_scope(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int]
) -> None:
    creds = {**creds, "longLinksKey": dev_api_key(svc, "links:long")}
    body = problem(_email(client, creds, key="longLinksKey", expireIn=5), 403, "insufficient_scope")
    assert "links:email" in body["detail"]
    assert inbox[0].envelopes == []
    assert launch_links(svc) == []


@pytest.mark.parametrize(
    ("email", "field"),
    [
        ({"to": "not-an-address"}, "email.to"),
        ({}, "email.to"),
        ({"to": MEMBER, "bcc": ["x"]}, "email.bcc.0"),
        ({"to": MEMBER, "contactEmail": "nope"}, "email.contactEmail"),
        ({"to": MEMBER, "termsUrl": "javascript:alert(1)"}, "email.termsUrl"),
        ({"to": MEMBER, "companyName": "ACME\r\nBcc: everyone@example.com"}, "email.companyName"),
        ({"to": MEMBER, "companyName": "ACME =?utf-8?q?=0D=0ABcc=3A_everyone=40example.com?="}, "email.companyName"),
        ({"to": MEMBER, "surprise": 1}, "email.surprise"),
    ],
)
def test_bad_email_fields_are_422_before_anything_is_made(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int], email: Any, field: str
) -> None:
    body = problem(_email(client, creds, email=email), 422, "validation_failed")
    assert field in body["errors"]
    assert inbox[0].envelopes == []
    assert launch_links(svc) == []


def test_a_refusing_mail_server_leaves_no_usable_link(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int]
) -> None:
    inbox[0].refuse_data = "554 5.7.1 rejected"
    body = problem(_email(client, creds), 502, "email_failed")
    assert "token" not in body
    (link,) = launch_links(svc)
    assert link.revoked_at is not None
    detail = client.get(f"/api/v1/links/{link.public_id}", headers=bearer(creds["adminApiKey"])).get_json()
    assert [event["type"] for event in detail["events"]] == ["created", "email_failed", "revoked"]


@pytest.mark.parametrize(
    "name",
    [
        "Dev\r\nBcc: x@evil.example",
        # Python's email package would decode the word into a line break and a Bcc header of its own.
        "Dev =?utf-8?q?=0D=0ABcc=3A_x=40evil.example?=",
    ],
)
def test_a_mail_that_cannot_be_composed_is_a_failed_mail_not_a_500(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int], caplog: Any, name: str
) -> None:
    # A name stored before display names were checked: it cannot go into the From and Subject headers.
    svc.stores.tenants.set_tenant_display_name(devseed.DEV_TENANT, name)
    email = {key: value for key, value in EMAIL.items() if key != "companyName"}  # the tenant's name stands in
    body = problem(_email(client, creds, email=email), 502, "email_failed")
    assert "revoked" in body["detail"]
    assert inbox[0].envelopes == []
    (link,) = launch_links(svc)
    assert link.revoked_at is not None
    detail = client.get(f"/api/v1/links/{link.public_id}", headers=bearer(creds["adminApiKey"])).get_json()
    assert [event["type"] for event in detail["events"]] == ["created", "email_failed", "revoked"]
    assert "evil" not in caplog.text


def test_a_mail_server_that_is_down_leaves_no_usable_link(config: dict[str, Any], tmp_path: Any) -> None:
    down = build_app({**config, "SMTP_URL": f"smtp://127.0.0.1:{free_port()}?from={SENDER}"})
    down.instance_path = str(tmp_path / "down")
    svc = services(down)
    creds = seed_dev(down, down.instance_path, "http://127.0.0.1:9")
    client = down.test_client()
    body = problem(_email(client, creds), 502, "email_failed")
    assert "revoked" in body["detail"]
    (link,) = launch_links(svc)
    assert link.revoked_at is not None
    states = [
        row["state"] for row in client.get("/api/v1/links", headers=bearer(creds["adminApiKey"])).get_json()["links"]
    ]
    assert states == ["revoked"]


def test_two_identical_idempotent_requests_send_one_mail(
    client: FlaskClient, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}, "email": {"to": MEMBER}}
    headers = {**bearer(creds["adminApiKey"]), "Idempotency-Key": "mail-once"}
    first = client.post("/api/v1/generateJWT", json=body, headers=headers)
    second = client.post("/api/v1/generateJWT", json=body, headers=headers)
    assert first.status_code == second.status_code == 200
    WATCH.watch(first.get_json()["url"].rsplit("/", 1)[1])
    assert "token" not in first.get_json()
    assert second.get_json() == first.get_json()
    assert len(inbox[0].envelopes) == 1


def test_without_a_mail_server_email_is_refused_before_anything_is_made(config: dict[str, Any], tmp_path: Any) -> None:
    bare = build_app({k: v for k, v in config.items() if k != "SMTP_URL"})
    bare.instance_path = str(tmp_path / "bare")
    svc = services(bare)
    creds = seed_dev(bare, bare.instance_path, "http://127.0.0.1:9")
    body = problem(_email(bare.test_client(), creds), 502, "email_failed")
    assert "SMTP_URL" in body["detail"]
    assert launch_links(svc) == []
