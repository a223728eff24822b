"""The partner console in Chromium: sign in from the emailed link, see the links the API made, revoke one; a
viewer cannot revoke and a POST without the CSRF token is refused; axe-core finds nothing serious on any
console page, in nb and en, on a phone and a desktop.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of every audited console page.
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

OWNER = devseed.DEV_CONSOLE_OWNER
VIEWER = "viewer@dev.example"
LOCALES = ("nb", "en")
MEMBER = {"to": "babyyoda@galaxy.com"}

# A form the page did not make (no CSRF token, or the page's token), posted from the console's own origin.
_POST = """([action, token]) => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = action;
    if (token) {
        const field = document.createElement("input");
        field.type = "hidden";
        field.name = "csrf_token";
        field.value = token;
        form.appendChild(field);
    }
    document.body.appendChild(form);
    form.submit();
}"""


def _link(live: dict[str, Any]) -> str:
    """A new emailed ExorLive Go link, made over the API: its id."""
    return str(mint(live, "exorlive-go", key="adminApiKey", expireIn=600, email=MEMBER)["linkId"])


def _state(live: dict[str, Any], link_id: str) -> str:
    svc: Services = live["svc"]
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    return str(svc.links.detail(tenant.id, link_id)["state"])


def _ask_for_link(live: dict[str, Any], page: Page, address: str) -> Response | None:
    """Ask for a sign-in mail on the sign-in page; the answer ("Check your email")."""
    page.goto(f"{live['base']}/console/sign-in")
    page.get_by_label(page.locator("label[for=email]").inner_text()).fill(address)
    with page.expect_navigation() as navigation:
        page.get_by_test_id("send-link").click()
    return navigation.value


def _open_mailed_link(live: dict[str, Any], page: Page, before: int) -> Response | None:
    """Wait for the sign-in mail and open its link (the Continue page)."""
    wait_for_mails(live["svc"], live["inbox"], before + 1)
    return page.goto(f"{live['base']}{sign_in_path(live['inbox'])}")


def _sign_in(live: dict[str, Any], page: Page, address: str) -> None:
    before = len(live["inbox"].envelopes)
    _ask_for_link(live, page, address)
    _open_mailed_link(live, page, before)
    with page.expect_navigation():
        page.get_by_test_id("continue").click()
    assert page.url == f"{live['base']}/console"


def test_an_owner_signs_in_from_the_mail_sees_a_link_usable_and_revokes_another(
    live: dict[str, Any], page: Page
) -> None:
    kept, revoked = _link(live), _link(live)
    before = len(live["inbox"].envelopes)
    _ask_for_link(live, page, OWNER)
    expect(page.locator("h1")).to_have_text("Check your email")
    _open_mailed_link(live, page, before)
    assert "console" not in {cookie["name"] for cookie in page.context.cookies()}  # opening the link signs no one in
    page.get_by_test_id("continue").click()
    expect(page.locator("h1")).to_have_text("Mos Espa Physio")

    page.get_by_role("link", name="Links", exact=True).click()
    row = page.locator(f'[data-testid=link][data-link-id="{kept}"]')
    expect(row.get_by_test_id("state")).to_have_text("Usable")
    expect(row).to_contain_text("b***@galaxy.com")
    expect(page.locator("main")).not_to_contain_text("babyyoda")

    page.locator(f'[data-link-id="{revoked}"] a').click()
    page.get_by_test_id("revoke").click()
    expect(page.get_by_test_id("state")).to_have_text("Revoked")
    expect(page.get_by_test_id("events")).to_contain_text("Revoked")
    expect(page.get_by_test_id("revoke")).to_have_count(0)
    assert _state(live, revoked) == "revoked"
    assert _state(live, kept) == "usable"

    page.goto(f"{live['base']}/console/links?state=revoked")
    expect(page.locator(f'[data-link-id="{revoked}"]')).to_have_count(1)
    expect(page.locator(f'[data-link-id="{kept}"]')).to_have_count(0)


def test_a_viewer_cannot_revoke(live: dict[str, Any], page: Page) -> None:
    link_id = _link(live)
    svc: Services = live["svc"]
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    svc.console.users.add(tenant.id, VIEWER, Role.VIEWER)
    _sign_in(live, page, VIEWER)
    page.goto(f"{live['base']}/console/links/{link_id}")
    expect(page.get_by_test_id("state")).to_have_text("Usable")
    expect(page.get_by_test_id("revoke")).to_have_count(0)
    # The button is not there; a form made by hand, with the page's own CSRF token, is refused all the same.
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    with page.expect_navigation() as navigation:
        page.evaluate(_POST, [f"/console/links/{link_id}/revoke", token])
    response = navigation.value
    assert response is not None
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("You may not do that")
    assert _state(live, link_id) == "usable"


def test_a_post_without_the_csrf_token_is_refused(live: dict[str, Any], page: Page) -> None:
    link_id = _link(live)
    _sign_in(live, page, OWNER)
    page.goto(f"{live['base']}/console/links/{link_id}")
    with page.expect_navigation() as navigation:
        page.evaluate(_POST, [f"/console/links/{link_id}/revoke", None])
    response = navigation.value
    assert response is not None
    assert response.status == 400
    expect(page.locator("h1")).to_have_text("This form has expired")
    assert _state(live, link_id) == "usable"
    # Still signed in: the refused form ended nothing.
    page.goto(f"{live['base']}/console")
    assert page.url == f"{live['base']}/console"


def _session_cookie(page: Page) -> str | None:
    return next((c["value"] for c in page.context.cookies() if c["name"] == "console"), None)


def test_a_session_cookie_from_before_sign_in_is_not_the_one_after_it(live: dict[str, Any], page: Page) -> None:
    _sign_in(live, page, OWNER)
    first = _session_cookie(page)
    assert first
    # Signing in again in the same browser (a planted or an old session cookie) ends that session.
    _sign_in(live, page, OWNER)
    second = _session_cookie(page)
    assert second
    assert second != first
    svc: Services = live["svc"]
    assert svc.console.sessions.resolve(first) is None
    assert svc.console.sessions.resolve(second) is not None
    # The old cookie, put back by hand, opens nothing.
    page.context.add_cookies([{"name": "console", "value": first, "url": live["base"]}])
    page.goto(f"{live['base']}/console/links")
    assert page.url == f"{live['base']}/console/sign-in"


def test_a_session_past_its_idle_timeout_goes_back_to_sign_in(live: dict[str, Any], page: Page) -> None:
    svc: Services = live["svc"]
    idle = svc.settings.console.idle_seconds
    _sign_in(live, page, OWNER)
    live["clock"].advance(idle - 60)
    page.goto(f"{live['base']}/console/links")  # used within the idle time: still signed in, and kept alive
    assert page.url == f"{live['base']}/console/links"
    live["clock"].advance(idle - 60)
    page.goto(f"{live['base']}/console")
    assert page.url == f"{live['base']}/console"
    live["clock"].advance(idle + 1)
    page.goto(f"{live['base']}/console/links")
    assert page.url == f"{live['base']}/console/sign-in"
    expect(page.get_by_test_id("send-link")).to_be_visible()
    assert _session_cookie(page) is None  # the dead session's cookie is cleared


def test_on_a_phone_the_menu_is_one_disclosure_and_works_without_script(live: dict[str, Any], browser: Browser) -> None:
    phone = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = phone.new_page()
        _sign_in(live, page, OWNER)
        menu = page.get_by_role("navigation")
        expect(menu).to_have_count(1)  # the wide row of links is not displayed, so not announced
        expect(page.get_by_role("link", name="Links", exact=True)).to_have_count(0)  # closed
        page.locator(".menu-phone summary").click()
        with page.expect_navigation():
            page.get_by_role("link", name="Links", exact=True).click()
        assert page.url == f"{live['base']}/console/links"
        expect(page.get_by_test_id("sign-out")).to_be_visible()
    finally:
        phone.close()


# Each console page, in the order a session meets them, with its status.
PAGES = {
    "sign-in": 200,
    "check-your-mail": 200,
    "continue": 200,
    "home": 200,
    "links": 200,
    "link": 200,
    "forbidden": 403,
}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", LOCALES)
def test_every_console_page_passes_axe(live: dict[str, Any], browser: Browser, locale: str, viewport: str) -> None:
    svc: Services = live["svc"]
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    svc.console.users.add(tenant.id, VIEWER, Role.VIEWER)
    link_id, _ = _link(live), _link(live)
    found: dict[str, list[str]] = {}
    with audited_page(browser, locale, viewport) as page:
        check = page_checker(page, locale, viewport, PAGES, found)

        check("sign-in", page.goto(f"{live['base']}/console/sign-in"))
        before = len(live["inbox"].envelopes)
        check("check-your-mail", _ask_for_link(live, page, OWNER))
        check("continue", _open_mailed_link(live, page, before))
        with page.expect_navigation() as navigation:
            page.get_by_test_id("continue").click()
        check("home", navigation.value)
        check("links", page.goto(f"{live['base']}/console/links"))
        check("link", page.goto(f"{live['base']}/console/links/{link_id}"))  # with its Revoke button
        _sign_in(live, page, VIEWER)
        page.goto(f"{live['base']}/console/links/{link_id}")
        token = page.locator("input[name=csrf_token]").first.get_attribute("value")
        with page.expect_navigation() as navigation:
            page.evaluate(_POST, [f"/console/links/{link_id}/revoke", token])
        check("forbidden", navigation.value)
    assert found == {name: [] for name in PAGES}
