"""The console's Send a link in Chromium (issue 23's "Done when"): an owner signs in from the dev mailbox's link,
sends an emailed ExorLive Go link in nb, finds it usable in Links, opens it from the mail and lands signed in at
the sandbox relying party, and Links then shows it used; Send again on another link replaces it; a QR code
scans to the link shown for copying. axe-core on each Send page in nb and en, on a phone and a desktop.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of every audited page.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Response, expect

from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.accessibility import VIEWPORTS, audited_page, page_checker
from tests.support.console import sign_in_path, wait_for_mails
from tests.support.live import mint
from tests.support.privacy import WATCH
from tests.support.qr import decode_svg

OWNER = devseed.DEV_CONSOLE_OWNER
MEMBER = "babyyoda@galaxy.com"
GO = {
    "organization_id": "ace615c2",
    "organization_name": "Tatooine",
    "contact_id": "2f3fb098",
    "contact_firstname": "Baby",
    "contact_lastname": "Yoda",
    "contact_ssn": "13116900216",
}


def _tenant(live: dict[str, Any]) -> int:
    svc: Services = live["svc"]
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _state(live: dict[str, Any], link_id: str) -> str:
    svc: Services = live["svc"]
    return str(svc.links.detail(_tenant(live), link_id)["state"])


def _sign_in(live: dict[str, Any], page: Page, address: str) -> Response | None:
    """Ask for a sign-in mail, open its link from the mailbox and press Continue: the console's home."""
    before = len(live["inbox"].envelopes)
    page.goto(f"{live['base']}/console/sign-in")
    page.locator("#email").fill(address)
    with page.expect_navigation():
        page.get_by_test_id("send-link").click()
    wait_for_mails(live["svc"], live["inbox"], before + 1)
    page.goto(f"{live['base']}{sign_in_path(live['inbox'])}")
    with page.expect_navigation() as navigation:
        page.get_by_test_id("continue").click()
    assert page.url == f"{live['base']}/console"
    return navigation.value


def _fill(page: Page, fields: dict[str, str], *, to: str | None = MEMBER, locale: str = "nb") -> None:
    for name, value in fields.items():
        page.locator(f"#{name}").fill(value)
    page.locator("#locale").select_option(locale)
    if to is None:
        page.locator("#delivery-1").check()  # the QR code and the link to copy
    else:
        page.locator("#delivery-0").check()
        page.locator("#to").fill(to)


def _send(page: Page) -> Response | None:
    with page.expect_navigation() as navigation:
        page.get_by_test_id("send").click()
    return navigation.value


def _mailed_link(live: dict[str, Any], page: Page) -> str:
    """The launch link in the newest mail, read as the member's mail program shows it."""
    page.set_content(str(live["inbox"].message(-1).get_body(preferencelist=("html",)).get_content()))
    href = page.locator('a[href*="/l/"]').first.get_attribute("href")
    assert href is not None
    WATCH.watch(href.rsplit("/", 1)[1])
    return href


def test_an_owner_sends_an_emailed_go_link_in_nb_the_member_uses_it_and_another_is_sent_again(
    live: dict[str, Any], page: Page
) -> None:
    _sign_in(live, page, OWNER)
    page.get_by_role("link", name="Send a link", exact=True).click()
    page.locator('[data-profile="exorlive-go"]').click()
    expect(page.locator("h1")).to_have_text("Send a link: ExorLive Go")
    _fill(page, GO)
    before = len(live["inbox"].envelopes)
    sent = _send(page)
    assert sent is not None
    assert sent.status == 200
    expect(page.get_by_test_id("sent")).to_contain_text("b***@galaxy.com")
    link_id = page.get_by_test_id("new-link").inner_text().split()[2]
    assert link_id.startswith("ln_")

    page.get_by_role("link", name="Links", exact=True).click()
    row = page.locator(f'[data-testid=link][data-link-id="{link_id}"]')
    expect(row.get_by_test_id("state")).to_have_text("Usable")
    expect(row).to_contain_text("b***@galaxy.com")

    # The member opens the mail (in Norwegian) and signs in at the sandbox relying party.
    wait_for_mails(live["svc"], live["inbox"], before + 1)
    href = _mailed_link(live, page)
    page.goto(href)
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    page.get_by_test_id("continue").click()
    expect(page.get_by_test_id("member")).to_have_text("Baby Yoda")
    assert _state(live, link_id) == "used"

    page.goto(f"{live['base']}/console/links")
    expect(page.locator(f'[data-link-id="{link_id}"]').get_by_test_id("state")).to_have_text("Used")

    # Send again on another link: the form asks again (the payload is sealed) and the old link stops working.
    other = str(mint(live, "exorlive-go", key="adminApiKey", expireIn=600, email={"to": MEMBER})["linkId"])
    page.goto(f"{live['base']}/console/links/{other}")
    page.get_by_test_id("send-again").click()
    expect(page.get_by_test_id("replaces")).to_contain_text(other)
    expect(page.locator("#contact_firstname")).to_have_value("")
    _fill(page, GO, locale="en")
    _send(page)
    expect(page.get_by_test_id("replaced")).to_contain_text(other)
    newest = page.get_by_test_id("new-link").inner_text().split()[2]
    assert _state(live, other) == "revoked"
    assert _state(live, newest) == "usable"
    page.goto(f"{live['base']}/console/links/{other}")
    expect(page.get_by_test_id("state")).to_have_text("Revoked")
    expect(page.get_by_test_id("events")).to_contain_text("Replaced")


