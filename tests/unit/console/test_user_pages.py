"""The console's Users page: owners invite (a week-long sign-in link by mail), change roles and remove users,
through ConsoleUsers and SignIns; an account always keeps an owner."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from service.audit.models import AuditEvent
from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.clock import Clock
from tests.support.console import continue_with, csrf_token, sign_in, sign_in_path, wait_for_mails
from tests.support.privacy import WATCH
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
OWNER = devseed.DEV_CONSOLE_OWNER
NEWCOMER = "Newcomer@Clinic.example"


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _tenant_id(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _owner(client: FlaskClient, svc: Services, inbox: tuple[Collector, int]) -> None:
    sign_in(client, svc, inbox[0], OWNER)


def _invite(client: FlaskClient, **fields: Any) -> Any:
    token = csrf_token(client.get("/console/users").get_data(as_text=True))
    return client.post("/console/users", data={"csrf_token": token, **fields})


def _public_id(svc: Services, address: str) -> str:
    user = svc.console.users.in_tenant(_tenant_id(svc), address)
    assert user is not None
    return user.public_id


def _audit(svc: Services, action: str) -> list[AuditEvent]:
    assert svc.auditor.flush()
    with svc.db.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_an_owner_sees_the_users_with_their_addresses_roles_and_last_sign_in(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    svc.console.users.add(_tenant_id(svc), "viewer@dev.example", Role.VIEWER)
    _owner(client, svc, inbox)
    page = client.get("/console/users", headers={"Accept-Language": "en"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert 'href="/console/users" aria-current="page"' in html
    assert OWNER in html
    assert "viewer@dev.example" in html
    assert "Last signed in" in html  # the owner, just now
    assert "Not signed in yet" in html  # the viewer


def test_an_invitation_mails_a_week_long_sign_in_link_that_signs_in_with_the_role(
    app: Any, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], clock: Clock
) -> None:
    WATCH.watch(NEWCOMER, NEWCOMER.lower())  # no log line may name the invited person
    owner = app.test_client()
    _owner(owner, svc, inbox)
    before = len(inbox[0].envelopes)
    invited = _invite(owner, email=NEWCOMER, role="viewer", language="nn")
    assert invited.status_code == 303
    assert invited.headers["Location"] == "/console/users?done=invited"
    assert "newcomer" not in invited.headers["Location"].lower()
    assert "7 days" in owner.get(invited.headers["Location"]).get_data(as_text=True)
    wait_for_mails(svc, inbox[0], before + 1)
    mail = inbox[0].message()
    assert mail["To"] == "Newcomer@Clinic.example"
    assert mail["Content-Language"] == "nn"
    assert "Mos Espa Physio" in mail["Subject"]
    assert "7 dagar" in mail.get_content()
    rows = _audit(svc, "console.user.invited")
    public_id = _public_id(svc, NEWCOMER)
    assert [(row.outcome, row.detail["target"], row.detail["role"]) for row in rows] == [("ok", public_id, "viewer")]
    assert "clinic" not in str(rows[0].detail).lower()
    clock.advance(6 * 24 * 3600)  # still good after six days
    newcomer = app.test_client()
    assert continue_with(newcomer, sign_in_path(inbox[0])).status_code == 303
    home = newcomer.get("/console")
    assert home.status_code == 200
    assert newcomer.get("/console/users").status_code == 403
    newcomer_member = svc.console.users.member(_tenant_id(svc), public_id)
    assert newcomer_member.address == "Newcomer@Clinic.example"
    assert newcomer_member.last_sign_in_at is not None


def test_an_invitation_link_expires_after_a_week(
    app: Any, client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], clock: Clock
) -> None:
    _owner(client, svc, inbox)
    before = len(inbox[0].envelopes)
    assert _invite(client, email=NEWCOMER, role="admin", language="en").status_code == 303
    wait_for_mails(svc, inbox[0], before + 1)
    clock.advance(7 * 24 * 3600 + 1)
    assert app.test_client().get(sign_in_path(inbox[0])).status_code == 410


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not an address", "role": "admin", "language": "en"}, "Enter an email address"),
        ({"email": "", "role": "admin", "language": "en"}, "Enter the email address to invite."),
        ({"email": "a@" + "b" * 300 + ".example", "role": "admin", "language": "en"}, "Enter an email address"),
        ({"email": "x\x00@clinic.example", "role": "admin", "language": "en"}, "Enter an email address"),
        ({"email": "ok@clinic.example", "role": "root", "language": "en"}, "Choose owner, admin or viewer."),
        ({"email": "ok@clinic.example", "language": "en"}, "Choose owner, admin or viewer."),
        ({"email": "ok@clinic.example", "role": "admin", "language": "xx"}, "Choose a language from the list."),
    ],
)
def test_a_bad_invitation_says_what_to_fix_and_adds_no_one(
    client: FlaskClient,
    svc: Services,
    creds: dict[str, Any],
    inbox: tuple[Collector, int],
    fields: dict[str, Any],
    message: str,
) -> None:
    _owner(client, svc, inbox)
    refused = _invite(client, **fields)
    assert refused.status_code == 422
    assert message in refused.get_data(as_text=True)
    assert len(svc.console.users.members(_tenant_id(svc))) == 1


def test_inviting_an_existing_user_again_is_a_409_page(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    _owner(client, svc, inbox)
    before = len(inbox[0].envelopes)
    refused = _invite(client, email=OWNER.upper(), role="viewer", language="en")
    assert refused.status_code == 409
    assert "This person is already a user" in refused.get_data(as_text=True)
    wait_for_mails(svc, inbox[0], before)
    assert svc.console.users.in_tenant(_tenant_id(svc), OWNER).role is Role.OWNER  # type: ignore[union-attr]


def test_an_owner_changes_a_role_and_the_change_is_audited(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    svc.console.users.add(_tenant_id(svc), "viewer@dev.example", Role.VIEWER)
    public_id = _public_id(svc, "viewer@dev.example")
    _owner(client, svc, inbox)
    page = client.get(f"/console/users/{public_id}")
    assert page.status_code == 200
    token = csrf_token(page.get_data(as_text=True))
    done = client.post(f"/console/users/{public_id}/role", data={"csrf_token": token, "role": "admin"})
    assert done.status_code == 303
    assert done.headers["Location"] == f"/console/users/{public_id}"
    assert svc.console.users.in_tenant(_tenant_id(svc), "viewer@dev.example").role is Role.ADMIN  # type: ignore[union-attr]
    rows = _audit(svc, "console.user.role_changed")
    assert [(row.outcome, row.detail["target"], row.detail["role"]) for row in rows] == [("ok", public_id, "admin")]


def test_removing_a_user_ends_their_sessions(
    app: Any, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    svc.console.users.add(_tenant_id(svc), "admin@dev.example", Role.ADMIN)
    public_id = _public_id(svc, "admin@dev.example")
    admin, owner = app.test_client(), app.test_client()
    sign_in(admin, svc, inbox[0], "admin@dev.example")
    assert admin.get("/console").status_code == 200
    _owner(owner, svc, inbox)
    token = csrf_token(owner.get(f"/console/users/{public_id}").get_data(as_text=True))
    done = owner.post(f"/console/users/{public_id}/remove", data={"csrf_token": token})
    assert done.status_code == 303
    assert done.headers["Location"] == "/console/users?done=removed"
    assert svc.console.users.in_tenant(_tenant_id(svc), "admin@dev.example") is None
    assert admin.get("/console").status_code == 303  # signed out
    assert "admin@dev.example" not in owner.get("/console/users").get_data(as_text=True)
    assert [row.detail["target"] for row in _audit(svc, "console.user.removed")] == [public_id]


@pytest.mark.parametrize("action", ["role", "remove"])
def test_the_last_owner_cannot_demote_or_remove_themselves(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], action: str
) -> None:
    _owner(client, svc, inbox)
    public_id = _public_id(svc, OWNER)
    token = csrf_token(client.get(f"/console/users/{public_id}").get_data(as_text=True))
    refused = client.post(f"/console/users/{public_id}/{action}", data={"csrf_token": token, "role": "admin"})
    assert refused.status_code == 409
    assert "only owner" in refused.get_data(as_text=True)
    assert svc.console.users.in_tenant(_tenant_id(svc), OWNER).role is Role.OWNER  # type: ignore[union-attr]
    assert client.get("/console/users").status_code == 200  # still signed in


def test_an_owner_with_a_second_owner_may_step_down(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    svc.console.users.add(_tenant_id(svc), "second@dev.example", Role.OWNER)
    _owner(client, svc, inbox)
    public_id = _public_id(svc, OWNER)
    token = csrf_token(client.get(f"/console/users/{public_id}").get_data(as_text=True))
    done = client.post(f"/console/users/{public_id}/role", data={"csrf_token": token, "role": "viewer"})
    assert done.status_code == 303
    assert done.headers["Location"] == "/console"
    assert client.get("/console/users").status_code == 403


@pytest.mark.parametrize("role", [Role.ADMIN, Role.VIEWER])
def test_admins_and_viewers_get_the_403_page_and_change_nothing(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], role: Role
) -> None:
    address = f"{role.value}@dev.example"
    svc.console.users.add(_tenant_id(svc), address, role)
    sign_in(client, svc, inbox[0], address)
    home = client.get("/console").get_data(as_text=True)
    assert "/console/users" not in home
    owner_id = _public_id(svc, OWNER)
    assert client.get("/console/users").status_code == 403
    assert client.get(f"/console/users/{owner_id}").status_code == 403
    token = csrf_token(home)
    invited = client.post(
        "/console/users", data={"csrf_token": token, "email": "x@clinic.example", "role": "owner", "language": "en"}
    )
    assert invited.status_code == 403
    mine = _public_id(svc, address)
    assert client.post(f"/console/users/{mine}/role", data={"csrf_token": token, "role": "owner"}).status_code == 403
    assert client.post(f"/console/users/{owner_id}/remove", data={"csrf_token": token}).status_code == 403
    assert len(svc.console.users.members(_tenant_id(svc))) == 2
    assert svc.console.users.in_tenant(_tenant_id(svc), address).role is role  # type: ignore[union-attr]
    for action in ("console.user.invited", "console.user.role_changed", "console.user.removed"):
        assert [row.outcome for row in _audit(svc, action)] == ["forbidden"]


def test_posts_without_the_csrf_token_change_nothing(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    svc.console.users.add(_tenant_id(svc), "viewer@dev.example", Role.VIEWER)
    public_id = _public_id(svc, "viewer@dev.example")
    _owner(client, svc, inbox)
    form = {"email": "x@clinic.example", "role": "admin", "language": "en"}
    assert client.post("/console/users", data=form).status_code == 400
    assert client.post(f"/console/users/{public_id}/role", data={"role": "owner"}).status_code == 400
    assert client.post(f"/console/users/{public_id}/remove").status_code == 400
    assert len(svc.console.users.members(_tenant_id(svc))) == 2


@pytest.mark.parametrize("public_id", ["cu_nosuchuser", "%00", "cu_%00", "x" * 5000, "..", "%F0%9F%98%80"])
def test_odd_user_ids_are_not_found(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], public_id: str
) -> None:
    _owner(client, svc, inbox)
    token = csrf_token(client.get("/console/users").get_data(as_text=True))
    assert client.get(f"/console/users/{public_id}").status_code == 404
    assert (
        client.post(f"/console/users/{public_id}/role", data={"csrf_token": token, "role": "admin"}).status_code == 404
    )
    assert client.post(f"/console/users/{public_id}/remove", data={"csrf_token": token}).status_code == 404


def test_another_accounts_user_is_not_found(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    other = svc.stores.tenants.create_tenant("other")
    theirs = svc.console.users.add(other.id, "owner@other.example", Role.OWNER)
    _owner(client, svc, inbox)
    token = csrf_token(client.get("/console/users").get_data(as_text=True))
    assert "owner@other.example" not in client.get("/console/users").get_data(as_text=True)
    assert client.get(f"/console/users/{theirs.public_id}").status_code == 404
    assert client.post(f"/console/users/{theirs.public_id}/remove", data={"csrf_token": token}).status_code == 404
    assert svc.console.users.in_tenant(other.id, "owner@other.example") is not None


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/console/users"),
        ("DELETE", "/console/users/cu_x"),
        ("GET", "/console/users/cu_x/remove"),
        ("GET", "/console/users/cu_x/role"),
        ("PATCH", "/console/api-keys"),
        ("GET", "/console/api-keys/tbk_x/revoke"),
        ("POST", "/console/api-keys/tbk_x"),
    ],
)
def test_wrong_methods_are_405_never_500(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], method: str, path: str
) -> None:
    _owner(client, svc, inbox)
    assert client.open(path, method=method).status_code == 405
