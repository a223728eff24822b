"""Launch links: made when a page must deliver or the URL must outlive the token; stored sealed; their states."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient

from service.links.launch_links import LinkState, secret_hash
from service.links.models import LaunchLink
from service.tokens.verifier import Expectations, StaticKeys, verify
from service.wiring import Services
from tests.support.api import BROKER_URL, generate
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE, launch_links, link_path, secret_of
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH
from tests.support.tokens import claims_of


def test_the_database_holds_neither_secret_nor_payload(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    body = generate(client, creds, "exorlive-main").get_json()
    secret = secret_of(link_path(body))
    (row,) = launch_links(svc)
    raw = base64.urlsafe_b64decode(secret + "=")
    assert row.secret_hash == secret_hash(raw)
    dump = json.dumps({c.name: str(getattr(row, c.name)) for c in LaunchLink.__table__.columns})
    assert secret not in dump
    for value in (*SEED_PERSONAL_DATA, "Mando", "ace615c2"):
        assert value.encode() not in (row.sealed_payload or b"")
        assert value not in dump


def test_expire_in_beyond_the_token_makes_a_link_valid_that_long(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    body = generate(client, creds, "exorlive-main", expireIn=2880, key="adminApiKey").get_json()
    link_path(body)
    token_expires = dt.datetime.fromisoformat(body["tokenExpiresAt"].replace("Z", "+00:00"))
    url_expires = dt.datetime.fromisoformat(body["expiresAt"].replace("Z", "+00:00"))
    assert url_expires - token_expires == dt.timedelta(minutes=2880) - dt.timedelta(seconds=300)
    assert body["expiresIn"] == "2880m"


def test_a_tampered_sealed_payload_opens_nothing(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = link_path(generate(client, creds, "exorlive-main").get_json())
    with svc.db.session() as session:
        row = session.query(LaunchLink).one()
        row.sealed_payload = row.sealed_payload[:-1] + bytes([row.sealed_payload[-1] ^ 1])  # type: ignore[index]
    assert client.post(path, headers=FROM_ITS_PAGE).status_code == 404


def test_link_states_are_distinct(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    path = link_path(generate(client, creds, "exorlive-main").get_json())
    assert svc.links.state(secret_of(path)) is LinkState.USABLE
    client.post(path, headers=FROM_ITS_PAGE)
    assert svc.links.state(secret_of(path)) is LinkState.USED


# A week: this test moves the clock two days without Secrets Manager refreshing; staleness is not its subject.
@pytest.mark.settings(KEY_MAX_STALENESS_SECONDS="604800")
def test_a_two_day_link_works_after_the_token_lifetime_and_mints_at_the_time_of_use(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    body = generate(client, creds, "generic", expireIn=2880, key="adminApiKey").get_json()
    path = link_path(body)
    first_token = claims_of(body["token"])
    clock.advance(26 * 3600)  # a day later: the first token is long dead, the link is not
    used = client.post(path, headers=FROM_ITS_PAGE)
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
    assert client.post(path, headers=FROM_ITS_PAGE).status_code == 410


def test_a_link_expires_when_the_clock_passes_expire_in(
    client: FlaskClient, creds: dict[str, Any], clock: Clock
) -> None:
    path = link_path(generate(client, creds, "exorlive-main", expireIn=30, key="adminApiKey").get_json())
    clock.advance(29 * 60)
    assert client.get(path).status_code == 200
    clock.advance(61)
    assert 'data-state="expired"' in client.post(path, headers=FROM_ITS_PAGE).get_data(as_text=True)
