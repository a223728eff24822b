"""Signing in to the partner console as a test would: ask for the mail, read its link, press Continue."""

from __future__ import annotations

import re
import time

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service.wiring import Services
from tests.support.smtp import Collector

_LINK = re.compile(r"https?://\S+(/console/sign-in/[A-Za-z0-9_-]{43})")
_TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def csrf_token(html: str) -> str:
    """The CSRF token of the first form in a page."""
    found = _TOKEN.search(html)
    assert found, html[:2000]
    return found.group(1) or found.group(2)


def wait_for_mails(svc: Services, collector: Collector, count: int, timeout: float = 10.0) -> None:
    """Wait until the console's mail pool has sent and the collector holds `count` mails."""
    for future in list(svc.console.sign_ins.sent):
        future.result(timeout)
    deadline = time.monotonic() + timeout
    while len(collector.envelopes) < count:
        assert time.monotonic() < deadline, f"{len(collector.envelopes)} mails, expected {count}"
        time.sleep(0.01)


def sign_in_path(collector: Collector, index: int = -1) -> str:
    """The sign-in link's path in a received mail."""
    text = collector.message(index).get_content() if not collector.message(index).is_multipart() else ""
    found = _LINK.search(text)
    assert found, text
    return found.group(1)


def ask_for_link(client: FlaskClient, address: str, **headers: str) -> TestResponse:
    page = client.get("/console/sign-in", headers=headers)
    data = {"email": address, "csrf_token": csrf_token(page.get_data(as_text=True))}
    return client.post("/console/sign-in", data=data, headers=headers)


def continue_with(client: FlaskClient, path: str) -> TestResponse:
    page = client.get(path)
    assert page.status_code == 200, page.get_data(as_text=True)
    return client.post(path, data={"csrf_token": csrf_token(page.get_data(as_text=True))})


def sign_in(client: FlaskClient, svc: Services, collector: Collector, address: str) -> TestResponse:
    """Sign `client` in as `address` (a console user's); the answer of the Continue POST."""
    before = len(collector.envelopes)
    assert ask_for_link(client, address).status_code == 200
    wait_for_mails(svc, collector, before + 1)
    return continue_with(client, sign_in_path(collector))
