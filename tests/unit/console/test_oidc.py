"""Console sign-in through a tenant's identity provider: a real OpenID Connect provider (Authlib's) on loopback."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
import secrets
import threading
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from service.audit.models import AuditEvent
from service.console.idp import Provider
from service.console.oidc import OidcSignIns
from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.api import BROKER_URL
from tests.support.console import ask_for_link, csrf_token
from tests.support.oidc_provider import CLIENT_ID, CLIENT_SECRET, OidcProvider, serve_oidc_provider
from tests.support.privacy import WATCH

CALLBACK = f"{BROKER_URL}/console/sign-in/oidc/callback"
SECRET_ENV = "TEST_CONSOLE_IDP_SECRET"


# What must never reach a log line: the addresses the tests sign in with, and the provider's client secret.
WATCH.watch(CLIENT_SECRET, "ann@clinic.example", "boss@physio.example", "bob@clinic.example", "ann@elsewhere.example")


@pytest.fixture
def provider(svc: Services, creds: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Iterator[OidcProvider]:
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    with serve_oidc_provider(CALLBACK) as running:
        tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
        svc.console.identity_providers.set(
            tenant.id,
            issuer=running.issuer,
            client_id=CLIENT_ID,
            secret_env=SECRET_ENV,
            secret_id=None,
            domains="clinic.example, Physio.Example",
            default_role=Role.ADMIN,
        )
        yield running


def _to_provider(client: FlaskClient, address: str) -> str:
    """Ask on the sign-in page: the provider's authorization URL its answer goes on to (refresh and link)."""
    answer = ask_for_link(client, address)
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200, html
    link = re.search(r'href="([^"]+)" data-testid="to-provider"', html)
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    assert link, html
    assert refresh, html
    assert link.group(1) == refresh.group(1)
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    return htmllib.unescape(link.group(1))


def _log_in(location: str, email: str, *, verified: bool = True, action: str = "allow") -> str:
    """Press the provider's login button: the callback's path and query it sends the browser to."""
    form = {"email": email, "action": action, **({"verified": "yes"} if verified else {})}
    answer = requests.post(location, data=form, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    back = answer.headers["Location"]
    assert back.startswith(CALLBACK + "?"), back
    return back.removeprefix(BROKER_URL)


def _sign_in(client: FlaskClient, email: str, **kwargs: Any) -> TestResponse:
    return client.get(_log_in(_to_provider(client, email), email, **kwargs))


def _cookie(client: FlaskClient, name: str) -> str | None:
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def _audit_rows(svc: Services) -> list[tuple[str, str, dict[str, Any]]]:
    assert svc.auditor.flush()
    with svc.db.session() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action.like("console.%")).order_by(AuditEvent.id))
        return [(row.action, row.outcome, dict(row.detail)) for row in rows]


def test_an_address_of_a_provider_domain_goes_to_the_provider_with_pkce_state_nonce(
    client: FlaskClient, provider: OidcProvider
) -> None:
    location = _to_provider(client, "Ann@Clinic.Example")
    assert location.startswith(provider.issuer + "/authorize?")
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == CALLBACK
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert query["state"]
    assert query["nonce"]
    assert set(query["scope"].split()) == {"openid", "email"}
    assert query["login_hint"] == "Ann@Clinic.Example"
    # Nothing of it (no verifier, no address) in the console's own cookie in clear.
    assert "Ann" not in (_cookie(client, "console-csrf") or "")


def test_first_sign_in_makes_the_user_with_the_default_role_and_rotates_the_session(
    client: FlaskClient, svc: Services, provider: OidcProvider
) -> None:
    client.set_cookie("console", "brought-by-the-browser")
    back = _log_in(_to_provider(client, "ann@clinic.example"), "ann@clinic.example")
    seed_before = _cookie(client, "console-csrf")
    assert seed_before
    done = client.get(back)
    assert done.status_code == 303, done.get_data(as_text=True)
    assert done.headers["Location"] == "/console"
    assert done.headers["Referrer-Policy"] == "no-referrer"
    session_id = _cookie(client, "console")
    assert session_id
    assert session_id != "brought-by-the-browser"
    assert _cookie(client, "console-csrf") != seed_before
    signed_in = svc.console.sessions.resolve(session_id)
    assert signed_in is not None
    assert signed_in.user.role is Role.ADMIN
    assert svc.console.users.address_of(signed_in.user.id) == "ann@clinic.example"
    home = client.get("/console")
    assert home.status_code == 200
    assert "ann@clinic.example" not in home.get_data(as_text=True)


