"""The console's Token inspector: the API's checks on a pasted token, never kept, logged or audited in clear."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from service.audit.models import AuditEvent
from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.api import generate
from tests.support.clock import Clock
from tests.support.console import csrf_token
from tests.support.console_session import signed_in_as

EN = {"Accept-Language": "en"}


def _dev_tenant(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _token(client: FlaskClient, creds: dict[str, Any]) -> str:
    answer = generate(client, creds, "generic")
    assert answer.status_code == 200
    return str(answer.get_json()["token"])


def _inspect(client: FlaskClient, token: str, profile: str = "") -> Any:
    page = client.get("/console/inspector", headers=EN).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "token": token, "profile": profile}
    return client.post("/console/inspector", data=data, headers=EN)


def test_a_fresh_token_passes_every_rule_against_its_profile(
    client: FlaskClient, svc: Services, creds: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    token = _token(client, creds)
    signed_in_as(client, svc, _dev_tenant(svc), "viewer@dev.example", Role.VIEWER)
    answer = _inspect(client, token, "generic")
    text = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "no-store"
    assert "The token passes every rule" in text
    assert text.count('data-result="pass"') == 13
    assert "/console/inspector" in answer.request.url
    assert token not in answer.request.url
    assert svc.auditor.flush()
    with svc.db.session() as session:
        (row,) = session.scalars(select(AuditEvent).where(AuditEvent.action == "console.token.inspected"))
        assert (row.outcome, row.detail["profile"]) == ("valid", "generic")
        assert token not in str(row.detail)
    captured = capsys.readouterr()
    assert token.split(".")[2] not in captured.out + captured.err


def test_without_a_profile_iss_and_aud_are_not_checked_and_an_expired_token_fails(
    client: FlaskClient, svc: Services, creds: dict[str, Any], clock: Clock
) -> None:
    token = _token(client, creds)
    signed_in_as(client, svc, _dev_tenant(svc), devseed.DEV_CONSOLE_OWNER, Role.OWNER)
    text = _inspect(client, token).get_data(as_text=True)
    assert 'data-rule="iss" data-result="unchecked"' in text
    clock.advance(3600)
    text = _inspect(client, token, "generic").get_data(as_text=True)
    assert "The token does not pass" in text
    assert 'data-rule="exp" data-result="fail"' in text


@pytest.mark.parametrize(
    "token",
    ["not a token", "a.b.c", "eyJ\x00.eyJ.x", "\u202e" * 50, "eyJhbGciOiJub25lIn0.e30.", " " * 3 + "x"],
)
def test_hostile_tokens_are_reports_not_errors(
    client: FlaskClient, svc: Services, creds: dict[str, Any], token: str
) -> None:
    signed_in_as(client, svc, _dev_tenant(svc), devseed.DEV_CONSOLE_OWNER, Role.OWNER)
    answer = _inspect(client, token, "generic")
    assert answer.status_code == 200
    assert 'data-result="fail"' in answer.get_data(as_text=True)


def test_bad_forms_are_4xx_pages(client: FlaskClient, svc: Services, creds: dict[str, Any]) -> None:
    signed_in_as(client, svc, _dev_tenant(svc), devseed.DEV_CONSOLE_OWNER, Role.OWNER)
    assert _inspect(client, "").status_code == 422
    long = _inspect(client, "eyJ" + "a" * 20_000)
    assert long.status_code == 422
    assert "longer than any token" in long.get_data(as_text=True)
    huge = _inspect(client, "eyJ" + "a" * 200_000)
    assert huge.status_code == 413
    assert "text/html" in huge.headers["Content-Type"]
    assert "That is too much text" in huge.get_data(as_text=True)  # its own sentence, not the general one
    other = svc.stores.tenants.create_tenant("other", "Other Clinic")
    assert _inspect(client, "a.b.c", "not-a-profile").status_code == 422
    assert client.post("/console/inspector", data={"token": "a.b.c"}).status_code == 400
    assert other.id != _dev_tenant(svc)


def test_another_accounts_profiles_are_not_offered(client: FlaskClient, svc: Services, creds: dict[str, Any]) -> None:
    other = svc.stores.tenants.create_tenant("other", "Other Clinic")
    signed_in_as(client, svc, other.id, "owner@other.example", Role.OWNER)
    page = client.get("/console/inspector").get_data(as_text=True)
    assert 'value="generic"' not in page
    assert _inspect(client, "a.b.c", "generic").status_code == 422


def test_signed_out_goes_to_sign_in(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert client.get("/console/inspector").status_code == 303
    assert client.post("/console/inspector", data={"token": "a.b.c"}).status_code == 303
