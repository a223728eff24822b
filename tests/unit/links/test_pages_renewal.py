"""The pages of dead links: "Email me a new link" for an expired emailed one, "Get a new link" at the profile's
refresh URL for one that was not emailed, names people know, and the link's own locale."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service.dev import seed as devseed
from service.profiles.setup import update_profile
from service.tenants.accounts import set_tenant_display_name
from service.wiring import Services
from tests.support.api import generate
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE, launch_links, link_path
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
EMAIL = {"to": "babyyoda@galaxy.com", "companyName": "Tatooine Physio", "contactEmail": "post@tatooine.test"}


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    smtp = f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"
    return {**config, "SMTP_URL": smtp, "RENEWAL_LIMIT": "2/hour", "RENEWAL_LINK_LIMIT": "3/hour"}


def _path(client: FlaskClient, creds: dict[str, Any], **body: Any) -> str:
    """A launch link of exorlive-go (an exchange profile): a minute for an emailed one, else ten (a link only
    when it outlives the token) unless the body says otherwise."""
    body.setdefault("expireIn", 1 if "email" in body else 10)
    response = generate(client, creds, "exorlive-go", key="adminApiKey", **body)
    assert response.status_code == 200, response.get_json()
    return link_path(response.get_json())


def test_an_expired_emailed_link_offers_a_renewal_that_its_page_alone_can_ask(
    client: FlaskClient, creds: dict[str, Any], clock: Clock, inbox: tuple[Collector, int]
) -> None:
    path = _path(client, creds, email=EMAIL)
    clock.advance(61)
    page = client.get(path)
    html = page.get_data(as_text=True)
    assert page.status_code == 410
    assert f'action="{path}/renew"' in html
    assert "Tatooine Physio" in html
    assert "post@tatooine.test" in html
    assert "exorlive-go" not in html
    assert "form-action 'self'" in page.headers["Content-Security-Policy"]
    assert client.post(f"{path}/renew", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert len(inbox[0].envelopes) == 1
    sent = client.post(f"{path}/renew", headers=FROM_ITS_PAGE)
    assert sent.status_code == 200
    assert "b***@galaxy.com" in sent.get_data(as_text=True)
    assert len(inbox[0].envelopes) == 2
    again = client.post(f"{path}/renew", headers=FROM_ITS_PAGE)
    assert again.status_code == 409
    assert f'action="{path}/renew"' not in client.get(path).get_data(as_text=True)


def test_renewal_pages_for_a_refusing_mail_server_and_too_many_requests(
    client: FlaskClient, creds: dict[str, Any], clock: Clock, inbox: tuple[Collector, int]
) -> None:
    first, second = _path(client, creds, email=EMAIL), _path(client, creds, email=EMAIL)
    clock.advance(61)
    inbox[0].refuse_data = "451 4.3.0 try later"
    assert client.post(f"{first}/renew", headers=FROM_ITS_PAGE).status_code == 502
    inbox[0].refuse_data = None
    assert client.post(f"{first}/renew", headers=FROM_ITS_PAGE).status_code == 200  # the limit: 2/hour
    limited = client.post(f"{second}/renew", headers=FROM_ITS_PAGE)
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0


def test_a_renewal_whose_mail_cannot_be_composed_is_a_failed_mail_and_can_be_asked_again(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock, inbox: tuple[Collector, int]
) -> None:
    path = _path(client, creds, email={"to": EMAIL["to"]})  # no companyName: the tenant's display name is used
    clock.advance(61)
    svc.stores.tenants.set_tenant_display_name(devseed.DEV_TENANT, "Dev\r\nBcc: x@evil.example")
    assert client.post(f"{path}/renew", headers=FROM_ITS_PAGE).status_code == 502
    (made,) = [link for link in launch_links(svc) if link.renewals == 1]
    assert made.revoked_at is not None  # nothing usable that nobody received
    assert len(inbox[0].envelopes) == 1  # the first mail only
    set_tenant_display_name(svc, devseed.DEV_TENANT, "Dev Physio")
    assert client.post(f"{path}/renew", headers=FROM_ITS_PAGE).status_code == 200
    assert len(inbox[0].envelopes) == 2


def _renew_through_a_proxy(client: FlaskClient, path: str, member: str) -> TestResponse:
    """A renewal by `member` through a proxy at 127.0.0.1 that says whom it forwards for."""
    headers = {**FROM_ITS_PAGE, "X-Forwarded-For": member}
    return client.post(f"{path}/renew", headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"})


def test_behind_a_proxy_it_does_not_trust_one_members_hammering_blocks_only_their_own_link(
    client: FlaskClient, creds: dict[str, Any], clock: Clock, inbox: tuple[Collector, int]
) -> None:
    hammered, other = _path(client, creds, email=EMAIL), _path(client, creds, email=EMAIL)
    clock.advance(61)
    inbox[0].refuse_data = "451 4.3.0 try later"  # each try fails its mail, so the link stays renewable
    tries = [_renew_through_a_proxy(client, hammered, "198.51.100.7") for _ in range(4)]
    # Per link (3/hour); the proxy's address, every member's, is not counted (2/hour would have refused the third).
    assert [answer.status_code for answer in tries] == [502, 502, 502, 429]
    assert int(tries[-1].headers["Retry-After"]) > 0
    assert "We have sent many new links from here recently." in tries[-1].get_data(as_text=True)
    inbox[0].refuse_data = None
    assert _renew_through_a_proxy(client, other, "198.51.100.8").status_code == 200


@pytest.mark.settings(TRUSTED_PROXIES="1")
def test_behind_a_trusted_proxy_renewals_count_per_member_address_too(
    client: FlaskClient, creds: dict[str, Any], clock: Clock
) -> None:
    paths = [_path(client, creds, email=EMAIL) for _ in range(3)]
    clock.advance(61)
    assert [_renew_through_a_proxy(client, path, "198.51.100.7").status_code for path in paths] == [200, 200, 429]
    # Another member behind the same proxy has an address, and a bucket, of their own.
    assert _renew_through_a_proxy(client, paths[2], "198.51.100.8").status_code == 200


def test_a_link_that_was_not_emailed_offers_the_refresh_url_when_expired_or_used(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    refresh = f"{creds['sandboxUrl']}/sso/start"  # on the profile's allowed origin (the sandbox)
    plain, used = _path(client, creds), _path(client, creds)
    assert client.post(used, headers=FROM_ITS_PAGE).status_code == 303
    assert 'data-testid="refresh"' not in client.get(used).get_data(as_text=True)
    update_profile(svc, devseed.DEV_TENANT, "exorlive-go", refresh_url=refresh)
    assert f'href="{refresh}"' in client.get(used).get_data(as_text=True)
    emailed = _path(client, creds, email=EMAIL, expireIn=10)
    clock.advance(601)
    assert f'href="{refresh}"' in client.get(plain).get_data(as_text=True)
    # An emailed link is renewed by mail instead.
    assert f'href="{refresh}"' not in client.get(emailed).get_data(as_text=True)


def test_a_refresh_url_must_be_https_on_an_allowed_origin(svc: Services, creds: dict[str, Any]) -> None:
    from service.errors import ValidationFailed

    for url in ("http://rp.example/start", "https://elsewhere.example/start"):
        with pytest.raises(ValidationFailed) as refused:
            update_profile(svc, devseed.DEV_TENANT, "exorlive-go", refresh_url=url)
        assert "refreshUrl" in (refused.value.errors or {})


def test_the_links_locale_wins_over_the_browsers_and_the_profiles_over_none(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    english = {"Accept-Language": "en-GB"}
    page = client.get(_path(client, creds, locale="nn"), headers=english)
    assert page.headers["Content-Language"] == "nn"
    update_profile(svc, devseed.DEV_TENANT, "exorlive-go", locale="nb")
    assert client.get(_path(client, creds), headers=english).headers["Content-Language"] == "nb"
    assert (
        client.get(_path(client, creds, locale="en"), headers={"Accept-Language": "nb"}).headers["Content-Language"]
        == "en"
    )
