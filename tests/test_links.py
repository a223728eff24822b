"""Launch links: created when a page must deliver or the URL must outlive the token; used once, by POST."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient

from service.db.models import LaunchLink
from service.links.launch_links import LinkState, secret_hash
from service.tokens.verifier import Expectations, StaticKeys, verify
from service.wiring import Services
from tests.support.api import BROKER_URL, SEED_MAIN_PAYLOAD, generate
from tests.support.clock import Clock
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH


def _link_path(body: dict[str, Any]) -> str:
    url = body["url"]
    assert url.startswith("http://broker.test/l/")
    WATCH.watch(url.rsplit("/", 1)[1])
    return urlsplit(url).path


def _secret(path: str) -> str:
    return path.rsplit("/", 1)[1]


def _rows(svc: Services) -> list[LaunchLink]:
    with svc.store.session() as session:
        return list(session.query(LaunchLink).all())


def test_form_profile_gets_a_launch_link_that_hides_token_and_payload(
    client: FlaskClient, creds: dict[str, Any]
) -> None:
    body = generate(client, creds, "exorlive-main").get_json()
    path = _link_path(body)
    secret = _secret(path)
    assert len(base64.urlsafe_b64decode(secret + "=")) == 32
    assert body["token"] not in body["url"]
    for value in SEED_PERSONAL_DATA:
        assert value not in body["url"]
    assert body["expiresIn"] == "5m"


def test_the_database_holds_neither_secret_nor_payload(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    body = generate(client, creds, "exorlive-main").get_json()
    secret = _secret(_link_path(body))
    (row,) = _rows(svc)
    raw = base64.urlsafe_b64decode(secret + "=")
    assert row.secret_hash == secret_hash(raw)
    dump = json.dumps({c.name: str(getattr(row, c.name)) for c in LaunchLink.__table__.columns})
    assert secret not in dump
    for value in (*SEED_PERSONAL_DATA, "Mando", "ace615c2"):
        assert value.encode() not in (row.sealed_payload or b"")
        assert value not in dump


def test_get_shows_a_page_and_never_consumes(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = _link_path(generate(client, creds, "exorlive-main").get_json())
    for _ in range(3):
        page = client.get(path)
        assert page.status_code == 200
        assert client.head(path).status_code == 200
    html = page.get_data(as_text=True)
    assert 'data-testid="continue"' in html
    for value in (*SEED_PERSONAL_DATA, "Mando", "Tatooine"):
        assert value not in html
    assert _rows(svc)[0].uses == 0


def test_pages_carry_the_protective_headers(client: FlaskClient, creds: dict[str, Any]) -> None:
    path = _link_path(generate(client, creds, "exorlive-main").get_json())
    for response in (client.get(path), client.post(path), client.get("/l/" + "A" * 43)):
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp
        assert "default-src 'none'" in csp
        nonce = re.search(r"script-src 'nonce-([^']+)'", csp)
        assert nonce is not None
        html = response.get_data(as_text=True)
        assert all(f'nonce="{nonce.group(1)}"' in tag for tag in re.findall(r"<(?:script|style)[^>]*>", html))


def test_post_delivers_a_fresh_token_by_form_to_the_rp_once(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    body = generate(client, creds, "exorlive-main").get_json()
    path = _link_path(body)
    used = client.post(path)
    assert used.status_code == 200
    html = used.get_data(as_text=True)
    assert f'action="{creds["sandboxUrl"]}/partner/dev/payload"' in html
    token = re.search(r'name="payload" value="([^"]+)"', html)
    assert token is not None
    WATCH.watch(token.group(1))
    assert token.group(1) != body["token"]
    assert f"form-action {creds['sandboxUrl']}" in used.headers["Content-Security-Policy"]
    again = client.post(path)
    assert again.status_code == 410
    assert 'data-state="used"' in again.get_data(as_text=True)
    assert client.get(path).status_code == 410


def test_query_link_redirects_with_a_fresh_token(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "generic", expireIn=60, key="adminApiKey").get_json()
    assert body["expiresIn"] == "60m"
    path = _link_path(body)
    used = client.post(path)
    assert used.status_code == 303
    assert used.headers["Location"].startswith(creds["sandboxUrl"] + "/partner/dev/landing?jwt=")
    assert used.headers["Cache-Control"] == "no-store"
    WATCH.watch(used.headers["Location"].rsplit("=", 1)[1])


def test_short_query_urls_need_no_link(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    body = generate(client, creds, "generic").get_json()
    assert body["url"].startswith(creds["sandboxUrl"] + "/partner/dev/landing?jwt=")
    assert _rows(svc) == []


def test_app_links_submit_themselves_long_lived_ones_wait_for_a_click(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    short = client.get(_link_path(generate(client, creds, "exorlive-main").get_json())).get_data(as_text=True)
    long = client.get(_link_path(generate(client, creds, "exorlive-main", expireIn=600, key="adminApiKey").get_json()))
    assert "submit()" in short
    assert "submit()" not in long.get_data(as_text=True)
    assert [row.auto_submit for row in _rows(svc)] == [True, False]


def test_expire_in_beyond_the_token_makes_a_link_valid_that_long(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    body = generate(client, creds, "exorlive-main", expireIn=2880, key="adminApiKey").get_json()
    _link_path(body)
    token_expires = dt.datetime.fromisoformat(body["tokenExpiresAt"].replace("Z", "+00:00"))
    url_expires = dt.datetime.fromisoformat(body["expiresAt"].replace("Z", "+00:00"))
    assert url_expires - token_expires == dt.timedelta(minutes=2880) - dt.timedelta(seconds=300)
    assert body["expiresIn"] == "2880m"


def test_unknown_and_malformed_links_are_404_pages(client: FlaskClient, creds: dict[str, Any]) -> None:
    for secret in ("A" * 43, "short", "%00", "A" * 200):
        for response in (client.get(f"/l/{secret}"), client.post(f"/l/{secret}")):
            assert response.status_code == 404
            assert response.mimetype == "text/html"
            assert 'data-state="unknown"' in response.get_data(as_text=True)


def test_expired_link_is_gone(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = _link_path(generate(client, creds, "exorlive-main").get_json())
    with svc.store.session() as session:
        session.query(LaunchLink).update({"expires_at": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)})
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert 'data-state="expired"' in response.get_data(as_text=True)


def test_revoked_link_is_gone(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = _link_path(generate(client, creds, "exorlive-main").get_json())
    with svc.store.session() as session:
        session.query(LaunchLink).update({"revoked_at": dt.datetime.now(dt.UTC)})
    assert 'data-state="revoked"' in client.post(path).get_data(as_text=True)


def test_a_tampered_sealed_payload_opens_nothing(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = _link_path(generate(client, creds, "exorlive-main").get_json())
    with svc.store.session() as session:
        row = session.query(LaunchLink).one()
        row.sealed_payload = row.sealed_payload[:-1] + bytes([row.sealed_payload[-1] ^ 1])  # type: ignore[index]
    assert client.post(path).status_code == 404


def test_a_profile_may_allow_more_uses(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    with svc.store.session() as session:
        from service.db.models import Profile

        session.query(Profile).update({"link_max_uses": 3})
    path = _link_path(generate(client, creds, "exorlive-main").get_json())
    assert [client.post(path).status_code for _ in range(4)] == [200, 200, 200, 410]


def test_a_key_outage_at_use_does_not_burn_the_link(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.errors import KeyUnavailable

    path = _link_path(generate(client, creds, "exorlive-main").get_json())

    def no_key(_ref: object) -> None:
        raise KeyUnavailable("down")

    with monkeypatch.context() as patched:
        patched.setattr(svc.key_source, "signing_key", no_key)
        failed = client.post(path)
        assert failed.status_code == 503
        assert failed.mimetype == "text/html"
    assert client.post(path).status_code == 200


def test_use_is_audited_without_personal_data(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    from service.db.models import AuditEvent

    path = _link_path(generate(client, creds, "exorlive-main").get_json())
    client.post(path)
    assert svc.auditor.flush()
    with svc.store.session() as session:
        rows = session.query(AuditEvent).order_by(AuditEvent.id).all()
        assert [(r.action, r.outcome) for r in rows] == [("token.minted", "ok"), ("link.used", "ok")]
        link_id = _rows(svc)[0].public_id
        assert rows[0].detail["link"] == rows[1].detail["link"] == link_id
        assert SEED_MAIN_PAYLOAD["contact"]["ssn"] not in json.dumps([r.detail for r in rows])


def test_link_states_are_distinct(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = _link_path(generate(client, creds, "exorlive-main").get_json())
    assert svc.links.state(_secret(path)) is LinkState.USABLE
    client.post(path)
    assert svc.links.state(_secret(path)) is LinkState.USED


# A week: this test moves the clock two days without Secrets Manager refreshing; staleness is not its subject.
@pytest.mark.settings(KEY_MAX_STALENESS_SECONDS="604800")
def test_a_two_day_link_works_after_the_token_lifetime_and_mints_at_the_time_of_use(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    body = generate(client, creds, "generic", expireIn=2880, key="adminApiKey").get_json()
    path = _link_path(body)
    first_token = _claims(body["token"])
    clock.advance(26 * 3600)  # a day later: the first token is long dead, the link is not
    used = client.post(path)
    assert used.status_code == 303
    token = parse_qs(urlsplit(used.headers["Location"]).query)["jwt"][0]
    WATCH.watch(token)
    claims = verify(
        token,
        Expectations(BROKER_URL, "sandbox-rp"),
        StaticKeys(client.get("/.well-known/jwks.json").get_json()),
        now=int(clock()),
    )
    assert claims["iat"] == pytest.approx(clock(), abs=2)
    assert claims["iat"] - first_token["iat"] >= 26 * 3600
    assert claims["exp"] - claims["iat"] == 300
    assert claims["userId"] == "u-123"
    clock.advance(24 * 3600)  # past the 48 hours
    assert client.post(path).status_code == 410


def test_a_link_expires_when_the_clock_passes_expire_in(
    client: FlaskClient, creds: dict[str, Any], clock: Clock
) -> None:
    path = _link_path(generate(client, creds, "exorlive-main", expireIn=30, key="adminApiKey").get_json())
    clock.advance(29 * 60)
    assert client.get(path).status_code == 200
    clock.advance(61)
    assert 'data-state="expired"' in client.post(path).get_data(as_text=True)


def _claims(token: str) -> dict[str, Any]:
    segment = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
