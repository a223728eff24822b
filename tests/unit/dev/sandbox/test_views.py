"""The sandbox relying party: verifies over real HTTP like ExorLive would, and names who is signed in."""

from __future__ import annotations

import html
import json
import logging
import re
import threading
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service.dev.sandbox import create_sandbox_app, relying_party
from service.errors import ConfigError
from service.keys.jwks import jwks_document
from service.keys.material import SigningKey, generate_private_key_pem, parse_signing_key
from service.tokens.claims import build_claims, sign
from tests.support.api import SEED_GO_PAYLOAD, SEED_MAIN_PAYLOAD
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH

NOW = 1_800_000_000


ISSUER = "https://broker.test"


AUDIENCE = "sandbox-rp"


PUBLIC_URL = "http://sandbox.test"


SESSION_SECONDS = 300


KEY = parse_signing_key(generate_private_key_pem("ES256"), "ES256", "sandbox-test")


GENERIC_PAYLOAD = {"userId": "u-123"}


class Clock:
    """A settable clock for the sandbox (token times and session expiry)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    """The broker's JWKS, published over HTTP on loopback with only KEY in it."""
    body = json.dumps(jwks_document([KEY])).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection: nothing left open after the tests

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/jwk-set+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/.well-known/jwks.json"
    server.shutdown()
    server.server_close()
    thread.join()


def sandbox_config(jwks_url: str, **overrides: str) -> dict[str, str]:
    return {
        "BROKER_ENV": "test",
        "SANDBOX_JWKS_URL": jwks_url,
        "SANDBOX_ISSUER": ISSUER,
        "SANDBOX_AUDIENCE": AUDIENCE,
        "SANDBOX_PUBLIC_URL": PUBLIC_URL,
        "SANDBOX_SESSION_SECONDS": str(SESSION_SECONDS),
        # DEBUG, so the privacy watch sees everything the sandbox could ever log.
        "LOG_LEVEL": "DEBUG",
        **overrides,
    }


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def sandbox(jwks_url: str, clock: Clock) -> Iterator[Flask]:
    app = create_sandbox_app(sandbox_config(jwks_url), clock=clock)
    yield app
    relying_party(app).close()


@pytest.fixture
def client(sandbox: Flask) -> FlaskClient:
    return sandbox.test_client()


def token(payload: Mapping[str, Any], key: SigningKey = KEY, **claims: Any) -> str:
    """A conformant token for the sandbox unless `claims` override some; registered with the privacy watch."""
    body = build_claims(payload, issuer=ISSUER, audience=AUDIENCE, issued_at=NOW, ttl_seconds=300)
    body.update(claims)
    signed = sign(body, key)
    WATCH.watch(signed)
    return signed


def exchange(client: FlaskClient, jwt: str, content_type: str = "text/plain") -> TestResponse:
    return client.post("/partner/dev/url", data=jwt, content_type=content_type)


def form_post(client: FlaskClient, jwt: str) -> TestResponse:
    return client.post("/partner/dev/payload", data={"payload": jwt})


def landing(client: FlaskClient, jwt: str) -> TestResponse:
    return client.get("/partner/dev/landing", query_string={"jwt": jwt})


def by_testid(response: TestResponse, testid: str) -> str | None:
    """The text of the element with this data-testid, as a browser test would read it."""
    match = re.search(rf'data-testid="{testid}"[^>]*>([^<]*)<', response.get_data(as_text=True))
    return html.unescape(match.group(1)) if match else None


def page_text(response: TestResponse) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html.unescape(response.get_data(as_text=True))).split())


def assert_refused(response: TestResponse, rule: str) -> None:
    """A 401 page naming the rule."""
    assert response.status_code == 401, response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    assert by_testid(response, "rejected-rule") == rule


def test_exchange_answers_a_session_url_naming_the_go_member(client: FlaskClient) -> None:
    response = exchange(client, token(SEED_GO_PAYLOAD))
    assert response.status_code == 200
    url = response.get_json()["url"]
    assert url.startswith(f"{PUBLIC_URL}/session/")

    page = client.get(url)
    assert page.status_code == 200
    assert by_testid(page, "member") == "Baby Yoda"
    assert by_testid(page, "organization") == "Tatooine"
    assert by_testid(page, "instructor") is None
    assert "Signed in as member Baby Yoda" in page_text(page)


def test_form_post_shows_the_main_instructor_and_contact_in_focus(client: FlaskClient) -> None:
    page = form_post(client, token(SEED_MAIN_PAYLOAD))
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    assert by_testid(page, "instructor") == "Mando Lorian"
    assert by_testid(page, "contact") == "Baby Yoda"
    assert by_testid(page, "organization") == "Tatooine"
    assert by_testid(page, "member") is None
    text = page_text(page)
    assert "Signed in as instructor Mando Lorian" in text
    assert "Contact in focus: Baby Yoda" in text


