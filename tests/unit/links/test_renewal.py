"""Renewal by the member: an expired emailed link is mailed again, once, to where the first mail went."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.dev import seed as devseed
from service.errors import EmailFailed, RateLimited, RenewalRefused
from service.links.launch_links import LinkState
from service.links.renewal import can_renew
from service.profiles.setup import update_profile
from service.wiring import Services
from tests.support.api import bearer, generate
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE, launch_links, link_path, secret_of
from tests.support.privacy import WATCH
from tests.support.smtp import Collector

MEMBER = "babyyoda@galaxy.com"
EMAIL = {"to": MEMBER, "companyName": "Tatooine Physio", "bcc": ["admin@tatooine.test"]}
SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    smtp = f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"
    return {**config, "SMTP_URL": smtp, "RENEWAL_LIMIT": "3/hour", "RENEWAL_LINK_LIMIT": "2/hour"}


def _emailed(client: FlaskClient, creds: dict[str, Any], **body: Any) -> dict[str, Any]:
    response = generate(client, creds, "exorlive-main", key="adminApiKey", expireIn=1, email=EMAIL, **body)
    assert response.status_code == 200, response.get_json()
    answer: dict[str, Any] = response.get_json()
    link_path(answer)
    return answer


def _mailed_links(collector: Collector) -> list[str]:
    urls = []
    for index in range(len(collector.envelopes)):
        text = collector.message(index).get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
        urls += [word for word in text.split() if "/l/" in word]
    return urls


def test_an_expired_emailed_link_is_renewed_once_to_the_first_address(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock, inbox: tuple[Collector, int]
) -> None:
    collector = inbox[0]
    answer = _emailed(client, creds)
    clock.advance(61)
    secret = secret_of(link_path(answer))
    assert svc.links.state(secret) is LinkState.EXPIRED
    renewed = svc.renewals.renew(secret, "198.51.100.7", "req-1")
    assert renewed.masked_recipient == "b***@galaxy.com"
    assert len(collector.envelopes) == 2
    assert collector.envelopes[1].rcpt_tos == [MEMBER]  # only where the first mail went: no Bcc copy
    new_url = _mailed_links(collector)[-1]
    WATCH.watch(new_url.rsplit("/", 1)[1])
    assert new_url != answer["url"]
    new_path = new_url.removeprefix("http://broker.test")
    assert client.post(new_path, headers=FROM_ITS_PAGE).status_code == 200
    assert client.post(new_path, headers=FROM_ITS_PAGE).status_code == 410
    with pytest.raises(RenewalRefused):
        svc.renewals.renew(secret, "198.51.100.7", "req-2")
    old_events = client.get(f"/api/v1/links/{answer['linkId']}", headers=bearer(creds["adminApiKey"])).get_json()
    assert [event["type"] for event in old_events["events"]] == ["created", "emailed", "renewed"]
    new_events = client.get(f"/api/v1/links/{renewed.public_id}", headers=bearer(creds["adminApiKey"])).get_json()
    assert [event["type"] for event in new_events["events"]] == ["created", "renewed", "emailed", "used"]
    new_record = next(link for link in launch_links(svc) if link.public_id == renewed.public_id)
    assert new_record.expires_at - new_record.created_at == dt.timedelta(minutes=1)


def test_the_renewed_link_offers_no_second_renewal_at_the_default_count(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock, inbox: tuple[Collector, int]
) -> None:
    answer = _emailed(client, creds)
    clock.advance(61)
    svc.renewals.renew(secret_of(link_path(answer)), "198.51.100.7", "req-1")
    new_secret = _mailed_links(inbox[0])[-1].rsplit("/", 1)[1]
    WATCH.watch(new_secret)
    clock.advance(61)
    state, opened = svc.links.open(new_secret)
    assert opened is not None
    assert not can_renew(state, opened, svc.stores.profiles.profile_by_id(opened.record.profile_id))
    with pytest.raises(RenewalRefused):
        svc.renewals.renew(new_secret, "198.51.100.7", "req-2")


def test_no_renewal_for_usable_used_revoked_or_not_emailed_links_or_when_disabled(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    usable = secret_of(link_path(_emailed(client, creds)))
    used_answer = _emailed(client, creds)
    client.post(link_path(used_answer), headers=FROM_ITS_PAGE)
    revoked_answer = _emailed(client, creds)
    client.post(f"/api/v1/links/{revoked_answer['linkId']}/revoke", headers=bearer(creds["adminApiKey"]))
    plain = generate(client, creds, "exorlive-main", key="adminApiKey", expireIn=1).get_json()
    with pytest.raises(RenewalRefused):
        svc.renewals.renew(usable, "198.51.100.7", "r")
    clock.advance(61)
    for answer in (used_answer, revoked_answer, plain):
        with pytest.raises(RenewalRefused):
            svc.renewals.renew(secret_of(link_path(answer)), "198.51.100.7", "r")
    update_profile(svc, devseed.DEV_TENANT, "exorlive-main", link_renewals=0)
    clock.advance(-61)
    disabled = _emailed(client, creds)
    clock.advance(61)
    with pytest.raises(RenewalRefused):
        svc.renewals.renew(secret_of(link_path(disabled)), "198.51.100.7", "r")


def test_renewals_are_rate_limited_per_address(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    secrets = [secret_of(link_path(_emailed(client, creds))) for _ in range(4)]
    clock.advance(61)
    for secret in secrets[:3]:
        svc.renewals.renew(secret, "198.51.100.7", "r")
    with pytest.raises(RateLimited) as refused:
        svc.renewals.renew(secrets[3], "198.51.100.7", "r")
    assert "Retry-After" in refused.value.headers
    svc.renewals.renew(secrets[3], "203.0.113.9", "r")


def test_renewals_are_rate_limited_per_link_and_without_an_address_per_link_only(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock, inbox: tuple[Collector, int]
) -> None:
    hammered, *others = [secret_of(link_path(_emailed(client, creds))) for _ in range(5)]
    clock.advance(61)
    inbox[0].refuse_data = "451 4.3.0 try later"  # each try fails its mail, so the link stays renewable
    for _ in range(2):
        with pytest.raises(EmailFailed):
            svc.renewals.renew(hammered, None, "r")
    with pytest.raises(RateLimited) as refused:
        svc.renewals.renew(hammered, None, "r")
    assert refused.value.detail == "Too many requests to renew this link. Try again later."
    assert "Retry-After" in refused.value.headers
    inbox[0].refuse_data = None
    # Four more links, past the address limit (3/hour): without a known address nothing counts one.
    for secret in others:
        assert svc.renewals.renew(secret, None, "r").masked_recipient == "b***@galaxy.com"


def test_a_failed_mail_gives_the_renewal_back(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock, inbox: tuple[Collector, int]
) -> None:
    secret = secret_of(link_path(_emailed(client, creds)))
    clock.advance(61)
    inbox[0].refuse_data = "451 4.3.0 try later"
    with pytest.raises(EmailFailed):
        svc.renewals.renew(secret, "198.51.100.7", "r")
    inbox[0].refuse_data = None
    assert svc.renewals.renew(secret, "198.51.100.7", "r").masked_recipient == "b***@galaxy.com"


def test_purge_keeps_a_renewable_link_for_the_renewal_window(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    renewable = secret_of(link_path(_emailed(client, creds)))
    plain = secret_of(link_path(generate(client, creds, "exorlive-main", key="adminApiKey", expireIn=1).get_json()))
    clock.advance(61)
    window = dt.timedelta(days=14)
    assert svc.links.purge(window) == 1  # the link that was not emailed
    assert _sealed_email(svc, plain) is None
    assert _sealed_email(svc, renewable) == {"to": MEMBER, "companyName": "Tatooine Physio"}
    clock.advance(14 * 86400)
    assert svc.links.purge(window) == 1
    assert _sealed_email(svc, renewable) is None
    with pytest.raises(RenewalRefused):
        svc.renewals.renew(renewable, "198.51.100.7", "r")


def _sealed_email(svc: Services, secret: str) -> dict[str, Any] | None:
    """The address and sender a link keeps sealed; None once its content is purged (or it never had one)."""
    _, opened = svc.links.open(secret)
    assert opened is not None
    return opened.email
