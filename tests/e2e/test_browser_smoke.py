"""Smoke tests of the browser setup: Debian's Chromium, driven by Playwright, against a local HTTP server.

They prove what later end-to-end tests rely on: pages load from 127.0.0.1, a form POSTs back and the
result renders, and a strict Content-Security-Policy runs the nonce'd inline script and blocks the other.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import Page, expect

NONCE = "abc"
FORM_PAGE = """<!doctype html>
<html><head><title>Form</title></head><body>
<form method="post" action="/submit">
  <input name="greeting" value="hello from chromium">
  <button type="submit" id="send">Send</button>
</form>
</body></html>
"""
RESULT_PAGE = """<!doctype html>
<html><head><title>Received</title></head><body><p id="result">Received: {greeting}</p></body></html>
"""
CSP_PAGE = f"""<!doctype html>
<html><head><title>CSP</title></head><body>
<p id="nonced">not run</p>
<p id="plain">not run</p>
<script nonce="{NONCE}">
  window.violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.violations.push(e.effectiveDirective));
  document.getElementById("nonced").textContent = "ran";
</script>
<script>document.getElementById("plain").textContent = "ran";</script>
</body></html>
"""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    posts: list[dict[str, list[str]]]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 5  # an idle connection (a browser's preconnect) must not hold up shutdown for long

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output is the report."""

    def _send(self, body: str, status: HTTPStatus = HTTPStatus.OK, headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/":
            self._send(FORM_PAGE)
        elif self.path == "/csp":
            self._send(CSP_PAGE, headers={"Content-Security-Policy": f"script-src 'nonce-{NONCE}'"})
        elif self.path == "/no-csp":
            self._send(CSP_PAGE)
        else:
            self._send("<!doctype html><p>not found</p>", HTTPStatus.NOT_FOUND)

    def do_POST(self) -> None:
        if self.path != "/submit":
            self._send("<!doctype html><p>not found</p>", HTTPStatus.NOT_FOUND)
            return
        length = int(self.headers.get("Content-Length", "0"))
        form = parse_qs(self.rfile.read(length).decode())
        self.server.posts.append(form)
        greeting = html.escape(form.get("greeting", [""])[0])
        self._send(RESULT_PAGE.format(greeting=greeting))


@dataclass
class LocalSite:
    url: str
    posts: list[dict[str, list[str]]]


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """The test pages, served by a thread on a free port of 127.0.0.1."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.posts = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield LocalSite(url=f"http://{host}:{port}", posts=server.posts)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_form_post_round_trip(site: LocalSite, page: Page) -> None:
    page.goto(f"{site.url}/")
    expect(page).to_have_title("Form")

    with page.expect_navigation():
        page.click("#send")

    assert site.posts == [{"greeting": ["hello from chromium"]}]
    assert page.url == f"{site.url}/submit"
    expect(page.locator("#result")).to_have_text("Received: hello from chromium")


def test_strict_csp_runs_only_the_nonced_script(site: LocalSite, page: Page) -> None:
    page.goto(f"{site.url}/csp")

    expect(page.locator("#nonced")).to_have_text("ran")
    expect(page.locator("#plain")).to_have_text("not run")
    # Blocked by the policy, not by some other failure: Chromium reports the violation.
    page.wait_for_function("window.violations.length > 0")
    assert page.evaluate("window.violations") == ["script-src-elem"]


def test_without_csp_both_inline_scripts_run(site: LocalSite, page: Page) -> None:
    """The control for the CSP test: the same page without the header runs both scripts."""
    page.goto(f"{site.url}/no-csp")

    expect(page.locator("#nonced")).to_have_text("ran")
    expect(page.locator("#plain")).to_have_text("ran")
    assert page.evaluate("window.violations") == []
