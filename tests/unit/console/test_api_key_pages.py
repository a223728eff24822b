"""The console's API keys page: owners list, create (the key shown once) and revoke keys through service/apikeys."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from service.apikeys.authentication import authenticate
from service.apikeys.issuing import create_api_key
from service.audit.models import AuditEvent
from service.console.users import Role
from service.dev import seed as devseed
from service.errors import Unauthorized
from service.wiring import Services
from tests.support.console import csrf_token, sign_in
from tests.support.privacy import WATCH
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
OWNER = devseed.DEV_CONSOLE_OWNER
_KEY = re.compile(r'id="new-api-key"[^>]*>(tbk_[A-Za-z0-9_]+)</textarea>')


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _tenant_id(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _signed_in(client: FlaskClient, svc: Services, inbox: tuple[Collector, int], role: Role = Role.OWNER) -> None:
    address = OWNER
    if role is not Role.OWNER:
        address = f"{role.value}@dev.example"
        svc.console.users.add(_tenant_id(svc), address, role)
    sign_in(client, svc, inbox[0], address)


def _create(client: FlaskClient, **fields: Any) -> Any:
    token = csrf_token(client.get("/console/api-keys").get_data(as_text=True))
    return client.post("/console/api-keys", data={"csrf_token": token, **fields})


def _new_key(html: str) -> str:
    found = _KEY.search(html)
    assert found, html
    return found.group(1)


def _audit(svc: Services, action: str) -> list[AuditEvent]:
    assert svc.auditor.flush()
    with svc.db.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_an_owner_sees_the_keys_and_the_menu_entry(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    _signed_in(client, svc, inbox)
    page = client.get("/console/api-keys")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert 'href="/console/api-keys" aria-current="page"' in html
    for key in (creds["apiKey"], creds["adminApiKey"], creds["testApiKey"]):
        assert key[: len(key) - 30] in html  # its prefix ...
        assert key not in html  # ... never the key
    assert "Never used" in html
    assert "links:admin" in html


def test_a_key_made_on_the_page_is_shown_once_works_and_is_audited_without_it(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], caplog: Any
) -> None:
    _signed_in(client, svc, inbox)
    caplog.set_level(logging.DEBUG)
    lines_before = len(WATCH.lines)
    made = _create(
        client, label="Bubble app", scopes=["links:long", "links:email"], mode="live", rate_limit="60/minutes"
    )
    html = made.get_data(as_text=True)
    assert made.status_code == 200, html
    assert made.headers["Cache-Control"] == "no-store"
    api_key = _new_key(html)
    WATCH.watch(api_key)
    assert "it will not be shown again" in html
    caller = authenticate(svc.stores.api_keys, f"Bearer {api_key}")
    assert caller.scopes == {"links:long", "links:email"}
    assert caller.rate_limit == "60/minute"
    assert caller.tenant_id == _tenant_id(svc)
    # Nowhere else: not in the list, not in a log line, not in an audit row.
    listing = client.get("/console/api-keys").get_data(as_text=True)
    assert api_key not in listing
    assert caller.prefix in listing
    assert "Bubble app" in listing
    assert all(api_key not in line for line in WATCH.lines[lines_before:])
    assert api_key not in caplog.text
    rows = _audit(svc, "console.api_key.created")
    assert [(row.outcome, row.detail["apiKey"], row.detail["mode"]) for row in rows] == [("ok", caller.prefix, "live")]
    assert rows[0].detail["consoleUser"].startswith("cu_")
    assert api_key not in str(rows[0].detail)


def test_a_test_key_is_made_in_test_mode(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    _signed_in(client, svc, inbox)
    made = _create(client, scopes=["links:long"], mode="test")
    assert made.status_code == 200
    assert _new_key(made.get_data(as_text=True)).startswith("tbk_test_")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"scopes": ["links:admin"], "mode": "test"}, "A test key may not hold links:admin"),
        ({"scopes": ["root"], "mode": "live"}, "Choose scopes from the list."),
        ({"mode": "sandbox"}, "Choose live or test."),
        ({"mode": "live", "rate_limit": "lots"}, "Enter a rate limit such as 600/minute"),
        ({"mode": "live", "rate_limit": "0/minute"}, "Enter a rate limit such as 600/minute"),
        ({"mode": "live", "rate_limit": "9" * 5000}, "Use at most 40 characters."),
        ({"mode": "live", "label": "x" * 101}, "Use at most 100 characters."),
        ({"mode": "live", "label": "a\x00b", "rate_limit": "\x00"}, "Enter a rate limit such as 600/minute"),
        ({"mode": "live", "rate_limit": "1000000/second"}, "default rate limit. Ask the"),
        ({"mode": "live", "rate_limit": "601/minute"}, "default rate limit. Ask the"),
        # PostgreSQL refuses NUL in text: refused here, never a failed insert (a 500).
        ({"mode": "live", "label": "a\x00b"}, "no line breaks or control characters"),
        ({"mode": "live", "label": "Bubble\r\nX-Injected: 1"}, "no line breaks or control characters"),
    ],
)
def test_a_bad_key_form_says_what_to_fix_and_makes_nothing(
    client: FlaskClient,
    svc: Services,
    creds: dict[str, Any],
    inbox: tuple[Collector, int],
    fields: dict[str, Any],
    message: str,
) -> None:
    _signed_in(client, svc, inbox)
    before = len(svc.stores.api_keys.list_api_keys(_tenant_id(svc)))
    refused = _create(client, **fields)
    assert refused.status_code == 422
    assert message in refused.get_data(as_text=True)
    assert len(svc.stores.api_keys.list_api_keys(_tenant_id(svc))) == before


def test_an_owner_revokes_a_key_after_its_page_and_it_is_refused(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    _signed_in(client, svc, inbox)
    prefix = authenticate(svc.stores.api_keys, f"Bearer {creds['apiKey']}").prefix
    page = client.get(f"/console/api-keys/{prefix}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'data-testid="revoke-key"' in html
    done = client.post(f"/console/api-keys/{prefix}/revoke", data={"csrf_token": csrf_token(html)})
    assert done.status_code == 303
    assert done.headers["Location"] == f"/console/api-keys/{prefix}"
    with pytest.raises(Unauthorized):
        authenticate(svc.stores.api_keys, f"Bearer {creds['apiKey']}")
    after = client.get(f"/console/api-keys/{prefix}").get_data(as_text=True)
    assert "Revoked" in after
    assert 'data-testid="revoke-key"' not in after
    rows = _audit(svc, "console.api_key.revoked")
    assert [(row.outcome, row.detail["apiKey"]) for row in rows] == [("ok", prefix)]


def test_last_use_is_shown_once_a_key_has_been_used(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    listed = client.get("/api/v1/api-keys", headers={"Authorization": f"Bearer {creds['adminApiKey']}"})
    assert listed.status_code == 200
    _signed_in(client, svc, inbox)
    prefix = authenticate(svc.stores.api_keys, f"Bearer {creds['adminApiKey']}").prefix
    html = client.get(f"/console/api-keys/{prefix}").get_data(as_text=True)
    assert "Never used" not in html
    assert "Last used" in html


@pytest.mark.parametrize("role", [Role.ADMIN, Role.VIEWER])
def test_admins_and_viewers_get_the_403_page_and_no_menu_entry(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], role: Role
) -> None:
    _signed_in(client, svc, inbox, role)
    home = client.get("/console").get_data(as_text=True)
    assert "/console/api-keys" not in home
    prefix = authenticate(svc.stores.api_keys, f"Bearer {creds['apiKey']}").prefix
    for path in ("/console/api-keys", f"/console/api-keys/{prefix}"):
        assert client.get(path).status_code == 403
    token = csrf_token(home)
    before = len(svc.stores.api_keys.list_api_keys(_tenant_id(svc)))
    made = client.post("/console/api-keys", data={"csrf_token": token, "mode": "live"})
    assert made.status_code == 403
    assert "tbk_" not in made.get_data(as_text=True)
    assert len(svc.stores.api_keys.list_api_keys(_tenant_id(svc))) == before
    assert client.post(f"/console/api-keys/{prefix}/revoke", data={"csrf_token": token}).status_code == 403
    authenticate(svc.stores.api_keys, f"Bearer {creds['apiKey']}")  # still works
    assert [row.outcome for row in _audit(svc, "console.api_key.revoked")] == ["forbidden"]
    assert [row.outcome for row in _audit(svc, "console.api_key.created")] == ["forbidden"]


def test_posts_without_the_csrf_token_change_nothing(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    _signed_in(client, svc, inbox)
    before = len(svc.stores.api_keys.list_api_keys(_tenant_id(svc)))
    assert client.post("/console/api-keys", data={"mode": "live"}).status_code == 400
    prefix = authenticate(svc.stores.api_keys, f"Bearer {creds['apiKey']}").prefix
    assert client.post(f"/console/api-keys/{prefix}/revoke").status_code == 400
    assert len(svc.stores.api_keys.list_api_keys(_tenant_id(svc))) == before
    authenticate(svc.stores.api_keys, f"Bearer {creds['apiKey']}")


@pytest.mark.parametrize(
    "prefix", ["tbk_nosuchkey", "tbk_%00x", "%00", "x" * 5000, "tbk_test_../../etc", "%F0%9F%98%80", "tbk_" + "A" * 40]
)
def test_odd_prefixes_are_not_found(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], prefix: str
) -> None:
    _signed_in(client, svc, inbox)
    token = csrf_token(client.get("/console/api-keys").get_data(as_text=True))
    assert client.get(f"/console/api-keys/{prefix}").status_code == 404
    assert client.post(f"/console/api-keys/{prefix}/revoke", data={"csrf_token": token}).status_code == 404


def test_another_accounts_key_is_not_found_and_stays_live(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    svc.stores.tenants.create_tenant("other")
    other = create_api_key(svc, "other", [], "theirs")
    _signed_in(client, svc, inbox)
    prefix = authenticate(svc.stores.api_keys, f"Bearer {other}").prefix
    token = csrf_token(client.get("/console/api-keys").get_data(as_text=True))
    assert prefix not in client.get("/console/api-keys").get_data(as_text=True)
    assert client.get(f"/console/api-keys/{prefix}").status_code == 404
    assert client.post(f"/console/api-keys/{prefix}/revoke", data={"csrf_token": token}).status_code == 404
    authenticate(svc.stores.api_keys, f"Bearer {other}")
