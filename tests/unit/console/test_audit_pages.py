"""The console's Audit page and CSV export: the account's rows only, filtered and paged, owners and admins only,
hostile query parameters answered with a 400 page, CSV cells that cannot start a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import secrets
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.console.audit_pages import PAGE_SIZE, csv_cell
from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.api import generate
from tests.support.console import sign_in
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
OWNER = devseed.DEV_CONSOLE_OWNER


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _tenant(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _rows(svc: Services, tenant: int, count: int, **fields: Any) -> None:
    now = dt.datetime.now(dt.UTC)
    svc.stores.audit.record_audits(
        [
            {
                "at": now - dt.timedelta(seconds=n),
                "action": "token.minted",
                "outcome": "ok",
                "request_id": "req",
                "tenant_id": tenant,
                "api_key_prefix": "tbk_x",
                "profile_id": None,
                "kid": None,
                "subject_hash": None,
                "detail": {},
                "event_id": secrets.token_hex(16),
                **fields,
            }
            for n in range(count)
        ]
    )


def _csv(client: FlaskClient, query: str = "") -> list[dict[str, str]]:
    response = client.get(f"/console/audit.csv{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.headers["Content-Disposition"].startswith('attachment; filename="audit-')
    assert response.headers["Cache-Control"] == "no-store"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_an_owner_sees_the_mint_and_the_sign_in_and_exports_them(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    assert generate(client, creds, "generic").status_code == 200
    sign_in(client, svc, inbox[0], OWNER)
    assert svc.auditor.flush()
    page = client.get("/console/audit", headers={"Accept-Language": "en"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'data-action="token.minted"' in html
    assert 'data-action="console.signed_in"' in html
    assert "owner@" not in html
    rows = _csv(client)
    # Newest first: the sign-in, the mail that asked for it, the mint.
    assert [row["action"] for row in rows] == ["console.signed_in", "console.sign_in_sent", "token.minted"]
    assert all(row["at"].endswith("Z") for row in rows)
    minted = _csv(client, "?action=token.minted")
    assert [row["action"] for row in minted] == ["token.minted"]
    assert minted[0]["profile"] == "generic"
    assert _csv(client, "?outcome=failed") == []
    assert svc.auditor.flush()
    exported = _csv(client, "?action=console.audit.exported")
    assert exported[-1]["consoleUser"].startswith("cu_")
    assert len(exported) == 3  # the three before this one (whose row is written after the query)


def test_rows_are_paged_newest_first_and_another_accounts_rows_never_show(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    tenant = _tenant(svc)
    _rows(svc, tenant, PAGE_SIZE + 5)
    other = svc.stores.tenants.create_tenant("other")
    _rows(svc, other.id, 3, api_key_prefix="tbk_other", action="link.used")
    sign_in(client, svc, inbox[0], OWNER)
    first = client.get("/console/audit?action=token.minted").get_data(as_text=True)
    assert first.count('data-testid="event"') == PAGE_SIZE
    older = first.split('data-testid="older"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert "action=token.minted" in older
    second = client.get(older).get_data(as_text=True)
    assert second.count('data-testid="event"') == 5
    assert 'data-testid="older"' not in second
    for action in ("console.link.sent", "console.api_key.created", "console.user.removed"):
        assert client.get(f"/console/audit?action={action}").status_code == 200
    everything = client.get("/console/audit?action=link.used").get_data(as_text=True)
    assert "tbk_other" not in everything
    assert all(row["apiKey"] != "tbk_other" for row in _csv(client))


def test_the_date_range_is_in_the_accounts_time_zone(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    tenant = _tenant(svc)
    # 23:30 UTC on 1 March 2026 is 00:30 on 2 March in Oslo, the dev profiles' zone.
    late = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)
    svc.stores.audit.record_audits(
        [
            {
                "at": late,
                "action": "link.used",
                "outcome": "ok",
                "request_id": "r",
                "tenant_id": tenant,
                "detail": {"link": "ln_dated"},
                "event_id": secrets.token_hex(16),
            }
        ]
    )
    sign_in(client, svc, inbox[0], OWNER)
    assert [row["link"] for row in _csv(client, "?from=2026-03-02&to=2026-03-02")] == ["ln_dated"]
    assert _csv(client, "?from=2026-03-01&to=2026-03-01") == []


def test_csv_cells_never_start_a_formula(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    assert [csv_cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "ok", "")] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
        "ok",
        "",
    ]
    _rows(svc, _tenant(svc), 1, outcome='=HYPERLINK("http://evil")', detail={"link": "@evil", "consoleUser": "-2"})
    sign_in(client, svc, inbox[0], OWNER)
    [row] = _csv(client, "?action=token.minted")
    assert row["outcome"].startswith("'=")
    assert row["link"] == "'@evil"
    assert row["consoleUser"] == "'-2"


def test_a_viewer_may_not_see_or_export_the_audit_trail(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    svc.console.users.add(_tenant(svc), "viewer@dev.example", Role.VIEWER)
    sign_in(client, svc, inbox[0], "viewer@dev.example")
    assert client.get("/console/audit").status_code == 403
    assert client.get("/console/audit.csv").status_code == 403
    assert 'href="/console/audit"' not in client.get("/console").get_data(as_text=True)


def test_an_admin_may(client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]) -> None:
    svc.console.users.add(_tenant(svc), "admin@dev.example", Role.ADMIN)
    sign_in(client, svc, inbox[0], "admin@dev.example")
    assert client.get("/console/audit").status_code == 200
    assert client.get("/console/audit.csv").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "?from=2026-02-30",
        "?from=yesterday",
        "?from=0001-01-01",
        "?to=9999-12-31",
        "?from=2026-03-02&to=2026-03-01",
        "?before=99999999999999999999999999",
        "?before=-1",
        "?before=abc",
        "?action=%00",
        "?outcome=ok%00",
        "?from=2026-01-01%00",
        "?action=drop table",
    ],
)
def test_hostile_query_parameters_get_a_400_page(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], query: str
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    page = client.get(f"/console/audit{query}")
    assert page.status_code == 400
    assert "text/html" in page.headers["Content-Type"]
    assert client.get(f"/console/audit.csv{query}").status_code == 400


def test_a_cursor_of_no_row_or_another_accounts_row_shows_nothing(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    other = svc.stores.tenants.create_tenant("other")
    _rows(svc, other.id, 1)
    sign_in(client, svc, inbox[0], OWNER)
    for before in (1, 2147483647):
        page = client.get(f"/console/audit?before={before}")
        assert page.status_code == 200
        assert 'data-testid="event"' not in page.get_data(as_text=True)


def test_wrong_methods_and_odd_chart_names_are_refused_not_failed(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    for path in ("/console/audit", "/console/audit.csv", "/console/overview", "/console/overview/minted.svg"):
        assert client.post(path).status_code == 405
    for name in ("%00", "minted%00", "x" * 5000, "..%2Fminted"):
        assert client.get(f"/console/overview/{name}.svg").status_code == 404
