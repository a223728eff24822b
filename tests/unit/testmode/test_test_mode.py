"""Test mode: test keys mint only for test profiles, live keys only for live ones; test keys' mails are never
sent but kept, sealed, in the test inbox for 24 hours."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from flask.testing import FlaskClient

from service import sealing
from service.apikeys import credentials
from service.apikeys.authentication import authenticate
from service.dev import seed as devseed
from service.testmode.models import TestMail
from service.wiring import Services
from tests.support.api import SEED_PAYLOADS, bearer, problem
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE
from tests.support.privacy import WATCH, database_dump
from tests.support.smtp import Collector

MEMBER = "babyyoda@galaxy.com"


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from=broker%40broker.test"}


def _mint(client: FlaskClient, key: str, profile_key: str, profile: str = "exorlive-go", **body: Any) -> Any:
    body = {"profileKey": profile_key, "payload": SEED_PAYLOADS[profile], **body}
    return client.post("/api/v1/generateJWT", json=body, headers=bearer(key))


def test_test_keys_look_different_and_still_pass_the_checksum() -> None:
    key = credentials.new_api_key(test=True)
    assert key.startswith("tbk_test_")
    assert credentials.looks_like_api_key(key)
    assert credentials.api_key_prefix(key) == key[:17]
    assert not credentials.looks_like_api_key(key[:-1] + ("A" if key[-1] != "A" else "B"))
    assert credentials.is_test_key(key)
    assert not credentials.is_test_key(credentials.new_api_key())


def test_test_and_live_do_not_mix(client: FlaskClient, creds: dict[str, Any]) -> None:
    test_key, live_key = creds["testApiKey"], creds["apiKey"]
    WATCH.watch(test_key)
    body = problem(_mint(client, test_key, creds["profiles"]["exorlive-go"]), 403, "mode_mismatch")
    assert "test profiles" in body["detail"]
    problem(_mint(client, live_key, creds["testProfiles"]["exorlive-go"]), 403, "mode_mismatch")
    made = _mint(client, test_key, creds["testProfiles"]["exorlive-go"])
    assert made.status_code == 200, made.get_json()
    WATCH.watch(made.get_json()["token"])


def test_a_test_keys_mail_waits_in_the_test_inbox_sealed_and_is_never_sent(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int], clock: Clock
) -> None:
    test_key = creds["testApiKey"]
    made = _mint(client, test_key, creds["testProfiles"]["exorlive-go"], expireIn=60, email={"to": MEMBER})
    assert made.status_code == 200, made.get_json()
    # The answer does not claim a mail went out: it says where the mail is.
    assert (made.get_json()["emailSent"], made.get_json()["delivery"]) == (False, "test-inbox")
    url = made.get_json()["url"]
    WATCH.watch(url.rsplit("/", 1)[1])
    assert inbox[0].envelopes == []  # never sent
    listed = client.get("/api/v1/test-inbox", headers=bearer(test_key))
    assert listed.status_code == 200
    assert listed.headers["Cache-Control"] == "no-store"
    (mail,) = listed.get_json()["messages"]
    assert (mail["to"], mail["url"]) == (MEMBER, url)
    assert mail["from"] == f"{devseed.DEV_TENANT_DISPLAY_NAME} <broker@broker.test>"  # as it would go out
    assert url in mail["text"]
    assert url in mail["html"]
    # The kept link works like any other.
    assert client.post(url.removeprefix("http://broker.test"), headers=FROM_ITS_PAGE).status_code == 303
    dump = database_dump(svc.db.engine)
    assert MEMBER not in dump
    assert url.rsplit("/", 1)[1] not in dump
    clock.advance(24 * 3600 + 1)
    assert client.get("/api/v1/test-inbox", headers=bearer(test_key)).get_json()["messages"] == []
    assert svc.test_inbox.purge() == 1
    with svc.db.session() as session:
        assert session.query(TestMail).count() == 0


def test_a_mail_kept_without_its_from_shows_the_configured_sender(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    # Kept by the version before mails kept their From: the configured sender stands in for it.
    tenant_id = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id
    content = {"to": MEMBER, "bcc": [], "subject": "s", "text": "t", "html": "h", "url": "https://broker.test/l/x"}
    sealed = sealing.seal(svc.settings.server_secret.encode(), b"test inbox mail", b"tm_old", content)
    svc.stores.test_mails.add_test_mail(tenant_id, "tm_old", dt.datetime.fromtimestamp(svc.clock(), dt.UTC), sealed)
    (mail,) = client.get("/api/v1/test-inbox", headers=bearer(creds["testApiKey"])).get_json()["messages"]
    assert (mail["id"], mail["from"]) == ("tm_old", "broker@broker.test")


def test_the_test_inbox_answers_test_keys_only(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(client.get("/api/v1/test-inbox", headers=bearer(creds["adminApiKey"])), 403, "test_key_required")
    assert "tbk_test_" in body["detail"]
    problem(client.get("/api/v1/test-inbox"), 401, "unauthorized")


@pytest.mark.settings(SMTP_URL="")
def test_test_keys_mail_without_a_mail_server(client: FlaskClient, creds: dict[str, Any]) -> None:
    made = _mint(client, creds["testApiKey"], creds["testProfiles"]["exorlive-go"], email={"to": MEMBER})
    assert made.status_code == 200, made.get_json()
    assert (made.get_json()["emailSent"], made.get_json()["delivery"]) == (False, "test-inbox")
    WATCH.watch(made.get_json()["url"].rsplit("/", 1)[1])
    (mail,) = client.get("/api/v1/test-inbox", headers=bearer(creds["testApiKey"])).get_json()["messages"]
    assert mail["to"] == MEMBER


def test_what_the_dev_test_key_does_its_live_twin_does_too(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int]
) -> None:
    """Test to live without surprises: the same request with the live key and profile works as in test, and the
    answer differs only in where the mail went."""
    test_caller = authenticate(svc.stores.api_keys, f"Bearer {creds['testApiKey']}")
    live_caller = authenticate(svc.stores.api_keys, f"Bearer {creds['apiKey']}")
    assert test_caller.scopes == live_caller.scopes == {"links:long", "links:email"}
    answers = {}
    for mode, key, profiles in (("test", "testApiKey", "testProfiles"), ("live", "apiKey", "profiles")):
        made = _mint(client, creds[key], creds[profiles]["exorlive-go"], expireIn=2880, email={"to": MEMBER})
        assert made.status_code == 200, made.get_json()
        WATCH.watch(made.get_json()["url"].rsplit("/", 1)[1])
        answers[mode] = made.get_json()
    assert (answers["test"]["emailSent"], answers["test"]["delivery"]) == (False, "test-inbox")
    assert (answers["live"]["emailSent"], answers["live"]["delivery"]) == (True, "email")
    assert answers["test"].keys() == answers["live"].keys()
    assert len(inbox[0].envelopes) == 1  # the live one only


def test_a_test_key_never_administers_live_links_keys_or_webhooks(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    from service.apikeys.issuing import create_api_key
    from service.dev import seed as devseed
    from service.errors import ValidationFailed

    with pytest.raises(ValidationFailed, match="links:admin"):
        create_api_key(svc, devseed.DEV_TENANT, ["links:admin"], "t", test=True)
    # A key given an admin scope some other way is still refused it.
    key = credentials.new_api_key(test=True)
    svc.stores.api_keys.add_api_key(
        svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id,
        credentials.api_key_prefix(key),
        credentials.hash_api_key(key),
        sorted(credentials.ADMIN_SCOPES),
        "smuggled",
        None,
    )
    WATCH.watch(key)
    for path in ("/api/v1/links", "/api/v1/api-keys", "/api/v1/webhooks"):
        problem(client.get(path, headers=bearer(key)), 403, "insufficient_scope")
    live = client.post(
        "/api/v1/generateJWT",
        json={"profileKey": creds["profiles"]["exorlive-go"], "payload": SEED_PAYLOADS["exorlive-go"], "expireIn": 60},
        headers=bearer(creds["adminApiKey"]),
    ).get_json()
    WATCH.watch(live["url"].rsplit("/", 1)[1])
    replaced = _mint(client, key, creds["testProfiles"]["exorlive-go"], replaces=live["linkId"])
    problem(replaced, 403, "insufficient_scope")


def test_webhook_events_of_test_links_say_livemode_false(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    from sqlalchemy import select

    from service.webhooks.models import WebhookEvent

    admin_key = bearer(creds["adminApiKey"])
    made = client.post("/api/v1/webhooks", json={"url": "http://127.0.0.1:9/hooks"}, headers=admin_key)
    WATCH.watch(made.get_json()["secret"])
    test_link = _mint(client, creds["testApiKey"], creds["testProfiles"]["exorlive-go"], expireIn=60).get_json()
    live_link = _mint(client, creds["adminApiKey"], creds["profiles"]["exorlive-go"], expireIn=60).get_json()
    for answer in (test_link, live_link):
        WATCH.watch(answer["token"], answer["url"].rsplit("/", 1)[1])
    with svc.db.session() as session:
        created = {event.data["linkId"]: event.data["livemode"] for event in session.scalars(select(WebhookEvent))}
    assert created == {test_link["linkId"]: False, live_link["linkId"]: True}
