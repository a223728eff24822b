"""End to end in headless Chromium: generateJWT, open `url`, land signed in at the sandbox relying party.

The broker and the sandbox run over real HTTP on loopback; the sandbox verifies every token against
the broker's JWKS, fetched over HTTP, with the shared verifier and its replay cache.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from playwright.sync_api import Page, expect

from service.links.launch_links import LinkState
from tests.support.live import link_state, mint


def test_form_profile_link_signs_the_instructor_in_with_the_contact_in_focus(live: dict[str, Any], page: Page) -> None:
    body = mint(live, "exorlive-main")
    assert body["url"].startswith(live["base"] + "/l/")
    page.goto(body["url"])
    # An app link submits itself, then the broker's page form-POSTs the fresh token to the RP.
    expect(page.get_by_test_id("instructor")).to_have_text("Mando Lorian")
    expect(page.get_by_test_id("contact")).to_have_text("Baby Yoda")
    expect(page.get_by_test_id("organization")).to_have_text("Tatooine")
    assert page.url == f"{live['sandbox']}/partner/dev/payload"


def test_exchange_profile_url_signs_the_member_in(live: dict[str, Any], page: Page) -> None:
    body = mint(live, "exorlive-go")
    assert body["url"].startswith(live["sandbox"] + "/session/")
    assert body["token"] not in body["url"]
    page.goto(body["url"])
    expect(page.get_by_test_id("member")).to_have_text("Baby Yoda")


def test_query_profile_url_lands_signed_in(live: dict[str, Any], page: Page) -> None:
    page.goto(mint(live, "generic")["url"])
    expect(page.get_by_test_id("generic-user")).to_have_text("u-123")
    assert "/session/" in page.url
    assert "jwt=" not in page.url


def test_a_replayed_token_is_refused_by_the_relying_party(live: dict[str, Any], page: Page) -> None:
    url = mint(live, "generic")["url"]
    page.goto(url)
    expect(page.get_by_test_id("generic-user")).to_have_text("u-123")
    page.goto(url)
    expect(page.get_by_test_id("rejected-rule")).to_have_text("replay")


@pytest.mark.parametrize("profile", ["exorlive-main", "exorlive-go", "generic"])
def test_a_long_lived_link_waits_for_a_click_then_works_once(live: dict[str, Any], page: Page, profile: str) -> None:
    url = mint(live, profile, expireIn=600, key="adminApiKey")["url"]
    assert url.startswith(live["base"] + "/l/")
    # A mail scanner: plain GETs and HEADs, then a browser that runs the page's scripts and clicks nothing.
    for _ in range(3):
        assert requests.get(url, timeout=5).status_code == 200
        assert requests.head(url, timeout=5).status_code == 200
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert page.url == url
    assert link_state(live, url) is LinkState.USABLE

    page.get_by_test_id("continue").click()
    landed = {"exorlive-main": "instructor", "exorlive-go": "member", "generic": "generic-user"}[profile]
    expect(page.get_by_test_id(landed)).to_be_visible()
    assert link_state(live, url) is LinkState.USED

    page.goto(url)
    expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "used")


def test_an_app_link_opened_twice_shows_the_used_page(live: dict[str, Any], page: Page) -> None:
    url = mint(live, "exorlive-main")["url"]
    page.goto(url)
    expect(page.get_by_test_id("instructor")).to_have_text("Mando Lorian")
    page.goto(url)
    expect(page.get_by_test_id("link-state")).to_have_text("This link has already been used")


def test_launch_pages_run_no_script_without_the_nonce(live: dict[str, Any], page: Page) -> None:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(mint(live, "exorlive-main", expireIn=600, key="adminApiKey")["url"])
    page.wait_for_load_state("networkidle")
    assert violations == []
    assert page.evaluate("document.scripts.length") == 0


def test_an_emailed_link_opens_from_the_mail_and_works_once(live: dict[str, Any], page: Page) -> None:
    body = mint(live, "exorlive-main", key="adminApiKey", expireIn=2880, email={"to": "babyyoda@galaxy.com"})
    assert body["emailSent"] is True
    message = live["inbox"].message()
    html = message.get_body(preferencelist=("html",)).get_content()
    # Open the mail itself in the browser and follow its link, as a member would.
    page.set_content(html)
    link = page.locator(f'a[href="{body["url"]}"]').first
    expect(link).to_be_visible()
    page.goto(link.get_attribute("href") or "")
    page.wait_for_load_state("networkidle")
    assert link_state(live, body["url"]) is LinkState.USABLE
    page.get_by_test_id("continue").click()
    expect(page.get_by_test_id("instructor")).to_have_text("Mando Lorian")
    expect(page.get_by_test_id("contact")).to_have_text("Baby Yoda")
    page.goto(body["url"])
    expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "used")
