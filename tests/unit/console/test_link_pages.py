"""The console's Links page: the account's links through LaunchLinks, revoking by admins and owners only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from service.audit.models import AuditEvent
from service.console.users import Role
from service.dev import seed as devseed
from service.locales import format_datetime
from service.wiring import Services
from tests.support.api import generate
from tests.support.console import csrf_token, sign_in
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
VIEWER = "viewer@dev.example"


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _link(client: FlaskClient, svc: Services, creds: dict[str, Any]) -> tuple[int, str]:
    """A new emailed link of the dev tenant: (tenant id, link id)."""
    email = {"to": "babyyoda@galaxy.com"}
    response = generate(client, creds, "exorlive-go", key="adminApiKey", expireIn=600, email=email)
    assert response.status_code == 200, response.get_json()
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    return tenant.id, str(svc.links.list(tenant.id, 1)[0]["id"])


def test_an_owner_sees_the_links_and_revokes_one(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    tenant_id, link_id = _link(client, svc, creds)
    sign_in(client, svc, inbox[0], devseed.DEV_CONSOLE_OWNER)
    listing = client.get("/console/links?state=usable")
    html = listing.get_data(as_text=True)
    assert listing.status_code == 200
    assert link_id in html
    assert "b***@galaxy.com" in html
    assert "babyyoda" not in html
    assert link_id not in client.get("/console/links?state=revoked").get_data(as_text=True)
    page = client.get(f"/console/links/{link_id}")
    assert 'data-testid="revoke"' in page.get_data(as_text=True)
    token = csrf_token(page.get_data(as_text=True))
    done = client.post(f"/console/links/{link_id}/revoke", data={"csrf_token": token})
    assert done.status_code == 303
    assert svc.links.detail(tenant_id, link_id)["state"] == "revoked"
    assert link_id in client.get("/console/links?state=revoked").get_data(as_text=True)
    assert svc.auditor.flush()
    with svc.db.session() as session:
        rows = list(session.scalars(select(AuditEvent).where(AuditEvent.action == "console.link.revoked")))
        assert [(row.outcome, row.detail["link"], row.tenant_id) for row in rows] == [("ok", link_id, tenant_id)]
        assert rows[0].detail["consoleUser"].startswith("cu_")
        assert "dev.example" not in str(rows[0].detail)


def test_a_viewer_cannot_revoke(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    tenant_id, link_id = _link(client, svc, creds)
    svc.console.users.add(tenant_id, VIEWER, Role.VIEWER)
    sign_in(client, svc, inbox[0], VIEWER)
    page = client.get(f"/console/links/{link_id}")
    assert page.status_code == 200
    assert 'data-testid="revoke"' not in page.get_data(as_text=True)
    token = csrf_token(page.get_data(as_text=True))
    refused = client.post(f"/console/links/{link_id}/revoke", data={"csrf_token": token})
    assert refused.status_code == 403
    assert svc.links.detail(tenant_id, link_id)["state"] == "usable"


def test_a_revoke_without_the_csrf_token_changes_nothing(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    tenant_id, link_id = _link(client, svc, creds)
    sign_in(client, svc, inbox[0], devseed.DEV_CONSOLE_OWNER)
    assert client.post(f"/console/links/{link_id}/revoke").status_code == 400
    assert svc.links.detail(tenant_id, link_id)["state"] == "usable"


def test_another_accounts_link_is_not_found(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], devseed.DEV_CONSOLE_OWNER)
    assert client.get("/console/links/ln_nosuchlink").status_code == 404


def test_the_list_counts_in_words_and_times_are_in_the_profiles_time_zone(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    tenant_id, link_id = _link(client, svc, creds)
    sign_in(client, svc, inbox[0], devseed.DEV_CONSOLE_OWNER)
    nb = {"Accept-Language": "nb"}
    listing = client.get("/console/links", headers=nb).get_data(as_text=True)
    assert "Viser den nyeste lenken." in listing
    expires = dt.datetime.fromisoformat(svc.links.detail(tenant_id, link_id)["expiresAt"].replace("Z", "+00:00"))
    oslo = format_datetime(expires, "nb", "Europe/Oslo")
    assert oslo in listing
    assert "UTC" not in listing
    detail = client.get(f"/console/links/{link_id}", headers=nb).get_data(as_text=True)
    assert oslo in detail
    assert "UTC" not in detail
    _link(client, svc, creds)
    listing = client.get("/console/links", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Showing the newest 2 links." in listing
