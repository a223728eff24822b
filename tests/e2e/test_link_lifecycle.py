"""Links people can live with, in Chromium: a QR code that scans to the link, and a replaced link's page."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from service.links.launch_links import LinkState
from tests.support.live import link_state, mint
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


def test_a_replaced_link_shows_the_revoked_page(live: dict[str, Any], page: Page) -> None:
    old = mint(live, "exorlive-main", key="adminApiKey", expireIn=120)
    new = mint(live, "exorlive-main", key="adminApiKey", expireIn=120, replaces=old["linkId"])
    page.goto(old["url"])
    expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "revoked")
    page.goto(new["url"])
    page.get_by_test_id("continue").click()
    expect(page.get_by_test_id("instructor")).to_have_text("Mando Lorian")