def test_landing_redirects_the_token_out_of_the_address_bar(client: FlaskClient) -> None:
    response = landing(client, token(GENERIC_PAYLOAD))
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith(f"{PUBLIC_URL}/session/")
    assert "jwt" not in location

    page = client.get(location)
    assert page.status_code == 200
    assert by_testid(page, "generic-user") == "u-123"
    assert "Signed in as u-123" in page_text(page)


def test_a_generic_token_is_named_by_sub_or_by_nothing(client: FlaskClient) -> None:
    assert by_testid(form_post(client, token({"sub": "s-42"})), "generic-user") == "s-42"
    assert by_testid(form_post(client, token({"userId": 42})), "generic-user") == "42"
    anonymous = form_post(client, token({"role": "viewer"}))
    assert anonymous.status_code == 200
    assert by_testid(anonymous, "generic-user") is None
    assert "names no user" in page_text(anonymous)


def test_claims_are_shown_escaped(client: FlaskClient) -> None:
    page = form_post(client, token({"userId": "<script>alert(1)</script>"}))
    assert "<script>" not in page.get_data(as_text=True)
    assert by_testid(page, "generic-user") == "<script>alert(1)</script>"


def test_a_session_url_works_once(client: FlaskClient) -> None:
    url = exchange(client, token(SEED_GO_PAYLOAD)).get_json()["url"]
    assert client.get(url).status_code == 200
    again = client.get(url)
    assert again.status_code == 410
    assert by_testid(again, "member") is None
    assert "already used or has expired" in page_text(again)


def test_an_unknown_session_is_not_found(client: FlaskClient) -> None:
    assert client.get("/session/never-issued").status_code == 404


def test_an_expired_session_is_gone(client: FlaskClient, clock: Clock) -> None:
    url = landing(client, token(GENERIC_PAYLOAD)).headers["Location"]
    clock.now += SESSION_SECONDS
    assert client.get(url).status_code == 410


def test_expired_sessions_are_forgotten_after_a_second_lifetime(client: FlaskClient, clock: Clock) -> None:
    url = landing(client, token(GENERIC_PAYLOAD)).headers["Location"]
    clock.now += 2 * SESSION_SECONDS + 1
    # Opening a session sweeps old ones; the tokens' own times are moved along with the clock.
    landing(client, token(GENERIC_PAYLOAD, iat=int(clock.now), nbf=int(clock.now), exp=int(clock.now) + 300))
    assert client.get(url).status_code == 404


def test_a_replayed_token_is_refused_naming_replay(client: FlaskClient) -> None:
    jwt = token(SEED_GO_PAYLOAD)
    assert exchange(client, jwt).status_code == 200
    replay = exchange(client, jwt)
    assert replay.status_code == 401
    assert replay.get_json()["error"] == "replay"
    assert replay.get_json()["detail"]
    # The replay cache is shared by every entry point.
    assert_refused(form_post(client, jwt), "replay")
    assert_refused(landing(client, jwt), "replay")


def test_a_token_for_another_audience_is_refused_naming_aud(client: FlaskClient) -> None:
    assert_refused(landing(client, token(GENERIC_PAYLOAD, aud="exorlive")), "aud")
    assert_refused(form_post(client, token(SEED_MAIN_PAYLOAD, aud="exorlive")), "aud")
    assert exchange(client, token(SEED_GO_PAYLOAD, aud="exorlive")).get_json()["error"] == "aud"


def test_a_token_signed_by_an_unpublished_key_is_refused_naming_kid(client: FlaskClient) -> None:
    unpublished = parse_signing_key(generate_private_key_pem("ES256"), "ES256", "unpublished")
    assert_refused(form_post(client, token(SEED_MAIN_PAYLOAD, key=unpublished)), "kid")


def test_a_forged_signature_is_refused_naming_signature(client: FlaskClient) -> None:
    impostor = parse_signing_key(generate_private_key_pem("ES256"), "ES256", "impostor")
    forged = SigningKey(kid=KEY.kid, alg=KEY.alg, key=impostor.key)
    assert_refused(landing(client, token(GENERIC_PAYLOAD, key=forged)), "signature")


def test_a_missing_token_is_a_format_error(client: FlaskClient) -> None:
    assert_refused(client.get("/partner/dev/landing"), "format")
    assert_refused(client.post("/partner/dev/payload", data={"other": "x"}), "format")
    assert exchange(client, "").get_json()["error"] == "format"


@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded", "application/jwt"])
def test_exchange_refuses_other_content_types(client: FlaskClient, content_type: str) -> None:
    response = exchange(client, token(SEED_GO_PAYLOAD), content_type=content_type)
    assert response.status_code == 415
    assert response.get_json()["error"] == "unsupported_media_type"


def test_form_post_refuses_other_content_types(client: FlaskClient) -> None:
    response = client.post("/partner/dev/payload", data=token(SEED_MAIN_PAYLOAD), content_type="text/plain")
    assert response.status_code == 415
    assert response.mimetype == "text/html"


