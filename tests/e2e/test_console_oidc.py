"""Console sign-in through the company's identity provider, in Chromium, against a real OpenID Connect provider
(Authlib's authorization server, tests/support/oidc_provider.py) on loopback: the address typed on the one sign-in
page leads there, its login page signs the person in, and the console opens with the tenant's default role and a
new session cookie; an address outside the allowed domains gets a 403 page and no session. axe-core checks the
page that goes on to the provider and the refusal pages in nb and en, on a phone and a desktop.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of every audited page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Response, expect

from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.accessibility import VIEWPORTS, audited_page, keep_screenshot, serious_violations
from tests.support.oidc_provider import CLIENT_ID, CLIENT_SECRET, OidcProvider, serve_oidc_provider

SECRET_ENV = "E2E_CONSOLE_IDP_SECRET"
LOCALES = ("nb", "en")


@pytest.fixture
def idp(live: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Iterator[OidcProvider]:
    """The provider, and the dev tenant's console set to sign clinic.example in through it (admins at first)."""
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    svc: Services = live["svc"]
    providers = svc.console.identity_providers
    with serve_oidc_provider(providers.redirect_uri) as provider:
        tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
        providers.set(
            tenant.id,
            issuer=provider.issuer,
            client_id=CLIENT_ID,
            secret_env=SECRET_ENV,
            secret_id=None,
            domains="clinic.example",
            default_role=Role.ADMIN,
        )
        yield provider


def _to_provider(live: dict[str, Any], page: Page, idp: OidcProvider, address: str) -> None:
    page.goto(f"{live['base']}/console/sign-in")
    page.locator("#email").fill(address)
    with page.expect_navigation(url=f"{idp.issuer}/authorize**"):
        page.get_by_test_id("send-link").click()
    expect(page.locator("h1")).to_have_text("Test identity provider")


def _log_in(page: Page, address: str | None = None) -> Response | None:
    """Press Sign in at the provider (with another address, if given); the console's answer."""
    if address is not None:
        page.locator("#email").fill(address)
    with page.expect_navigation(url="**/console**") as navigation:
        page.get_by_role("button", name="Sign in").click()
    return navigation.value


def _cookie(page: Page, name: str) -> str | None:
    return next((c["value"] for c in page.context.cookies() if c["name"] == name), None)


def test_sign_in_through_the_provider_lands_in_the_console_with_the_default_role_and_a_new_session(
    live: dict[str, Any], page: Page, idp: OidcProvider
) -> None:
    # A session id planted before sign-in (session fixation) is not the one after it.
    page.context.add_cookies([{"name": "console", "value": "planted-before-sign-in", "url": live["base"]}])
    _to_provider(live, page, idp, "ann@clinic.example")
    assert idp.last_authorize_args["code_challenge_method"] == "S256"
    expect(page.locator("#email")).to_have_value("ann@clinic.example")  # the login_hint
    seed_before = _cookie(page, "console-csrf")
    assert seed_before
    _log_in(page)
    assert page.url == f"{live['base']}/console"
    expect(page.locator("h1")).to_have_text(devseed.DEV_TENANT_DISPLAY_NAME)
    expect(page.locator("main")).to_contain_text("You are signed in as admin.")
    session_id = _cookie(page, "console")
    assert session_id
    assert session_id != "planted-before-sign-in"
    assert _cookie(page, "console-csrf") != seed_before
    signed_in = live["svc"].console.sessions.resolve(session_id)
    assert signed_in is not None
    assert signed_in.user.role is Role.ADMIN
    # The links page opens: a real session, not only a page.
    page.get_by_role("link", name="Links", exact=True).click()
    assert page.url.startswith(f"{live['base']}/console/links")


def test_an_existing_owner_keeps_the_role(live: dict[str, Any], page: Page, idp: OidcProvider) -> None:
    svc: Services = live["svc"]
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    svc.console.users.add(tenant.id, "boss@clinic.example", Role.OWNER)
    _to_provider(live, page, idp, "boss@clinic.example")
    _log_in(page)
    expect(page.locator("main")).to_contain_text("You are signed in as owner.")


def test_an_address_outside_the_allowed_domains_is_refused(live: dict[str, Any], page: Page, idp: OidcProvider) -> None:
    _to_provider(live, page, idp, "ann@clinic.example")
    response = _log_in(page, "ann@elsewhere.example")
    assert response is not None
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("This address may not sign in here")
    assert _cookie(page, "console") is None
    page.goto(f"{live['base']}/console")
    assert page.url == f"{live['base']}/console/sign-in"


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", LOCALES)
def test_the_refusal_pages_pass_axe(
    live: dict[str, Any], browser: Browser, idp: OidcProvider, locale: str, viewport: str
) -> None:
    found: dict[str, list[str]] = {}
    with audited_page(browser, locale, viewport) as page:

        def check(name: str, status: int, response: Response | None) -> None:
            assert response is not None, name
            assert response.status == status, name
            assert page.locator("html").get_attribute("lang") == locale, name
            keep_screenshot(page, f"console-oidc-{name}-{locale}-{viewport}")
            found[name] = serious_violations(page)

        # The page that goes on to the provider, held there (the provider's page does not load) to be audited.
        page.route(f"{idp.issuer}/authorize**", lambda route: route.fulfill(status=204))  # 204: the page stays
        page.goto(f"{live['base']}/console/sign-in")
        page.locator("#email").fill("ann@clinic.example")
        with page.expect_navigation(url="**/console/sign-in") as navigation:
            page.get_by_test_id("send-link").click()
        check("to-provider", 200, navigation.value)
        page.unroute(f"{idp.issuer}/authorize**")
        _to_provider(live, page, idp, "ann@clinic.example")
        check("domain-refused", 403, _log_in(page, "ann@elsewhere.example"))
        check("expired-state", 400, page.goto(page.url))  # the same answer again: its state was used
        _to_provider(live, page, idp, "ann@clinic.example")
        with page.expect_navigation(url="**/console**") as navigation:
            page.get_by_role("button", name="Cancel").click()
        check("denied", 403, navigation.value)
    assert found == {"to-provider": [], "domain-refused": [], "expired-state": [], "denied": []}