def test_a_qr_code_scans_to_the_link_shown_for_copying_and_the_link_works(live: dict[str, Any], page: Page) -> None:
    _sign_in(live, page, OWNER)
    page.goto(f"{live['base']}/console/send?profile=exorlive-go")
    _fill(page, GO, to=None)
    _send(page)
    url = page.get_by_test_id("url").input_value()
    assert url.startswith(f"{live['base']}/l/")
    WATCH.watch(url.rsplit("/", 1)[1])
    svg = page.get_by_test_id("qr").inner_html()
    page.goto(url)
    page.get_by_test_id("continue").click()
    expect(page.get_by_test_id("member")).to_have_text("Baby Yoda")
    assert decode_svg(page.context.new_page(), svg) == [url]  # a blank page: the console's CSP allows no data: image


def test_the_national_id_check_is_shown_on_its_field(live: dict[str, Any], page: Page) -> None:
    _sign_in(live, page, OWNER)
    page.goto(f"{live['base']}/console/send?profile=exorlive-go")
    _fill(page, {**GO, "contact_ssn": "13116900217"})
    refused = _send(page)
    assert refused is not None
    assert refused.status == 422
    expect(page.get_by_test_id("error-contact_ssn")).to_contain_text("Norwegian national identity number")
    expect(page.locator("#contact_ssn")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#contact_firstname")).to_have_value("Baby")


# A form the page did not make, without a CSRF token, posted from the console's own origin.
_POST_WITHOUT_TOKEN = """(action) => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = action;
    document.body.appendChild(form);
    form.submit();
}"""


def test_a_viewer_gets_the_403_page_and_a_send_without_the_csrf_token_is_refused(
    live: dict[str, Any], page: Page
) -> None:
    svc: Services = live["svc"]
    svc.console.users.add(_tenant(live), "viewer@dev.example", Role.VIEWER)
    _sign_in(live, page, "viewer@dev.example")
    expect(page.get_by_role("link", name="Send a link", exact=True)).to_have_count(0)
    response = page.goto(f"{live['base']}/console/send?profile=exorlive-go")
    assert response is not None
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("You may not do that")

    _sign_in(live, page, OWNER)
    page.goto(f"{live['base']}/console/send?profile=exorlive-go")
    with page.expect_navigation() as navigation:
        page.evaluate(_POST_WITHOUT_TOKEN, "/console/send?profile=exorlive-go")
    refused = navigation.value
    assert refused is not None
    assert refused.status == 400
    expect(page.locator("h1")).to_have_text("This form has expired")
    assert svc.links.list(_tenant(live), 10) == []


# Each Send page, in the order a session meets them, with its status.
PAGES = {
    "send-pick": 200,
    "send-form": 200,
    "send-errors": 422,
    "sent-email": 200,
    "sent-qr": 200,
    "send-again": 200,
    "send-replaced": 409,
}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", ["nb", "en"])
def test_every_send_page_passes_axe(live: dict[str, Any], browser: Browser, locale: str, viewport: str) -> None:
    old = str(mint(live, "exorlive-go", key="adminApiKey", expireIn=600, email={"to": MEMBER})["linkId"])
    found: dict[str, list[str]] = {}
    with audited_page(browser, locale, viewport) as page:
        check = page_checker(page, locale, viewport, PAGES, found)

        _sign_in(live, page, OWNER)
        check("send-pick", page.goto(f"{live['base']}/console/send"))
        check("send-form", page.goto(f"{live['base']}/console/send?profile=exorlive-main"))
        page.goto(f"{live['base']}/console/send?profile=exorlive-go")
        _fill(page, {**GO, "contact_ssn": "123", "organization_id": ""}, to="not an address")
        check("send-errors", _send(page))
        _fill(page, GO)
        check("sent-email", _send(page))
        page.goto(f"{live['base']}/console/send?profile=exorlive-go")
        _fill(page, GO, to=None)
        response = _send(page)
        WATCH.watch(page.get_by_test_id("url").input_value().rsplit("/", 1)[1])
        check("sent-qr", response)
        check("send-again", page.goto(f"{live['base']}/console/send?profile=exorlive-go&replaces={old}"))
        _fill(page, GO)
        _send(page)
        page.goto(f"{live['base']}/console/send?profile=exorlive-go&replaces={old}")
        _fill(page, GO)
        check("send-replaced", _send(page))
    assert found == {name: [] for name in PAGES}
