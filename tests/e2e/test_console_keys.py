"""The console's API keys and Users pages in Chromium: an owner signed in from the dev mailbox makes an API key
on the page and mints with it over the API, revokes it and the API refuses it; invites a user, whose mail
arrives and signs them in with the chosen role; axe-core finds nothing serious on either page or the new key's
page, in nb and en, on a phone and a desktop.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of every audited page.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, Page, Response, expect

from service.console.users import Role
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.accessibility import VIEWPORTS, audited_page, page_checker
from tests.support.api import SEED_PAYLOADS
from tests.support.console import sign_in_path, wait_for_mails
from tests.support.live import mint
from tests.support.privacy import WATCH

OWNER = devseed.DEV_CONSOLE_OWNER
INVITED = "physio@clinic.example"
LOCALES = ("nb", "en")


def _sign_in(live: dict[str, Any], page: Page, address: str) -> None:
    """Ask for the mail on the sign-in page, open its link, press Continue."""
    before = len(live["inbox"].envelopes)
    page.goto(f"{live['base']}/console/sign-in")
    page.locator("#email").fill(address)
    with page.expect_navigation():
        page.get_by_test_id("send-link").click()
    wait_for_mails(live["svc"], live["inbox"], before + 1)
    page.goto(f"{live['base']}{sign_in_path(live['inbox'])}")
    with page.expect_navigation():
        page.get_by_test_id("continue").click()
    assert page.url == f"{live['base']}/console"


def _create_key(page: Page, *scopes: str) -> Response | None:
    for scope in scopes:
        page.locator(f'input[name=scopes][value="{scope}"]').check()
    page.locator("#rate_limit").fill("100/minute")
    page.locator("#label").fill("Browser test")
    with page.expect_navigation() as navigation:
        page.get_by_test_id("create-key").click()
    return navigation.value


def _mint_status(live: dict[str, Any], api_key: str) -> int:
    response = requests.post(
        f"{live['base']}/api/v1/generateJWT",
        json={"profileKey": live["creds"]["profiles"]["exorlive-go"], "payload": SEED_PAYLOADS["exorlive-go"]},
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=10,
    )
    return response.status_code


def test_an_owner_makes_a_key_mints_with_it_and_revokes_it(live: dict[str, Any], page: Page) -> None:
    _sign_in(live, page, OWNER)
    page.get_by_role("link", name="API keys", exact=True).click()
    expect(page.locator("h1")).to_have_text("API keys")
    made = _create_key(page, "links:long")
    assert made is not None
    assert made.status == 200
    expect(page.locator("h1")).to_have_text("Your new API key")
    expect(page.locator("#once")).to_contain_text("it will not be shown again")
    api_key = page.get_by_test_id("new-api-key").input_value()
    WATCH.watch(api_key)
    assert api_key.startswith("tbk_")
    assert api_key not in page.url
    assert page.get_by_test_id("new-api-key").get_attribute("readonly") is not None

    body = mint({**live, "creds": {**live["creds"], "pageKey": api_key}}, "exorlive-go", key="pageKey")
    assert body["token"]

    page.get_by_role("link", name="Back to API keys").click()
    expect(page.locator("main")).not_to_contain_text(api_key)
    prefix = api_key[:12]
    row = page.locator(f'[data-testid=api-key][data-prefix="{prefix}"]')
    expect(row).to_contain_text("Last used")
    row.locator("a").click()
    page.get_by_test_id("revoke-key").click()
    expect(page.get_by_test_id("state")).to_have_text("Revoked")
    expect(page.get_by_test_id("revoke-key")).to_have_count(0)
    assert _mint_status(live, api_key) == 401


def test_an_invited_user_signs_in_from_the_mail_with_the_chosen_role(
    live: dict[str, Any], page: Page, browser: Browser
) -> None:
    WATCH.watch(INVITED)  # no log line may name the invited person
    _sign_in(live, page, OWNER)
    page.get_by_role("link", name="Users", exact=True).click()
    before = len(live["inbox"].envelopes)
    page.locator("#email").fill(INVITED)
    page.locator("#role-viewer").check()
    page.locator("#language").select_option("en")
    with page.expect_navigation():
        page.get_by_test_id("invite").click()
    expect(page.get_by_test_id("notice")).to_contain_text("We are emailing the invitation")
    expect(page.get_by_test_id("users")).to_contain_text(INVITED)
    wait_for_mails(live["svc"], live["inbox"], before + 1)
    mail = live["inbox"].message()
    assert mail["To"] == INVITED
    assert "invited" in mail["Subject"]

    invited = browser.new_context().new_page()
    invited.goto(f"{live['base']}{sign_in_path(live['inbox'])}")
    with invited.expect_navigation():
        invited.get_by_test_id("continue").click()
    assert invited.url == f"{live['base']}/console"
    expect(invited.locator("main")).to_contain_text("viewer")
    expect(invited.get_by_role("link", name="Users", exact=True)).to_have_count(0)
    expect(invited.get_by_role("link", name="API keys", exact=True)).to_have_count(0)
    refused = invited.goto(f"{live['base']}/console/users")
    assert refused is not None
    assert refused.status == 403
    invited.context.close()

    svc: Services = live["svc"]
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    user = svc.console.users.in_tenant(tenant.id, INVITED)
    assert user is not None
    assert user.role is Role.VIEWER


# Each page, with its status.
PAGES = {"api-keys": 200, "api-key-created": 200, "api-key": 200, "users": 200, "user": 200, "last-owner": 409}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", LOCALES)
def test_the_keys_and_users_pages_pass_axe(live: dict[str, Any], browser: Browser, locale: str, viewport: str) -> None:
    svc: Services = live["svc"]
    tenant = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT)
    svc.console.users.add(tenant.id, "viewer@dev.example", Role.VIEWER)
    found: dict[str, list[str]] = {}
    with audited_page(browser, locale, viewport) as page:
        check = page_checker(page, locale, viewport, PAGES, found)

        _sign_in(live, page, OWNER)
        check("api-keys", page.goto(f"{live['base']}/console/api-keys"))
        check("api-key-created", _create_key(page, "links:long", "links:email"))
        WATCH.watch(page.get_by_test_id("new-api-key").input_value())
        prefix = page.get_by_test_id("new-api-key").input_value()[:12]
        check("api-key", page.goto(f"{live['base']}/console/api-keys/{prefix}"))
        check("users", page.goto(f"{live['base']}/console/users"))
        owner = svc.console.users.in_tenant(tenant.id, OWNER)
        assert owner is not None
        check("user", page.goto(f"{live['base']}/console/users/{owner.public_id}"))
        with page.expect_navigation() as navigation:
            page.get_by_test_id("remove-user").click()
        check("last-owner", navigation.value)
    assert found == {name: [] for name in PAGES}
