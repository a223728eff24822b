"""Pages that know what already happened: a replaced link points at the newer one (emailed, and when), an expired
link already renewed says where the new one went (check spam), a used link from a button says to tap it again; in
nb, nn and en, on GET and on a POST from a page opened before."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.dev import seed as devseed
from service.links.launch_links import LinkState
from service.links.models import LaunchLink
from service.locales import format_datetime
from service.profiles.rules import time_zone
from service.profiles.setup import update_profile
from service.tokens.minting import Launch
from service.wiring import Services
from tests.support.api import bearer, generate
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE, link_path
from tests.support.privacy import WATCH
from tests.support.smtp import Collector

MEMBER = "ola.nordmann@example.no"
CORRECTED = "kari.nordmann@example.no"
WATCH.watch(MEMBER, CORRECTED)
LANGUAGES = {"en": "en-GB,en;q=0.9", "nb": "nb-NO,nb;q=0.9", "nn": "nn-NO,nn;q=0.9"}
ASK_AGAIN = ("Ask for a new one", "Be om en ny", "Be om ei ny")


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from=broker%40broker.test"}


def _made(client: FlaskClient, creds: dict[str, Any], profile: str = "exorlive-go", **body: Any) -> dict[str, Any]:
    body.setdefault("expireIn", 60)
    response = generate(client, creds, profile, key="adminApiKey", **body)
    assert response.status_code == 200, response.get_json()
    answer: dict[str, Any] = response.get_json()
    link_path(answer)
    return answer


def _page(client: FlaskClient, answer: dict[str, Any], locale: str = "en", *, post: bool = False) -> tuple[int, str]:
    headers = {"Accept-Language": LANGUAGES[locale]}
    if post:
        response = client.post(link_path(answer), headers={**headers, **FROM_ITS_PAGE})
    else:
        response = client.get(link_path(answer), headers=headers)
    return response.status_code, response.get_data(as_text=True)


def _text(html: str) -> str:
    """The page's words, as a reader sees them (inline tags dropped, the others as spaces, spaces joined)."""
    inline = re.sub(r"</?(?:span|strong)\b[^>]*>", "", html.split("<body>", 1)[1])
    return " ".join(re.sub(r"<[^>]+>", " ", inline).split())


def _state(html: str) -> str:
    found = re.search(r'data-state="([a-z_]+)"', html)
    assert found is not None
    return found.group(1)


def _when(svc: Services, answer: dict[str, Any], moment: float, locale: str) -> str:
    with svc.db.session() as session:
        link = session.query(LaunchLink).filter_by(public_id=answer["linkId"]).one()
    profile = svc.stores.profiles.profile_by_id(link.profile_id)
    return format_datetime(dt.datetime.fromtimestamp(moment, dt.UTC), locale, time_zone(profile))


# --- replaced ------------------------------------------------------------------------------------
REPLACED_BY_EMAIL = {
    "en": ("A newer link has been sent to you", "emailed to you on {date}. Use the newer link.", "spam folder"),
    "nb": ("Du har fått en nyere lenke", "sendt til deg på e-post den {date}. Bruk den nye lenken.", "søppelpost"),
    "nn": ("Du har fått ei nyare lenkje", "vart sendt til deg på e-post den {date}. Bruk den nye lenkja.", "søppel"),
}


@pytest.mark.parametrize("locale", sorted(REPLACED_BY_EMAIL))
def test_a_replaced_link_says_a_newer_one_was_emailed_and_when(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock, locale: str
) -> None:
    old = _made(client, creds, email={"to": MEMBER})
    clock.advance(1800)
    sent_at = clock()
    new = _made(client, creds, email={"to": CORRECTED}, replaces=old["linkId"])
    heading, message, spam = REPLACED_BY_EMAIL[locale]
    for post in (False, True):  # opened now, or Continue pressed on a page opened before the replacement
        status, html = _page(client, old, locale, post=post)
        text = _text(html)
        assert (status, _state(html)) == (410, "replaced")
        assert f"<title>{heading}</title>" in html
        assert message.format(date=_when(svc, new, sent_at, locale)) in text
        assert spam in text
        assert not any(ask in text for ask in ASK_AGAIN)
        # Never where the newer link went (it may have been sent to a corrected address), nor which link it is.
        assert "k***@example.no" not in text
        assert "o***@example.no" not in text
        assert new["linkId"] not in html