def test_an_existing_user_keeps_their_role(client: FlaskClient, svc: Services, provider: OidcProvider) -> None:
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    existing = svc.console.users.add(tenant.id, "boss@physio.example", Role.OWNER)
    assert _sign_in(client, "BOSS@physio.example").status_code == 303
    signed_in = svc.console.sessions.resolve(_cookie(client, "console"))
    assert signed_in is not None
    assert signed_in.user.id == existing.id
    assert signed_in.user.role is Role.OWNER


def test_an_address_outside_the_allowed_domains_is_refused(
    client: FlaskClient, svc: Services, provider: OidcProvider
) -> None:
    location = _to_provider(client, "ann@clinic.example")
    refused = client.get(_log_in(location, "ann@elsewhere.example"))
    assert refused.status_code == 403
    assert "This address may not sign in here" in refused.get_data(as_text=True)
    assert _cookie(client, "console") is None
    assert svc.console.users.find("ann@elsewhere.example") == []


def test_an_unverified_address_is_refused(client: FlaskClient, svc: Services, provider: OidcProvider) -> None:
    refused = _sign_in(client, "ann@clinic.example", verified=False)
    assert refused.status_code == 403
    assert "not verified" in refused.get_data(as_text=True)
    assert _cookie(client, "console") is None
    assert svc.console.users.find("ann@clinic.example") == []


def test_a_replayed_or_unknown_state_is_a_400_page(client: FlaskClient, provider: OidcProvider) -> None:
    back = _log_in(_to_provider(client, "ann@clinic.example"), "ann@clinic.example")
    assert client.get(back).status_code == 303
    client.delete_cookie("console")
    replayed = client.get(back)
    assert replayed.status_code == 400
    assert "expired or was already used" in replayed.get_data(as_text=True)
    assert _cookie(client, "console") is None
    # Another browser (no pending sign-in) with the same answer, and odd ones.
    fresh = client.application.test_client()
    assert fresh.get(back).status_code == 400
    assert fresh.get("/console/sign-in/oidc/callback").status_code == 400
    assert fresh.get("/console/sign-in/oidc/callback?state=%00&code=" + "x" * 5000).status_code == 400


def test_a_wrong_nonce_in_the_id_token_is_refused(client: FlaskClient, provider: OidcProvider) -> None:
    provider.wrong_nonce = True
    refused = _sign_in(client, "ann@clinic.example")
    assert refused.status_code == 403
    assert "could not be trusted" in refused.get_data(as_text=True)
    assert _cookie(client, "console") is None


def test_an_id_token_signed_with_another_key_is_refused(client: FlaskClient, provider: OidcProvider) -> None:
    provider.foreign_key = True
    refused = _sign_in(client, "ann@clinic.example")
    assert refused.status_code == 403
    assert _cookie(client, "console") is None


def test_an_unsigned_id_token_is_refused_even_if_discovery_offers_none(
    client: FlaskClient, provider: OidcProvider
) -> None:
    provider.unsigned = True
    refused = _sign_in(client, "ann@clinic.example")
    assert refused.status_code == 403
    assert "could not be trusted" in refused.get_data(as_text=True)
    assert _cookie(client, "console") is None


def test_the_provider_saying_no_is_a_page(client: FlaskClient, provider: OidcProvider) -> None:
    refused = _sign_in(client, "ann@clinic.example", action="deny")
    assert refused.status_code == 403
    assert "did not sign you in" in refused.get_data(as_text=True)
    assert _cookie(client, "console") is None


