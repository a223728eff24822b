"""The console's Overview and Audit pages in Chromium: tokens minted over the API show in the Overview's table
and chart, the Audit page lists the mint and the sign-in, the CSV downloads; axe-core finds nothing serious on
either page, in nb and en, on a phone and a desktop.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of each page.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Response

from service.dev import seed as devseed
from service.wiring import Services
from tests.support.accessibility import VIEWPORTS, audited_page, keep_screenshot, serious_violations
from tests.support.console import sign_in_path, wait_for_mails
from tests.support.live import mint

OWNER = devseed.DEV_CONSOLE_OWNER


def _sign_in(live: dict[str, Any], page: Page) -> None:
    """Sign in as the dev owner from the mailed link's Continue button."""
    before = len(live["inbox"].envelopes)
    page.goto(f"{live['base']}/console/sign-in")
    page.locator("#email").fill(OWNER)
    with page.expect_navigation():
        page.get_by_test_id("send-link").click()
    wait_for_mails(live["svc"], live["inbox"], before + 1)
    page.goto(f"{live['base']}{sign_in_path(live['inbox'])}")
    with page.expect_navigation():
        page.get_by_test_id("continue").click()
    assert page.url == f"{live['base']}/console"


def _flushed(live: dict[str, Any]) -> None:
    svc: Services = live["svc"]
    assert svc.auditor.flush()


def test_minted_tokens_show_in_the_overview_and_the_audit_trail_which_downloads(
    live: dict[str, Any], page: Page
) -> None:
    for _ in range(3):
        mint(live, "generic")
    mint(live, "exorlive-go", key="adminApiKey", expireIn=600, email={"to": "babyyoda@galaxy.com"})
    _sign_in(live, page)
    _flushed(live)
    page.get_by_role("link", name="Overview").click()
    assert page.url == f"{live['base']}/console/overview"
    today = page.get_by_test_id("minted-table").locator("tbody tr").first
    assert today.get_by_test_id("total").inner_text() == "4"
    assert "generic · succeeded" in page.get_by_test_id("minted-table").locator("thead").inner_text()
    assert page.locator("[data-testid=link-counts] [data-state=usable] .number").inner_text() == "1"
    # The chart is an image that loads (pygal's SVG), with no script for the CSP to block. decode() waits for it:
    # a worker draws its first chart only after loading pygal, which may end after the page's own load.
    chart = page.locator("img.chart").first
    assert chart.evaluate("image => image.decode().then(() => image.naturalWidth > 0, () => false)")
    page.get_by_role("link", name="Audit").click()
    actions = page.get_by_test_id("event").evaluate_all("rows => rows.map(row => row.dataset.action)")
    assert actions[:2] == ["console.signed_in", "console.sign_in_sent"]
    assert actions.count("token.minted") == 4
    page.locator("#action").select_option("token.minted")
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    assert "action=token.minted" in page.url
    assert page.get_by_test_id("event").count() == 4
    with page.expect_download() as download:
        page.get_by_test_id("export").click()
    assert download.value.suggested_filename.startswith("audit-")
    path = download.value.path()
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [row["action"] for row in rows] == ["token.minted"] * 4
    assert {row["profile"] for row in rows} == {"generic", "exorlive-go"}
    assert "babyyoda" not in path.read_text(encoding="utf-8")


PAGES = {"overview": "/console/overview", "audit": "/console/audit"}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", ["nb", "en"])
def test_the_overview_and_audit_pages_pass_axe(
    live: dict[str, Any], browser: Browser, locale: str, viewport: str
) -> None:
    mint(live, "generic")
    mint(live, "exorlive-main")
    found: dict[str, list[str]] = {}
    with audited_page(browser, locale, viewport) as page:
        _sign_in(live, page)
        _flushed(live)
        for name, path in PAGES.items():
            response: Response | None = page.goto(f"{live['base']}{path}")
            assert response is not None
            assert response.status == 200, name
            assert page.locator("html").get_attribute("lang") == locale
            page.wait_for_load_state("load")
            keep_screenshot(page, f"console-{name}-{locale}-{viewport}")
            found[name] = serious_violations(page)
    assert found == {name: [] for name in PAGES}