def test_a_replaced_link_points_at_the_newest_of_its_chain(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    first = _made(client, creds, email={"to": MEMBER})
    second = _made(client, creds, email={"to": MEMBER}, replaces=first["linkId"])
    clock.advance(1500)
    newest_sent = clock()
    _made(client, creds, email={"to": MEMBER}, replaces=second["linkId"])
    for old in (first, second):
        text = _text(_page(client, old)[1])
        assert f"emailed to you on {_when(svc, first, newest_sent, 'en')}" in text


def test_a_link_replaced_by_one_not_emailed_says_to_use_the_newest(client: FlaskClient, creds: dict[str, Any]) -> None:
    old = _made(client, creds, "exorlive-main")
    _made(client, creds, "exorlive-main", replaces=old["linkId"])
    for locale, words in {
        "en": "This link was replaced by a newer one. Use the newest link you have been given.",
        "nb": "Denne lenken er erstattet av en nyere. Bruk den nyeste lenken du har fått.",
        "nn": "Denne lenkja er bytt ut med ei nyare. Bruk den nyaste lenkja du har fått.",
    }.items():
        status, html = _page(client, old, locale)
        assert (status, _state(html)) == (410, "replaced")
        assert words in _text(html)
        assert "spam" not in _text(html)


def test_when_the_newest_link_was_withdrawn_too_the_page_says_ask_for_a_new_one(
    client: FlaskClient, creds: dict[str, Any]
) -> None:
    old = _made(client, creds, email={"to": MEMBER})
    new = _made(client, creds, email={"to": MEMBER}, replaces=old["linkId"])
    client.post(f"/api/v1/links/{new['linkId']}/revoke", headers=bearer(creds["adminApiKey"]))
    status, html = _page(client, old)
    assert (status, _state(html)) == (410, "revoked")
    assert "Whoever sent it has withdrawn it. Ask for a new one." in _text(html)


def test_a_link_revoked_without_a_replacement_still_says_withdrawn(client: FlaskClient, creds: dict[str, Any]) -> None:
    link = _made(client, creds, "exorlive-main")
    client.post(f"/api/v1/links/{link['linkId']}/revoke", headers=bearer(creds["adminApiKey"]))
    status, html = _page(client, link)
    assert (status, _state(html)) == (410, "revoked")


# --- expired, already renewed --------------------------------------------------------------------
ALREADY_RENEWED = {
    "en": (
        "We have sent you a new link",
        "This link has expired. On {date} we emailed a new one to the address it was sent to: o***@example.no",
        "Look for it in your inbox. If it is not there, check your spam folder.",
    ),
    "nb": (
        "Vi har sendt deg en ny lenke",
        "Denne lenken har utløpt. Den {date} sendte vi en ny lenke til e-postadressen denne ble sendt til: "
        "o***@example.no",
        "Se etter lenken i innboksen din. Finner du den ikke der, kan du se i søppelpostmappen.",
    ),
    "nn": (
        "Vi har sendt deg ei ny lenkje",
        "Denne lenkja har gått ut. Den {date} sende vi ei ny lenkje til e-postadressa denne vart sendt til: "
        "o***@example.no",
        "Sjå etter lenkja i innboksen din. Finn du ho ikkje der, kan du sjå i søppelpostmappa.",
    ),
}


@pytest.mark.parametrize("locale", sorted(ALREADY_RENEWED))
def test_an_expired_link_already_renewed_says_where_the_new_one_went(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock, locale: str
) -> None:
    old = _made(client, creds, email={"to": MEMBER}, expireIn=1)
    clock.advance(120)
    renewed_at = clock()
    assert client.post(f"{link_path(old)}/renew", headers=FROM_ITS_PAGE).status_code == 200
    clock.advance(600)  # the member comes back to the old mail later
    heading, message, spam = ALREADY_RENEWED[locale]
    for post in (False, True):
        status, html = _page(client, old, locale, post=post)
        text = _text(html)
        assert (status, _state(html)) == (410, "already_renewed")
        assert f"<title>{heading}</title>" in html
        assert message.format(date=_when(svc, old, renewed_at, locale)) in text
        assert spam in text
        assert 'data-testid="renew"' not in html
        assert not any(ask in text for ask in ASK_AGAIN)
        assert MEMBER not in html


# --- used, from a button -------------------------------------------------------------------------
TAP_AGAIN = {
    "en": "Each link works only once. Go back to where you opened it and tap the button again.",
    "nb": "Hver lenke kan bare brukes én gang. Gå tilbake dit du åpnet lenken, og trykk på knappen igjen.",
    "nn": "Kvar lenkje kan berre brukast éin gong. Gå tilbake dit du opna lenkja, og trykk på knappen igjen.",
}


@pytest.mark.parametrize("locale", sorted(TAP_AGAIN))
def test_a_used_link_that_was_not_emailed_says_tap_the_button_again(
    client: FlaskClient, creds: dict[str, Any], locale: str
) -> None:
    # An app's link, opened at once (it submits itself): the member pressed Back, or reloaded after signing in.
    short = generate(client, creds, "exorlive-main", key="apiKey").get_json()
    link_path(short)
    assert client.post(link_path(short), headers=FROM_ITS_PAGE).status_code == 200
    for post in (False, True):
        status, html = _page(client, short, locale, post=post)
        assert (status, _state(html)) == (410, "used")
        assert TAP_AGAIN[locale] in _text(html)
        assert not any(ask in _text(html) for ask in ASK_AGAIN)


def test_a_used_emailed_link_still_says_ask_for_a_new_one(client: FlaskClient, creds: dict[str, Any]) -> None:
    emailed = _made(client, creds, email={"to": MEMBER})
    assert client.post(link_path(emailed), headers=FROM_ITS_PAGE).status_code == 303
    status, html = _page(client, emailed)
    assert (status, _state(html)) == (410, "used")
    assert "Each link works only once. Ask for a new one." in _text(html)


def test_the_refresh_url_still_wins_over_tapping_again(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    update_profile(svc, devseed.DEV_TENANT, "exorlive-go", refresh_url=f"{creds['sandboxUrl']}/sso/start")
    used = _made(client, creds, expireIn=10)
    assert client.post(link_path(used), headers=FROM_ITS_PAGE).status_code == 303
    html = _page(client, used)[1]
    assert 'data-testid="refresh"' in html
    assert "You can get a new link where you opened this one." in _text(html)


def test_a_use_lost_to_a_use_given_back_says_try_again_not_a_500(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two tabs: this one lost the race, the winner's relying party failed and gave the use back."""
    link = _made(client, creds, "exorlive-main")
    monkeypatch.setattr(svc.minter, "launch", lambda *_: Launch(LinkState.USABLE))
    status, html = _page(client, link, "nb", post=True)
    assert (status, _state(html)) == (503, "unavailable")
    assert "Lenken din virker fortsatt" in _text(html)
