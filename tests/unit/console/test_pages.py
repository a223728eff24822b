"""The console's sign-in by emailed link, its session, and its pages' headers."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask, request
from flask.testing import FlaskClient

from service.dev import seed as devseed
from service.wiring import Services
from tests.support.api import bearer
from tests.support.clock import Clock
from tests.support.console import ask_for_link, continue_with, csrf_token, sign_in, sign_in_path, wait_for_mails
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
OWNER = devseed.DEV_CONSOLE_OWNER


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _without_nonce(html: str) -> str:
    return re.sub(r'nonce="[^"]+"', "", html)


def _cookie(client: FlaskClient, name: str) -> str | None:
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def test_the_console_sends_a_signed_out_browser_to_sign_in(client: FlaskClient, creds: dict[str, Any]) -> None:
    for path in ("/console", "/console/links", "/console/links/ln_x"):
        response = client.get(path)
        assert response.status_code == 303
        assert response.headers["Location"] == "/console/sign-in"
        assert response.headers["Cache-Control"] == "no-store"


def test_the_sign_in_page_has_a_nonce_csp_and_no_store(client: FlaskClient, creds: dict[str, Any]) -> None:
    page = client.get("/console/sign-in", headers={"Accept-Language": "nb"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["Content-Language"] == "nb"
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "form-action 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in html
    assert "<script" not in html
    assert 'lang="nb"' in html
    cookie = client.get_cookie("console-csrf")
    assert cookie is not None
    assert cookie.http_only
    assert cookie.same_site == "Lax"


def test_only_the_console_opens_flasks_session(
    app: Flask, client: FlaskClient, creds: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The partner API and the health check never open the console's signed cookie (no signer built, the cookie
    sent along neither read nor sent back); the console's pages do."""
    interface = app.session_interface
    signers: list[str] = []
    build_signer = interface.get_signing_serializer  # type: ignore[attr-defined]

    def counted(flask_app: Flask) -> Any:
        signers.append(request.path)
        return build_signer(flask_app)

    monkeypatch.setattr(interface, "get_signing_serializer", counted)
    assert client.get("/console/sign-in").status_code == 200
    seed = _cookie(client, "console-csrf")
    assert seed
    assert signers
    signers.clear()
    health = client.get("/healthz")
    minted = client.post("/api/v1/generateJWT", json={"profileKey": creds["profiles"]["generic"],
                         "payload": devseed.SAMPLE_PAYLOADS["generic"]}, headers=bearer(creds["apiKey"]))  # fmt: skip
    for response in (health, minted):
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers
    assert signers == []
    assert _cookie(client, "console-csrf") == seed
    assert client.get("/console/sign-in").status_code == 200
    assert signers


