"""Login CSRF in a real browser: a hostile page cannot make a visitor's Chromium use the attacker's link."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from prometheus_client import REGISTRY

from service.links.launch_links import LinkState
from tests.support.live import link_state, mint
from tests.support.ports import free_port
from tests.support.servers import serve_wsgi
from tests.support.waiting import wait_until

HOSTILE_PAGES = {
    # A top-level page that submits a form to the attacker's own link as soon as it loads.
    "auto-submit": '<form id="f" method="post" action="{link}"></form>'
    '<script>document.getElementById("f").submit()</script>',
    # A sandboxed frame (its requests carry Origin: null, like the broker's own no-referrer page).
    "sandboxed-frame": '<iframe sandbox="allow-forms allow-scripts" srcdoc="{frame}"></iframe>',
}


@pytest.fixture
def hostile(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """A page on another site (localhost, not 127.0.0.1) whose body is set by the test."""
    state: dict[str, Any] = {"body": ""}

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [state["body"].encode()]

    port = free_port()
    with serve_wsgi(app, port):
        state["url"] = f"http://localhost:{port}/"
        yield state


def _refused_cross_site() -> float:
    """How many uses the broker (in this process) has refused as not coming from the link's own page."""
    value = REGISTRY.get_sample_value("broker_launch_links_total", {"event": "refused", "state": "cross_site"})
    return value or 0.0


@pytest.mark.parametrize("kind", sorted(HOSTILE_PAGES))
def test_a_hostile_page_cannot_use_a_link(live: dict[str, Any], hostile: dict[str, Any], page: Page, kind: str) -> None:
    attackers_link = mint(live, "generic", expireIn=600, key="adminApiKey")["url"]
    frame = html.escape(HOSTILE_PAGES["auto-submit"].format(link=attackers_link), quote=True)
    hostile["body"] = HOSTILE_PAGES[kind].format(link=attackers_link, frame=frame)
    refused_before = _refused_cross_site()
    page.goto(hostile["url"])
    # The browser did send the POST (the broker refused it), and the link was not used.
    wait_until(lambda: _refused_cross_site() > refused_before, timeout=10, what="the hostile POST to be refused")
    assert link_state(live, attackers_link) is LinkState.USABLE
    if kind == "auto-submit":
        expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "cross_site")


def test_the_links_own_page_still_works_after_a_refused_attempt(
    live: dict[str, Any], hostile: dict[str, Any], page: Page
) -> None:
    link = mint(live, "generic", expireIn=600, key="adminApiKey")["url"]
    hostile["body"] = HOSTILE_PAGES["auto-submit"].format(link=link)
    page.goto(hostile["url"])
    expect(page.get_by_test_id("link-state")).to_have_attribute("data-state", "cross_site")
    page.goto(link)
    page.get_by_test_id("continue").click()
    expect(page.get_by_test_id("generic-user")).to_have_text("u-123")
    assert link_state(live, link) is LinkState.USED
