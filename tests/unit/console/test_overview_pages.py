"""The console's Overview: mints and link uses per day from the audit trail, as a chart and a table, and the
account's links by state; every role sees it, of its own account only."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.api import generate
from tests.support.console import sign_in
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _today_total(html: str, kind: str) -> int:
    """The newest day's total in the `kind` table (the first row: newest first)."""
    table = html.split(f'data-testid="{kind}-table"', 1)[1]
    found = re.search(r'data-testid="total">(\d+)<', table)
    assert found, table[:2000]
    return int(found.group(1))


def test_the_overview_counts_todays_mints_and_the_links_by_state(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    for _ in range(3):
        assert generate(client, creds, "generic").status_code == 200
    email = {"to": "babyyoda@galaxy.com"}
    assert generate(client, creds, "exorlive-go", key="adminApiKey", expireIn=600, email=email).status_code == 200
    assert svc.auditor.flush()
    sign_in(client, svc, inbox[0], devseed.DEV_CONSOLE_OWNER)
    page = client.get("/console/overview", headers={"Accept-Language": "en"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert _today_total(html, "minted") == 4
    assert _today_total(html, "used") == 0
    assert "generic · succeeded" in html
    assert '<th scope="col">Day</th>' in html
    assert "<caption" in html
    assert re.search(r'data-state="usable"><span class="number">1</span>', html)
    assert "Europe/Oslo" in html  # the dev profiles' zone (the ExorLive kinds')
    assert "babyyoda" not in html
    chart = client.get("/console/overview/minted.svg", headers={"Accept-Language": "nb"})
    assert chart.status_code == 200
    assert chart.mimetype == "image/svg+xml"
    assert "script" not in chart.get_data(as_text=True)
    assert "Tokens preget per dag" in chart.get_data(as_text=True)
    assert "'unsafe-inline'" in chart.headers["Content-Security-Policy"]
    assert "script-src" not in chart.headers["Content-Security-Policy"]
    narrow = client.get("/console/overview/minted-narrow.svg").get_data(as_text=True)
    assert 'viewBox="0 0 400 400"' in narrow
    assert client.get("/console/overview/nope.svg").status_code == 404
    assert client.get("/console/overview/-narrow.svg").status_code == 404


def test_a_viewer_sees_the_overview_and_another_accounts_activity_never_shows(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    assert generate(client, creds, "generic").status_code == 200
    assert svc.auditor.flush()
    other = svc.stores.tenants.create_tenant("other")
    svc.console.users.add(other.id, "viewer@other.example", Role.VIEWER)
    sign_in(client, svc, inbox[0], "viewer@other.example")
    html = client.get("/console/overview").get_data(as_text=True)
    assert _today_total(html, "minted") == 0
    assert "UTC" in html  # an account without profiles counts days in UTC
    assert "generic" not in html


def test_signed_out_the_overview_and_its_charts_go_to_sign_in(client: FlaskClient) -> None:
    assert client.get("/console/overview").status_code == 303
    assert client.get("/console/overview/minted.svg").status_code == 303
