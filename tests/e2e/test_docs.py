"""The broker explains itself with no internet: `/`, `/docs` and a problem's `type` page render in Chromium while
every request to a host other than loopback is blocked, and they pass axe-core (WCAG 2.2 AA) on a phone and a desktop.

Set A11Y_SCREENSHOTS=/some/folder to keep a screenshot of each page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from tests.support.accessibility import VIEWPORTS, audited_page, keep_screenshot, serious_violations

LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
# The developer pages, each with the text that proves it rendered.
PAGES = {
    "index": ("/", "SSO token broker"),
    "docs": ("/docs", "/api/v1/generateJWT"),
    "problems": ("/problems", "Errors"),
    "problem": ("/problems/validation_failed", "Validation failed"),
    "guides": ("/guides", "Launch links"),
    # The longest code blocks and tables of the guides a builder reads first.
    "guide-bubble": ("/guides/bubble", "The broker from Bubble"),
    "guide-api": ("/guides/api", "The partner API"),
}


class Offline:
    """Blocks every request to a host that is not loopback, and remembers which were tried."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route: Route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).hostname not in LOOPBACK:
            self.blocked.append(url)
            route.abort("internetdisconnected")
        else:
            route.continue_()


@contextlib.contextmanager
def offline(context: BrowserContext) -> Iterator[Offline]:
    watch = Offline()
    context.route("**/*", watch)
    yield watch


def _errors(page: Page) -> list[str]:
    """Console errors from now on (a CSP violation is one), collected into the returned list."""
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def test_the_index_renders_offline_and_links_the_docs(
    live: dict[str, Any], context: BrowserContext, page: Page
) -> None:
    with offline(context) as watch:
        errors = _errors(page)
        response = page.goto(live["base"] + "/")
        assert response is not None
        assert response.status == 200
        expect(page.get_by_role("heading", level=1)).to_have_text("SSO token broker")
        page.get_by_role("link", name="API reference").first.click()
        expect(page).to_have_url(live["base"] + "/docs")
    assert watch.blocked == []
    assert errors == []


def test_docs_render_offline_and_list_generate_jwt_with_its_fields(
    live: dict[str, Any], context: BrowserContext, page: Page
) -> None:
    with offline(context) as watch:
        errors = _errors(page)
        page.goto(live["base"] + "/docs")
        operation = page.locator("#operations-tokens-generateJWT")
        # Swagger UI parses the whole contract first: seconds on a loaded machine, so wait longer than the default.
        expect(operation).to_contain_text("/api/v1/generateJWT", timeout=30_000)
        operation.locator(".opblock-summary-control").click()
        # The request body's schema: the fields a caller sends.
        operation.get_by_role("tab", name="Schema").first.click()
        for field in ("profileKey", "payload", "expireIn", "verify", "redirect", "email"):
            expect(operation.locator(".model-box").first).to_contain_text(field)
    assert watch.blocked == []
    assert errors == []


def test_a_problems_type_opens_its_page(live: dict[str, Any], context: BrowserContext, page: Page) -> None:
    answer = requests.post(f"{live['base']}/api/v1/generateJWT", json={}, timeout=10)
    assert answer.status_code == 401
    problem_type = answer.json()["type"]
    assert problem_type == f"{live['base']}/problems/unauthorized"
    with offline(context) as watch:
        response = page.goto(problem_type)
        assert response is not None
        assert response.status == 200
        expect(page.get_by_test_id("problem-code")).to_have_text("unauthorized")
        expect(page.get_by_role("heading", level=1)).to_have_text("Unauthorized")
        expect(page.get_by_test_id("wrong")).to_contain_text("curl")
    assert watch.blocked == []


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_developer_pages_pass_axe(live: dict[str, Any], browser: Browser, viewport: str) -> None:
    found: dict[str, list[str]] = {}
    with audited_page(browser, "en", viewport) as page:
        for name, (path, text) in PAGES.items():
            page.goto(live["base"] + path)
            expect(page.locator("body")).to_contain_text(text)
            if name == "docs":
                # Open generateJWT and its "Try it out" form: what a reader sees after two clicks is checked too.
                operation = page.locator("#operations-tokens-generateJWT")
                operation.locator(".opblock-summary-control").click()
                operation.get_by_role("button", name="Try it out").click()
                expect(operation.locator("textarea.body-param__text")).to_be_visible()
            keep_screenshot(page, f"developer-{name}-{viewport}")
            found[name] = serious_violations(page)
            width = VIEWPORTS[viewport]["width"]
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways"
    assert found == {name: [] for name in PAGES}, found


def test_a_builder_finds_the_bubble_guide_from_the_index_and_follows_its_links_offline(
    live: dict[str, Any], browser: Browser
) -> None:
    """At 390 px, as on a phone: `/` → the Bubble guide → the link to links.md lands on its page, all offline."""
    with audited_page(browser, "en", "390x844") as page:
        with offline(page.context) as watch:
            errors = _errors(page)
            page.goto(live["base"] + "/")
            page.get_by_role("link", name="Building in Bubble").click()
            expect(page).to_have_url(live["base"] + "/guides/bubble")
            expect(page.get_by_role("heading", level=1)).to_have_text("The broker from Bubble")
            # The body of every payload kind is there, as a code block a keyboard can reach and scroll.
            blocks = page.locator("pre[tabindex='0'] code.language-json")
            expect(blocks.first).to_contain_text('"firstname": "Baby"')
            keep_screenshot(page, "guide-bubble-390x844")
            page.get_by_role("link", name="links.md").click()
            expect(page).to_have_url(live["base"] + "/guides/links")
            expect(page.get_by_role("heading", level=1)).to_have_text("Living with launch links")
            assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["390x844"]["width"]
            assert serious_violations(page) == []
        assert watch.blocked == []
        assert errors == []
