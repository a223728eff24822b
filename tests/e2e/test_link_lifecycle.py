"""Links people can live with, in Chromium: a QR code that scans to the link, a replaced link's page, and an
emailed Norwegian link that its member renews by mail once it expired (its page then says where the new one went)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from playwright.sync_api import Browser, Page, expect

from service.links.launch_links import LinkState
from service.locales import format_datetime
from service.wiring import Services
from tests.support.live import link_state, mint
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH, database_dump
from tests.support.qr import decode_svg


def test_the_qr_code_scans_to_the_link_and_the_link_signs_in(live: dict[str, Any], page: Page) -> None:
    body = mint(live, "exorlive-go", qr=True)
    assert decode_svg(page, body["qrSvg"]) == [body["url"]]
    # Scanned on the phone: the page waits for the tap (a camera app's preview must not use the link).
    page.goto(body["url"])
    page.wait_for_load_state("networkidle")
    assert link_state(live, body["url"]) is LinkState.USABLE
    page.get_by_test_id("continue").click()
    page.wait_for_load_state("networkidle")
    assert link_state(live, body["url"]) is LinkState.USED


def test_a_replaced_link_says_a_newer_one_was_sent(live: dict[str, Any], page: Page) -> None:
    old = mint(live, "exorlive-main", key="adminApiKey", expireIn=120)
    new = mint(live, "exorlive-main", key="adminApiKey", expireIn=120, replaces=old["linkId"])
    page.goto(old["url"])
    expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "replaced")
    page.goto(new["url"])
    page.get_by_test_id("continue").click()
    expect(page.get_by_test_id("instructor")).to_have_text("Mando Lorian")


MEMBER = "babyyoda@galaxy.com"
CLINIC = {"to": MEMBER, "companyName": "Tatooine Physio", "contactEmail": "post@tatooine-physio.example"}


def _mail_html(live: dict[str, Any], index: int = -1) -> str:
    return str(live["inbox"].message(index).get_body(preferencelist=("html",)).get_content())


def _link_in(page: Page, html: str) -> str:
    """Open a mail in the browser, as a member would, and the sign-in link it carries."""
    page.set_content(html)
    href = page.locator('a[href*="/l/"]').first.get_attribute("href")
    assert href is not None
    WATCH.watch(href.rsplit("/", 1)[1])
    return href


def test_an_emailed_bokmal_link_reads_norwegian_and_renews_once_by_mail(live: dict[str, Any], browser: Browser) -> None:
    svc: Services = live["svc"]
    body = mint(live, "exorlive-go", key="adminApiKey", expireIn=1, email=CLINIC, locale="nb")
    assert "token" not in body
    expires = dt.datetime.strptime(body["expiresAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    oslo_time = format_datetime(expires, "nb", "Europe/Oslo")
    # The member's browser prefers English: the link's own locale wins.
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    page = context.new_page()
    mail = _mail_html(live)
    for text in ("Logg inn", "ExorLive Go", "Tatooine Physio", oslo_time):
        assert text in mail, text
    first = _link_in(page, mail)
    page.goto(first)
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    expect(page.locator("h1")).to_have_text("Fortsett for å logge inn")
    expect(page.locator("main")).to_contain_text("ExorLive Go")
    expect(page.locator("main")).to_contain_text(oslo_time)
    expect(page.get_by_test_id("sender")).to_contain_text("Sendt av Tatooine Physio")
    expect(page.get_by_test_id("sender")).to_contain_text("post@tatooine-physio.example")
    assert "exorlive-go" not in page.content()

    live["clock"].advance(61)
    page.goto(first)
    expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "expired")
    expect(page.get_by_test_id("link-state")).to_have_text("Lenken har utløpt")
    page.get_by_test_id("renew").click()
    expect(page.get_by_test_id("link-state")).to_have_text("Sjekk e-posten din")
    expect(page.get_by_test_id("recipient")).to_have_text("b***@galaxy.com")
    assert len(live["inbox"].envelopes) == 2
    assert live["inbox"].envelopes[1].rcpt_tos == [MEMBER]

    second = _link_in(page, _mail_html(live))
    assert second != first
    # Back to the relying party's time (it checks `iat` against its own clock); the new link is young enough.
    live["clock"].advance(-61)
    page.goto(second)
    page.get_by_test_id("continue").click()
    expect(page.get_by_test_id("member")).to_have_text("Baby Yoda")
    page.goto(second)
    expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "used")
    # The first link was renewed once, the profile's count: its page offers no second renewal, and says where
    # the new link went.
    live["clock"].advance(61)
    page.goto(first)
    expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "already_renewed")
    expect(page.get_by_test_id("recipient")).to_have_text("b***@galaxy.com")
    expect(page.get_by_test_id("renew")).to_have_count(0)
    context.close()

    dump = database_dump(svc.db.engine)
    secrets = [first.rsplit("/", 1)[1], second.rsplit("/", 1)[1]]
    for value in (*SEED_PERSONAL_DATA, *CLINIC.values(), *secrets, "Baby Yoda"):
        assert value not in dump, value
