"""Browser fixtures: Debian's headless Chromium (/usr/bin/chromium) driven by Playwright's sync API.

`make test` installs the browser first (scripts/install-browser). Playwright's own browser builds are
never used (`playwright install` downloads them, and downloads fail here): every launch names
Debian's executable. Every test in this folder gets the `browser` marker, so `pytest -m browser`
runs only these and `pytest -m "not browser"` skips them.

Fixtures:
- `browser` (session): one Chromium for the whole run.
- `context` (function): a fresh, isolated browser context (own cookies and storage), closed after the test.
- `live` (function): the broker, the sandbox RP and a mail server over real HTTP on loopback.
- `page` (function): a page in that context. When a test using it fails, a screenshot is saved in the
  test's tmp_path and its path printed with the failure, with the page's console messages and errors.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from service.wiring import services
from tests.support.apps import build_app, seed_dev
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, PAGE_WATCH, TIMEOUT_MS, PageWatch
from tests.support.clock import Clock
from tests.support.ports import free_port
from tests.support.servers import serve_sandbox, serve_wsgi
from tests.support.smtp import Collector

HERE = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's headless Chromium through Playwright (tests/e2e)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(_playwright: Playwright) -> Iterator[Browser]:
    """One headless Debian Chromium for the session."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install-browser` (as root), or `make test`")
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser context: no cookies or storage shared with any other test."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, request: pytest.FixtureRequest, tmp_path: Path) -> Page:
    """A new page in the test's own context (closed with the context)."""
    page = context.new_page()
    watch = PageWatch(page=page, directory=tmp_path)

    def on_console(message: ConsoleMessage) -> None:
        watch.log.append(f"console.{message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.log.append(f"pageerror: {error}"))
    request.node.stash[PAGE_WATCH] = watch
    return page


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """On a failed test that used `page`: a screenshot in its tmp_path, and the page's console, in the report."""
    report: pytest.TestReport = yield
    watch = item.stash.get(PAGE_WATCH, None)
    if watch is None or report.when != "call" or not report.failed:
        return report
    if not watch.page.is_closed():
        path = watch.directory / "failure.png"
        try:
            watch.page.screenshot(path=path, full_page=True, timeout=5_000)
            report.sections.append(("browser screenshot", f"{path} (page at {watch.page.url})"))
        except PlaywrightError as exc:
            report.sections.append(("browser screenshot", f"not taken: {exc.message}"))
    if watch.log:
        report.sections.append(("browser console", "\n".join(watch.log)))
    return report


@pytest.fixture
def live(
    config: dict[str, Any], tmp_path: Path, inbox: tuple[Collector, int], clock: Clock
) -> Iterator[dict[str, Any]]:
    """The broker, the sandbox RP and a mail server, each on its own loopback port, wired as `make run` wires them.

    The broker runs on the test's `clock`, which a test moves forward to let links expire.
    """
    broker_port = free_port()
    base = f"http://127.0.0.1:{broker_port}"
    smtp = f"smtp://127.0.0.1:{inbox[1]}?from=broker%40broker.test"
    app = build_app({**config, "PUBLIC_BASE_URL": base, "SMTP_URL": smtp}, clock=clock)
    svc = services(app)
    with serve_sandbox(f"{base}/.well-known/jwks.json", base) as sandbox:
        creds = seed_dev(app, str(tmp_path), sandbox)
        with serve_wsgi(app, broker_port):
            yield {"base": base, "sandbox": sandbox, "creds": creds, "svc": svc, "inbox": inbox[0], "clock": clock}
