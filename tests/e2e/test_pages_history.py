"""Pages that know what already happened, in Chromium on a phone (390 x 844), in nb, nn and en, each passing axe:
a replaced link says a newer one was emailed (and when), an expired link already renewed says where the new one
went (check spam), and a used link that was not emailed says to go back and tap the button again.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of each page.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, Page, expect

from tests.support.accessibility import audited_page, keep_screenshot, serious_violations
from tests.support.links import FROM_ITS_PAGE
from tests.support.live import mint
from tests.support.privacy import WATCH

PHONE = "390x844"
MEMBER = "ola.nordmann@example.no"
CORRECTED = "kari.nordmann@example.no"
WATCH.watch(MEMBER, CORRECTED)
CLINIC = {"companyName": "Tatooine Physio", "contactEmail": "post@tatooine-physio.example"}
# What each new page says, per locale: its heading, and words of its message a reader must see.
SAYS = {
    "replaced": {
        "en": ("A newer link has been sent to you", "emailed to you on", "spam folder"),
        "nb": ("Du har fått en nyere lenke", "sendt til deg på e-post den", "søppelpostmappen"),
        "nn": ("Du har fått ei nyare lenkje", "vart sendt til deg på e-post den", "søppelpostmappa"),
    },
    "already_renewed": {
        "en": ("We have sent you a new link", "we emailed a new one to the address it was sent to", "spam folder"),
        "nb": ("Vi har sendt deg en ny lenke", "sendte vi en ny lenke til e-postadressen", "søppelpostmappen"),
        "nn": ("Vi har sendt deg ei ny lenkje", "sende vi ei ny lenkje til e-postadressa", "søppelpostmappa"),
    },
    "used": {
        "en": ("This link has already been used", "Go back to where you opened it and tap the button again.", ""),
        "nb": ("Denne lenken er allerede brukt", "Gå tilbake dit du åpnet lenken, og trykk på knappen igjen.", ""),
        "nn": ("Denne lenkja er allereie brukt", "Gå tilbake dit du opna lenkja, og trykk på knappen igjen.", ""),
    },
}
ASK_AGAIN = ("Ask for a new one", "Be om en ny", "Be om ei ny")


def _replaced(live: dict[str, Any], page: Page) -> None:
    """A link emailed to a mistyped address, replaced by the admin with one to the right address."""
    old = mint(live, "exorlive-go", key="adminApiKey", expireIn=600, email={"to": MEMBER, **CLINIC})
    corrected = {"to": CORRECTED, **CLINIC}
    mint(live, "exorlive-go", key="adminApiKey", expireIn=600, email=corrected, replaces=old["linkId"])
    page.goto(old["url"])


def _already_renewed(live: dict[str, Any], page: Page) -> None:
    """An emailed link that expired, whose member had it renewed, opened again from the old mail."""
    url = mint(live, "exorlive-go", key="adminApiKey", expireIn=1, email={"to": MEMBER, **CLINIC})["url"]
    live["clock"].advance(61)
    page.goto(url)
    page.get_by_test_id("renew").click()
    expect(page.get_by_test_id("recipient")).to_have_text("o***@example.no")
    page.goto(url)
    live["clock"].advance(-61)  # back in step with the relying party's clock, for the next test


def _used(live: dict[str, Any], page: Page) -> None:
    """An app's link, used (its page submitted itself), then opened again: Back, or the app's stale URL."""
    url = mint(live, "generic", key="adminApiKey", expireIn=600)["url"]
    assert requests.post(url, headers=FROM_ITS_PAGE, allow_redirects=False, timeout=10).status_code == 303
    page.goto(url)


OPEN = {"replaced": _replaced, "already_renewed": _already_renewed, "used": _used}


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_pages_that_know_what_happened_read_well_on_a_phone_and_pass_axe(
    live: dict[str, Any], browser: Browser, locale: str
) -> None:
    found: dict[str, list[str]] = {}
    with audited_page(browser, locale, PHONE) as page:
        for state, open_page in OPEN.items():
            open_page(live, page)
            heading, message, spam = SAYS[state][locale]
            expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", state)
            expect(page.get_by_test_id("link-state")).to_have_text(heading)
            expect(page.locator("html")).to_have_attribute("lang", locale)
            expect(page.get_by_test_id("message")).to_contain_text(message)
            text = page.locator("main").inner_text()
            assert spam in text, state
            assert not any(ask in text for ask in ASK_AGAIN), state
            assert MEMBER not in text, state
            assert CORRECTED not in text, state
            if state == "replaced":
                assert "k***@example.no" not in text  # never where the newer link went
            if state == "already_renewed":
                expect(page.get_by_test_id("recipient")).to_have_text("o***@example.no")
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, state  # no sideways scrolling
            keep_screenshot(page, f"history-{state}-{locale}-{PHONE}")
            found[state] = serious_violations(page)
    assert found == {state: [] for state in OPEN}