def test_sign_in_by_emailed_link_rotates_the_cookie_and_lands_at_home(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    collector = inbox[0]
    assert ask_for_link(client, OWNER.upper()).status_code == 200
    before = _cookie(client, "console-csrf")
    wait_for_mails(svc, collector, 1)
    message = collector.message()
    assert message["To"] == OWNER
    assert "noreply" not in message["Subject"]
    path = sign_in_path(collector)
    # The page of the link signs no one in: a scanner's GET changes nothing.
    assert client.get(path).status_code == 200
    assert client.get(path).status_code == 200
    assert _cookie(client, "console") is None
    done = continue_with(client, path)
    assert done.status_code == 303
    assert done.headers["Location"] == "/console"
    session_cookie = client.get_cookie("console")
    assert session_cookie is not None
    assert session_cookie.http_only
    assert session_cookie.same_site == "Lax"
    assert not session_cookie.secure  # plain http in tests; __Host- and Secure on https (test_cookie_on_https)
    assert _cookie(client, "console-csrf") != before
    home = client.get("/console")
    assert home.status_code == 200
    assert "Mos Espa Physio" in home.get_data(as_text=True)
    assert OWNER not in home.get_data(as_text=True)
    # Once only.
    assert client.get(path).status_code == 410
    assert client.post(path, data={"csrf_token": csrf_token(home.get_data(as_text=True))}).status_code == 410


def test_the_answer_is_the_same_for_an_unknown_address(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    known = ask_for_link(client, OWNER)
    unknown = ask_for_link(client, "nobody@dev.example")
    assert known.status_code == unknown.status_code == 200
    assert _without_nonce(known.get_data(as_text=True)) == _without_nonce(unknown.get_data(as_text=True))
    wait_for_mails(svc, inbox[0], 1)
    assert [envelope.rcpt_tos for envelope in inbox[0].envelopes] == [[OWNER]]


def test_a_sign_in_link_expires_after_15_minutes(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], clock: Clock
) -> None:
    ask_for_link(client, OWNER)
    wait_for_mails(svc, inbox[0], 1)
    path = sign_in_path(inbox[0])
    page = client.get(path)
    clock.advance(15 * 60)
    assert client.get(path).status_code == 410
    token = csrf_token(page.get_data(as_text=True))
    assert client.post(path, data={"csrf_token": token}).status_code == 410
    assert client.get("/console").status_code == 303


def test_an_unknown_or_malformed_link_is_not_found(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert client.get("/console/sign-in/" + "A" * 43).status_code == 404
    assert client.get("/console/sign-in/short").status_code == 404


def test_a_post_without_the_csrf_token_is_refused(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    client.get("/console/sign-in")
    assert client.post("/console/sign-in", data={"email": OWNER}).status_code == 400
    ask_for_link(client, OWNER)
    wait_for_mails(svc, inbox[0], 1)
    path = sign_in_path(inbox[0])
    client.get(path)
    assert client.post(path, data={}).status_code == 400
    assert client.post(path, data={"csrf_token": "forged"}).status_code == 400
    assert _cookie(client, "console") is None
    assert client.get(path).status_code == 200  # still unused


def test_sign_in_is_rate_limited_per_address_known_or_not(client: FlaskClient, creds: dict[str, Any]) -> None:
    for _ in range(5):
        assert ask_for_link(client, "someone@else.example").status_code == 200
    limited = ask_for_link(client, "Someone@Else.example")
    assert limited.status_code == 429
    assert "Retry-After" in limited.headers
    assert ask_for_link(client, "another@else.example").status_code == 200


@pytest.mark.settings(CONSOLE_SIGN_IN_LIMIT_PER_CLIENT="2/hour")
def test_sign_in_is_rate_limited_per_client(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert ask_for_link(client, "a@else.example").status_code == 200
    assert ask_for_link(client, "b@else.example").status_code == 200
    assert ask_for_link(client, "c@else.example").status_code == 429


def test_a_mistyped_address_is_said_so(client: FlaskClient, creds: dict[str, Any]) -> None:
    answer = ask_for_link(client, "not-an-address", **{"Accept-Language": "en"})
    assert answer.status_code == 422
    html = answer.get_data(as_text=True)
    assert 'aria-invalid="true"' in html
    assert "Enter an email address" in html


def test_a_session_idle_for_two_hours_goes_back_to_sign_in(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], clock: Clock
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    clock.advance(2 * 3600 - 10)
    assert client.get("/console").status_code == 200  # used: the idle time starts again
    clock.advance(2 * 3600 - 10)
    assert client.get("/console").status_code == 200
    clock.advance(2 * 3600)
    gone = client.get("/console")
    assert gone.status_code == 303
    assert gone.headers["Location"] == "/console/sign-in"


def test_a_session_ends_12_hours_after_sign_in_however_used(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], clock: Clock
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    for _ in range(9):
        clock.advance(3600 + 1800)  # used every 90 minutes, never idle for two hours
        if client.get("/console").status_code != 200:
            break
    assert 12 * 3600 <= clock.offset < 12 * 3600 + 5400
    assert client.get("/console").status_code == 303


def test_sign_out_ends_the_session_on_the_server(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    stolen = _cookie(client, "console")
    home = client.get("/console")
    out = client.post("/console/sign-out", data={"csrf_token": csrf_token(home.get_data(as_text=True))})
    assert out.status_code == 200
    assert _cookie(client, "console") is None
    assert client.get("/console").status_code == 303
    assert stolen is not None
    client.set_cookie("console", stolen)
    assert client.get("/console").status_code == 303


def test_signing_in_again_ends_the_session_the_browser_brought(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    sign_in(client, svc, inbox[0], OWNER)
    first = _cookie(client, "console")
    sign_in(client, svc, inbox[0], OWNER)
    second = _cookie(client, "console")
    assert first
    assert second
    assert first != second
    client.set_cookie("console", first)
    assert client.get("/console").status_code == 303


@pytest.mark.settings(PUBLIC_BASE_URL="https://broker.test")
def test_cookies_are_host_prefixed_and_secure_on_https(
    client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int]
) -> None:
    page = client.get("/console/sign-in", base_url="https://broker.test")
    cookie = client.get_cookie("__Host-console-csrf", domain="broker.test")
    assert page.status_code == 200
    assert cookie is not None
    assert cookie.secure
    assert cookie.path == "/"
