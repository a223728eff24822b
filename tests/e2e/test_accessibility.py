"""Accessibility with axe-core in Chromium: every launch page and the link mail, in nb, nn and en, on a phone
(390 x 844) and a desktop (1280 x 800), without a serious or critical violation of WCAG 2.2 AA.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of every audited page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, Page

from service.dev import seed as devseed
from service.email.message import compose
from service.links.models import LaunchLink
from service.profiles.setup import update_profile
from service.wiring import Services
from tests.support.accessibility import VIEWPORTS, audited_page, contrast, keep_screenshot, serious_violations
from tests.support.faults import lost_connection
from tests.support.links import FROM_ITS_PAGE
from tests.support.live import mint
from tests.support.mail import NOW, SENDER, html_of, link_mail

LOCALES = ("nb", "nn", "en")
# Each page a launch link can show, with its status; "signing_in" posts the token on to the relying party.
STATES = {
    "continue": 200,
    "signing_in": 200,
    "unknown": 404,
    "expired": 410,
    "used": 410,
    "revoked": 410,
    "cross_site": 403,
    "unavailable": 503,
    "renewable": 410,
    "renewed": 200,
    "replaced": 410,
    "already_renewed": 410,
}
# The clinic's mail: its name and contact address appear on the pages of the link.
CLINIC = {"to": "babyyoda@galaxy.com", "companyName": "Tatooine Physio", "contactEmail": "post@tatooine.example"}


def _link(live: dict[str, Any], profile: str = "exorlive-main") -> str:
    """A launch link that waits for a click (it never submits itself)."""
    return str(mint(live, profile, expireIn=600, key="adminApiKey")["url"])


def _public_id(svc: Services, url: str) -> str:
    _state, opened = svc.links.open(url.rsplit("/", 1)[1])
    assert opened is not None
    return opened.record.public_id


def _expire(svc: Services, url: str) -> None:
    with svc.db.session() as session:
        session.query(LaunchLink).filter_by(public_id=_public_id(svc, url)).update(
            {"expires_at": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)}
        )


def _renewable(live: dict[str, Any]) -> str:
    """An emailed link that expired: its page offers "Email me a new link"."""
    url = str(mint(live, "exorlive-go", expireIn=600, key="adminApiKey", email=CLINIC)["url"])
    _expire(live["svc"], url)
    return url


def _stale_links(live: dict[str, Any]) -> dict[str, str]:
    """One expired (whose page offers the profile's refresh URL), one used and one revoked link: URLs by state."""
    svc: Services = live["svc"]
    update_profile(svc, devseed.DEV_TENANT, "exorlive-main", refresh_url=f"{live['sandbox']}/start")
    expired, used, revoked = _link(live), _link(live, "generic"), _link(live)
    _expire(svc, expired)
    svc.links.revoke(None, _public_id(svc, revoked))
    # Used from its own page; the redirect to the relying party (and its token) is not followed.
    assert requests.post(used, headers=FROM_ITS_PAGE, allow_redirects=False, timeout=10).status_code == 303
    return {"expired": expired, "used": used, "revoked": revoked, "unknown": f"{live['base']}/l/{'A' * 43}"}


def _open(page: Page, state: str, live: dict[str, Any], stale: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> int:
    """Bring the page to `state`; the HTTP status of what it shows."""
    if state in stale:
        response = page.goto(stale[state])
    elif state == "continue":
        response = page.goto(_link(live))
    elif state == "renewable":
        response = page.goto(_renewable(live))
    elif state == "renewed":
        page.goto(_renewable(live))
        with page.expect_navigation() as navigation:
            page.get_by_test_id("renew").click()
        response = navigation.value
    elif state == "replaced":
        old = mint(live, "exorlive-go", expireIn=600, key="adminApiKey", email=CLINIC)
        mint(live, "exorlive-go", expireIn=600, key="adminApiKey", email=CLINIC, replaces=old["linkId"])
        response = page.goto(old["url"])
    elif state == "already_renewed":
        url = _renewable(live)
        page.goto(url)
        with page.expect_navigation():
            page.get_by_test_id("renew").click()
        response = page.goto(url)
    elif state == "unavailable":
        with monkeypatch.context() as patched:
            patched.setattr(live["svc"].stores.links, "link_by_hash", lost_connection)
            response = page.goto(_link(live))
    elif state == "cross_site":
        # A form on a page that is not the link's own (about:blank: another origin) posts to the link.
        page.goto("about:blank")
        page.set_content(f'<form id="elsewhere" method="post" action="{_link(live)}"></form>')
        with page.expect_navigation() as navigation:
            page.evaluate("document.getElementById('elsewhere').submit()")
        response = navigation.value
    else:
        # The relying party answers 204, so the browser stays on the broker's page that posted the token to it.
        page.route(f"{live['sandbox']}/**", lambda route: route.fulfill(status=204))
        page.goto(_link(live))
        # Its script submits at once, which can hold its load event back: "commit" is enough.
        with page.expect_request(f"{live['sandbox']}/**"), page.expect_navigation(wait_until="commit") as navigation:
            page.get_by_test_id("continue").click()
        response = navigation.value
    assert response is not None
    return response.status


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", LOCALES)
def test_every_launch_page_passes_axe(
    live: dict[str, Any], browser: Browser, monkeypatch: pytest.MonkeyPatch, locale: str, viewport: str
) -> None:
    stale = _stale_links(live)
    found: dict[str, list[str]] = {}
    with audited_page(browser, locale, viewport) as page:
        for state, status in STATES.items():
            assert _open(page, state, live, stale, monkeypatch) == status, state
            assert page.locator("html").get_attribute("lang") == locale, state
            keep_screenshot(page, f"page-{state}-{locale}-{viewport}")
            found[state] = serious_violations(page)
    assert found == {state: [] for state in STATES}


_FOCUS = """button => {
    const style = getComputedStyle(button);
    return {
        visible: button.matches(":focus-visible"),
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        offset: parseFloat(style.outlineOffset),
        ring: style.outlineColor,
        button: style.backgroundColor,
        card: getComputedStyle(button.closest("main")).backgroundColor,
    };
}"""


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_keyboard_focus_is_visible_and_the_card_keeps_its_margins(
    live: dict[str, Any], browser: Browser, viewport: str
) -> None:
    with audited_page(browser, "nb", viewport) as page:
        page.goto(_link(live))
        page.keyboard.press("Tab")
        focus = page.get_by_test_id("continue").evaluate(_FOCUS)
        keep_screenshot(page, f"focus-nb-{viewport}")
        assert focus["visible"]
        assert focus["style"] == "solid"
        assert focus["width"] >= 2
        assert focus["offset"] >= 2  # A gap of the card's white between the button and its ring.
        assert contrast(focus["ring"], focus["button"]) >= 3
        assert contrast(focus["ring"], focus["card"]) >= 3
        width = VIEWPORTS[viewport]["width"]
        card = page.locator("main").bounding_box()
        assert card is not None
        assert card["x"] >= 12
        assert width - (card["x"] + card["width"]) >= 12
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", LOCALES)
def test_the_link_mail_passes_axe(browser: Browser, locale: str, viewport: str) -> None:
    message = compose(link_mail(locale=locale, time_zone="Europe/Oslo"), SENDER, NOW)
    with audited_page(browser, locale, viewport) as page:
        page.set_content(html_of(message))
        assert page.locator("html").get_attribute("lang") == locale
        keep_screenshot(page, f"mail-{locale}-{viewport}")
        assert serious_violations(page) == []