def test_exchange_accepts_text_plain_with_a_charset_and_a_trailing_newline(client: FlaskClient) -> None:
    response = exchange(client, token(SEED_GO_PAYLOAD) + "\n", content_type="text/plain; charset=utf-8")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/partner/acme/url"), ("POST", "/partner/acme/payload"), ("GET", "/partner/acme/landing")],
)
def test_an_unknown_partner_is_not_found(client: FlaskClient, method: str, path: str) -> None:
    # A valid token changes nothing: the partner name is checked before the token is looked at.
    jwt = token(SEED_MAIN_PAYLOAD)
    if method == "GET":
        response = client.get(path, query_string={"jwt": jwt})
    else:
        response = client.post(path, data=jwt, content_type="text/plain")
    assert response.status_code == 404
    # The token was not spent: it still works for the configured partner.
    assert form_post(client, jwt).status_code == 200


def test_every_response_carries_the_security_headers(client: FlaskClient) -> None:
    url = exchange(client, token(SEED_GO_PAYLOAD)).get_json()["url"]
    responses = {
        "session": client.get(url),
        "gone": client.get(url),
        "form": form_post(client, token(SEED_MAIN_PAYLOAD)),
        "rejected": landing(client, "not-a-token"),
        "exchange": exchange(client, token(SEED_GO_PAYLOAD)),
        "not found": client.get("/nowhere"),
    }
    for name, response in responses.items():
        headers = response.headers
        assert headers["Cache-Control"] == "no-store", name
        assert headers["Referrer-Policy"] == "no-referrer", name
        assert headers["X-Content-Type-Options"] == "nosniff", name
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy, name
        assert "script-src" not in policy, name


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_refuses_to_start_in_production(jwks_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="production"):
        create_sandbox_app(sandbox_config(jwks_url, BROKER_ENV="production"))
    monkeypatch.setenv("BROKER_ENV", "production")
    with pytest.raises(ConfigError, match="production"):
        create_sandbox_app()


def test_creation_warns_loudly(jwks_url: str, caplog: pytest.LogCaptureFixture) -> None:
    app = create_sandbox_app(sandbox_config(jwks_url))
    relying_party(app).close()
    warnings = [r for r in caplog.records if r.name == "service.dev.sandbox" and r.levelno == logging.WARNING]
    assert warnings
    assert "development only" in warnings[0].getMessage()


def test_settings_come_from_the_environment_and_config_overrides_them(
    jwks_url: str, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SANDBOX_PARTNER", "acme")
    monkeypatch.setenv("SANDBOX_AUDIENCE", "from-env")
    monkeypatch.setenv("SANDBOX_ISSUER", "https://env.test")
    config = {key: value for key, value in sandbox_config(jwks_url).items() if key != "SANDBOX_AUDIENCE"}
    app = create_sandbox_app(config, clock=clock)
    try:
        settings = relying_party(app).settings
        assert (settings.partner, settings.audience, settings.issuer) == ("acme", "from-env", ISSUER)
        client = app.test_client()
        response = client.post("/partner/acme/payload", data={"payload": token(GENERIC_PAYLOAD, aud="from-env")})
        assert response.status_code == 200
        assert client.post("/partner/dev/payload", data={"payload": "x"}).status_code == 404
    finally:
        relying_party(app).close()


@pytest.mark.parametrize(
    "override",
    [
        {"SANDBOX_PARTNER": "a/b"},
        {"SANDBOX_PUBLIC_URL": "sandbox.test"},
        {"SANDBOX_JWKS_URL": "file:///etc/jwks.json"},
        {"SANDBOX_SESSION_SECONDS": "0"},
        {"SANDBOX_SESSION_SECONDS": "soon"},
        {"LOG_LEVEL": "LOUD"},
    ],
)
def test_invalid_settings_fail_at_start(jwks_url: str, override: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        create_sandbox_app(sandbox_config(jwks_url, **override))


def test_logs_name_the_rule_and_outcome_but_no_token_or_personal_data(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    main, go = token(SEED_MAIN_PAYLOAD), token(SEED_GO_PAYLOAD)
    form_post(client, main)
    client.get(exchange(client, go).get_json()["url"])
    form_post(client, main)
    landing(client, token(SEED_MAIN_PAYLOAD, aud="exorlive"))

    outcomes = [(r.outcome, getattr(r, "rule", None)) for r in caplog.records if hasattr(r, "outcome")]
    assert outcomes == [("accepted", None), ("accepted", None), ("rejected", "replay"), ("rejected", "aud")]
    logged = caplog.text + " ".join(json.dumps(vars(r), default=str) for r in caplog.records)
    for secret in (*SEED_PERSONAL_DATA, "Mando", "Baby", "Tatooine", main, go, main.split(".")[1]):
        assert secret not in logged
