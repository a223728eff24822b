"""The privacy watch itself: it sees the app's log records and it finds a planted secret."""

from __future__ import annotations

import logging
from typing import Any

from flask.testing import FlaskClient

from tests.support.api import generate
from tests.support.privacy import WATCH, LeakWatch


def test_the_watch_catches_a_planted_secret() -> None:
    watch = LeakWatch()
    watch.watch("tbk_planted-secret-value")
    watch.emit(logging.LogRecord("x", logging.INFO, __file__, 1, "leaked %s", ("tbk_planted-secret-value",), None))
    watch.add_text("clean line")
    leaks = watch.leaks()
    assert len(leaks) == 1
    assert '"msg": "leaked tbk_planted-secret-value"' in leaks[0][1]


def test_the_session_watch_sees_every_request_log(client: FlaskClient, creds: dict[str, Any]) -> None:
    before = len(WATCH.lines)
    response = generate(client, creds, "exorlive-main", verify=True)
    request_id = response.get_json()["requestId"]
    assert any(request_id in line for line in WATCH.lines[before:])
    leaks = WATCH.leaks()
    assert not leaks, leaks[:5]


def test_a_failing_request_logs_no_payload(client: FlaskClient, creds: dict[str, Any]) -> None:
    before = len(WATCH.lines)
    payload = {"contact": {"ssn": "13116900216", "lastname": "Yoda"}}
    generate(client, creds, "exorlive-main", payload=payload)
    assert WATCH.lines[before:]
    assert not any("13116900216" in line or "Yoda" in line for line in WATCH.lines[before:])