def test_a_missing_or_bad_code_is_a_400_page(client: FlaskClient, provider: OidcProvider) -> None:
    back = _log_in(_to_provider(client, "ann@clinic.example"), "ann@clinic.example")
    parts = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(back).query))
    bad = client.get("/console/sign-in/oidc/callback?" + urllib.parse.urlencode({**parts, "code": "not-the-code"}))
    assert bad.status_code == 400
    assert "could not be completed" in bad.get_data(as_text=True)
    back = _log_in(_to_provider(client, "ann@clinic.example"), "ann@clinic.example")
    parts = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(back).query))
    missing = client.get("/console/sign-in/oidc/callback?state=" + parts["state"])
    assert missing.status_code == 400
    assert _cookie(client, "console") is None


def test_an_unreachable_provider_is_a_503_page(
    client: FlaskClient, svc: Services, creds: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    with serve_oidc_provider(CALLBACK) as gone:
        issuer = gone.issuer
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    svc.console.identity_providers.set(
        tenant.id,
        issuer=issuer,
        client_id=CLIENT_ID,
        secret_env=SECRET_ENV,
        secret_id=None,
        domains="clinic.example",
        default_role=Role.ADMIN,
    )
    answer = ask_for_link(client, "ann@clinic.example")
    assert answer.status_code == 503
    assert "does not answer" in answer.get_data(as_text=True)


def test_a_missing_client_secret_is_a_503_page(
    client: FlaskClient, provider: OidcProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SECRET_ENV)
    answer = ask_for_link(client, "ann@clinic.example")
    assert answer.status_code == 503
    assert "not set up correctly" in answer.get_data(as_text=True)


def test_other_addresses_still_get_the_emailed_link_answer(client: FlaskClient, provider: OidcProvider) -> None:
    answer = ask_for_link(client, "someone@dev.example")
    assert answer.status_code == 200
    assert "Check your email" in answer.get_data(as_text=True)


def test_the_callback_takes_only_get(client: FlaskClient, provider: OidcProvider) -> None:
    page = client.get("/console/sign-in")
    token = csrf_token(page.get_data(as_text=True))
    assert client.post("/console/sign-in/oidc/callback", data={"csrf_token": token}).status_code == 405


def test_sign_ins_and_refusals_are_audited_without_the_address(
    client: FlaskClient, svc: Services, provider: OidcProvider
) -> None:
    _sign_in(client, "ann@clinic.example", verified=False)
    _sign_in(client, "bob@clinic.example")
    rows = [row for row in _audit_rows(svc) if row[0] != "console.sign_in_sent"]
    assert [(action, outcome, detail.get("method"), detail.get("reason")) for action, outcome, detail in rows] == [
        ("console.signed_in", "refused", "oidc", "email_not_verified"),
        ("console.user_added", "ok", "oidc", None),
        ("console.signed_in", "ok", "oidc", None),
    ]
    assert rows[2][2]["consoleUser"].startswith("cu_")
    assert "clinic.example" not in json.dumps(rows)


def test_the_cookie_stays_small_however_often_the_form_is_sent(client: FlaskClient, provider: OidcProvider) -> None:
    locations = [_to_provider(client, "ann@clinic.example") for _ in range(12)]
    cookie = _cookie(client, "console-csrf") or ""
    assert len(cookie) < 2000
    # The newest still works; the oldest is forgotten (400), nothing else.
    assert client.get(_log_in(locations[0], "ann@clinic.example")).status_code == 400
    assert client.get(_log_in(locations[-1], "ann@clinic.example")).status_code == 303


def test_a_client_secret_in_secrets_manager(
    client: FlaskClient, svc: Services, creds: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    name = f"console/idp/{secrets.token_hex(4)}"
    svc.secrets_client.create_secret(Name=name, SecretString=CLIENT_SECRET)
    with serve_oidc_provider(CALLBACK) as running:
        tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
        svc.console.identity_providers.set(
            tenant.id, issuer=running.issuer, client_id=CLIENT_ID, secret_env=None, secret_id=name,
            domains="clinic.example", default_role=Role.VIEWER,
        )  # fmt: skip
        assert _sign_in(client, "ann@clinic.example").status_code == 303
        signed_in = svc.console.sessions.resolve(_cookie(client, "console"))
        assert signed_in is not None
        assert signed_in.user.role is Role.VIEWER
        client.delete_cookie("console")
        svc.console.identity_providers.set(
            tenant.id, issuer=running.issuer, client_id=CLIENT_ID, secret_env=None, secret_id=name + "-missing",
            domains="clinic.example", default_role=Role.VIEWER,
        )  # fmt: skip
        answer = ask_for_link(client, "ann@clinic.example")
        assert answer.status_code == 503


@pytest.mark.parametrize(
    "email", ["ann@clinic.example.", "ann@sub.clinic.example", "ann@clinic.example.evil.example", "clinic.example", ""]
)
def test_only_the_allowed_domains_exactly(
    client: FlaskClient, svc: Services, provider: OidcProvider, email: str
) -> None:
    refused = client.get(_log_in(_to_provider(client, "ann@clinic.example"), email))
    assert refused.status_code == 403
    assert _cookie(client, "console") is None


def test_a_provider_gone_after_the_redirect_is_a_503_page(
    client: FlaskClient, svc: Services, creds: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    with serve_oidc_provider(CALLBACK) as running:
        tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
        svc.console.identity_providers.set(
            tenant.id, issuer=running.issuer, client_id=CLIENT_ID, secret_env=SECRET_ENV, secret_id=None,
            domains="clinic.example", default_role=Role.ADMIN,
        )  # fmt: skip
        back = _log_in(_to_provider(client, "ann@clinic.example"), "ann@clinic.example")
    answer = client.get(back)  # the token endpoint no longer answers
    assert answer.status_code == 503
    assert "does not answer" in answer.get_data(as_text=True)
    assert _cookie(client, "console") is None


@pytest.mark.parametrize(
    ("member", "value"),
    [
        ("jwks_uri", "http://169.254.169.254/latest/meta-data/"),
        ("token_endpoint", "http://10.0.0.7/token"),
        ("authorization_endpoint", "javascript:alert(1)"),
        ("jwks_uri", None),
        ("token_endpoint", ["https://idp.example/token"]),
    ],
)
def test_discovery_addresses_the_broker_would_not_call_are_refused(
    client: FlaskClient, provider: OidcProvider, member: str, value: Any
) -> None:
    # A provider's discovery document must not turn the broker into a client of its own network (SSRF).
    provider.discovery_changes = {member: value}
    answer = ask_for_link(client, "ann@clinic.example")
    assert answer.status_code == 503
    assert provider.token_requests == 0


@pytest.mark.parametrize("body", [["not", "an", "object"], "a string", 17])
def test_a_discovery_document_that_is_not_an_object_is_a_503_page(
    client: FlaskClient, provider: OidcProvider, body: Any
) -> None:
    provider.discovery_body = body
    answer = ask_for_link(client, "ann@clinic.example")
    assert answer.status_code == 503
    provider.discovery_body = None
    assert _sign_in(client, "ann@clinic.example").status_code == 303  # and it is asked again once it is fixed


def test_an_id_token_for_another_client_is_refused(client: FlaskClient, provider: OidcProvider) -> None:
    provider.wrong_audience = True
    answer = _sign_in(client, "ann@clinic.example")
    assert answer.status_code == 403
    assert _cookie(client, "console") is None


def test_a_slow_client_secret_holds_up_only_its_own_tenant() -> None:
    """The client cache's lock is not held while a secret is read: one tenant's slow Secrets Manager read
    leaves another tenant's sign-in alone; two first sign-ins of one tenant end with one client."""
    released = threading.Event()
    reading = threading.Event()

    class Providers:
        def client_secret(self, provider: Provider) -> str:
            if provider.tenant_id == 1:
                reading.set()
                assert released.wait(10)
            return f"secret-{provider.tenant_id}"

    def provider_of(tenant_id: int) -> Provider:
        return Provider(tenant_id, f"https://idp{tenant_id}.test", "client", "VAR", None, Role.ADMIN,
                        ("clinic.example",), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))  # fmt: skip

    sign_ins = OidcSignIns(Providers(), None, None, lambda _url: None)  # type: ignore[arg-type]
    with ThreadPoolExecutor(2) as pool:
        slow = pool.submit(sign_ins._client, provider_of(1))
        assert reading.wait(10)
        other = pool.submit(sign_ins._client, provider_of(2))
        assert other.result(timeout=5).client_secret == "secret-2"
        assert not slow.done()
        released.set()
        assert slow.result(timeout=10) is sign_ins._client(provider_of(1))
