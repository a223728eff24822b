"""Launch link pages: GET shows a page and never consumes, POST uses the link once and delivers a fresh token."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.links.models import LaunchLink
from service.wiring import Services
from tests.support.api import SEED_MAIN_PAYLOAD, generate
from tests.support.links import FROM_ITS_PAGE, launch_links, link_path, secret_of
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH


def test_form_profile_gets_a_launch_link_that_hides_token_and_payload(
    client: FlaskClient, creds: dict[str, Any]
) -> None:
    body = generate(client, creds, "exorlive-main").get_json()
    path = link_path(body)
    secret = secret_of(path)
    assert len(base64.urlsafe_b64decode(secret + "=")) == 32
    assert body["token"] not in body["url"]
    for value in SEED_PERSONAL_DATA:
        assert value not in body["url"]
    assert body["expiresIn"] == "5m"


def test_get_shows_a_page_and_never_consumes(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = link_path(generate(client, creds, "exorlive-main").get_json())
    for _ in range(3):
        page = client.get(path)
        assert page.status_code == 200
        assert client.head(path).status_code == 200
    html = page.get_data(as_text=True)
    assert 'data-testid="continue"' in html
    for value in (*SEED_PERSONAL_DATA, "Mando", "Tatooine"):
        assert value not in html
    assert launch_links(svc)[0].uses == 0


def test_pages_carry_the_protective_headers(client: FlaskClient, creds: dict[str, Any]) -> None:
    path = link_path(generate(client, creds, "exorlive-main").get_json())
    for response in (client.get(path), client.post(path, headers=FROM_ITS_PAGE), client.get("/l/" + "A" * 43)):
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
    path = link_path(body)
    used = client.post(path, headers=FROM_ITS_PAGE)
    assert used.status_code == 200
    html = used.get_data(as_text=True)
    assert f'action="{creds["sandboxUrl"]}/partner/dev/payload"' in html
    token = re.search(r'name="payload" value="([^"]+)"', html)
    assert token is not None
    WATCH.watch(token.group(1))
    assert token.group(1) != body["token"]
    assert f"form-action {creds['sandboxUrl']}" in used.headers["Content-Security-Policy"]
    again = client.post(path, headers=FROM_ITS_PAGE)
    assert again.status_code == 410
    assert 'data-state="used"' in again.get_data(as_text=True)
    assert client.get(path).status_code == 410


def test_query_link_redirects_with_a_fresh_token(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = generate(client, creds, "generic", expireIn=60, key="adminApiKey").get_json()
    assert body["expiresIn"] == "60m"
    path = link_path(body)
    used = client.post(path, headers=FROM_ITS_PAGE)
    assert used.status_code == 303
    assert used.headers["Location"].startswith(creds["sandboxUrl"] + "/partner/dev/landing?jwt=")
    assert used.headers["Cache-Control"] == "no-store"
    WATCH.watch(used.headers["Location"].rsplit("=", 1)[1])


def test_short_query_urls_need_no_link(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    body = generate(client, creds, "generic").get_json()
    assert body["url"].startswith(creds["sandboxUrl"] + "/partner/dev/landing?jwt=")
    assert launch_links(svc) == []


def test_app_links_submit_themselves_long_lived_ones_wait_for_a_click(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    short = client.get(link_path(generate(client, creds, "exorlive-main").get_json())).get_data(as_text=True)
    long = client.get(link_path(generate(client, creds, "exorlive-main", expireIn=600, key="adminApiKey").get_json()))
    assert "submit()" in short
    assert "submit()" not in long.get_data(as_text=True)
    assert [row.auto_submit for row in launch_links(svc)] == [True, False]


def test_unknown_and_malformed_links_are_404_pages(client: FlaskClient, creds: dict[str, Any]) -> None:
    for secret in ("A" * 43, "short", "%00", "A" * 200):
        for response in (client.get(f"/l/{secret}"), client.post(f"/l/{secret}", headers=FROM_ITS_PAGE)):
            assert response.status_code == 404
            assert response.mimetype == "text/html"
            assert 'data-state="unknown"' in response.get_data(as_text=True)


def test_expired_link_is_gone(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = link_path(generate(client, creds, "exorlive-main").get_json())
    with svc.db.session() as session:
        session.query(LaunchLink).update({"expires_at": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)})
    for response in (client.get(path), client.post(path, headers=FROM_ITS_PAGE)):
        assert response.status_code == 410
        assert 'data-state="expired"' in response.get_data(as_text=True)


def test_revoked_link_is_gone(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = link_path(generate(client, creds, "exorlive-main").get_json())
    with svc.db.session() as session:
        session.query(LaunchLink).update({"revoked_at": dt.datetime.now(dt.UTC)})
    assert 'data-state="revoked"' in client.post(path, headers=FROM_ITS_PAGE).get_data(as_text=True)


def test_a_profile_may_allow_more_uses(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    with svc.db.session() as session:
        from service.profiles.models import Profile

        session.query(Profile).update({"link_max_uses": 3})
    path = link_path(generate(client, creds, "exorlive-main").get_json())
    assert [client.post(path, headers=FROM_ITS_PAGE).status_code for _ in range(4)] == [200, 200, 200, 410]


def test_a_key_outage_at_use_does_not_burn_the_link(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.errors import KeyUnavailable

    path = link_path(generate(client, creds, "exorlive-main").get_json())

    def no_key(_ref: object) -> None:
        raise KeyUnavailable("down")

    with monkeypatch.context() as patched:
        patched.setattr(svc.key_source, "signing_key", no_key)
        failed = client.post(path, headers=FROM_ITS_PAGE)
        assert failed.status_code == 503
        assert failed.mimetype == "text/html"
    assert client.post(path, headers=FROM_ITS_PAGE).status_code == 200


def test_use_is_audited_without_personal_data(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    from service.audit.models import AuditEvent

    path = link_path(generate(client, creds, "exorlive-main").get_json())
    client.post(path, headers=FROM_ITS_PAGE)
    assert svc.auditor.flush()
    with svc.db.session() as session:
        rows = session.query(AuditEvent).order_by(AuditEvent.id).all()
        assert [(r.action, r.outcome) for r in rows] == [("token.minted", "ok"), ("link.used", "ok")]
        link_id = launch_links(svc)[0].public_id
        assert rows[0].detail["link"] == rows[1].detail["link"] == link_id
        assert SEED_MAIN_PAYLOAD["contact"]["ssn"] not in json.dumps([r.detail for r in rows])
