"""The console's Test inbox: the mails the account's test profiles kept, as the test-inbox API gives them."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.api import generate
from tests.support.clock import Clock
from tests.support.console_session import signed_in_as

MEMBER = "babyyoda@galaxy.com"


def _dev_tenant(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _test_mail(client: FlaskClient, creds: dict[str, Any]) -> dict[str, Any]:
    made = generate(
        client,
        creds,
        "exorlive-go",
        key="testApiKey",
        profileKey=creds["testProfiles"]["exorlive-go"],
        expireIn=60,
        email={"to": MEMBER},
    )
    assert made.status_code == 200, made.get_json()
    assert made.get_json()["delivery"] == "test-inbox"
    return dict(made.get_json())


def test_every_role_sees_the_kept_mails_and_their_links(
    client: FlaskClient, svc: Services, creds: dict[str, Any], clock: Clock
) -> None:
    made = _test_mail(client, creds)
    (kept,) = svc.test_inbox.messages(_dev_tenant(svc))
    signed_in_as(client, svc, _dev_tenant(svc), "viewer@dev.example", Role.VIEWER)
    page = client.get("/console/test-inbox", headers={"Accept-Language": "en"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert f'data-message-id="{kept["id"]}"' in text
    assert "To b***@galaxy.com" in text
    assert f'href="{made["url"]}"' in text
    assert kept["subject"] in text
    assert "<html" not in text.split("<body", 1)[1]  # the mail's HTML part is never rendered
    clock.advance(25 * 3600)
    assert kept["id"] not in client.get("/console/test-inbox").get_data(as_text=True)


def test_another_account_sees_none_of_them(client: FlaskClient, svc: Services, creds: dict[str, Any]) -> None:
    _test_mail(client, creds)
    other = svc.stores.tenants.create_tenant("other", "Other Clinic")
    signed_in_as(client, svc, other.id, "owner@other.example", Role.OWNER)
    text = client.get("/console/test-inbox", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "galaxy.com" not in text
    assert "Nothing yet" in text
    assert client.post("/console/test-inbox").status_code == 405
    assert client.get("/console/test-inbox/tm_x").status_code == 404


def test_signed_out_goes_to_sign_in(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert client.get("/console/test-inbox").status_code == 303
