"""`links purge` (the hourly cron) forgets the console's dead sign-in links and sessions, and only those."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from service.console.models import ConsoleSession, ConsoleSignIn
from service.dev import seed as devseed
from service.wiring import Services
from tests.support.clock import Clock
from tests.support.console import ask_for_link, sign_in, sign_in_path, wait_for_mails
from tests.support.smtp import Collector

SENDER = "SSO%20Broker%20%3Cno-reply%40broker.test%3E"
OWNER = devseed.DEV_CONSOLE_OWNER


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from={SENDER}"}


def _purge(app: Flask) -> dict[str, int]:
    result = app.test_cli_runner().invoke(args=["links", "purge"])
    assert result.exit_code == 0, result.output
    purged: dict[str, int] = json.loads(result.stdout.splitlines()[-1])
    return purged


def _rows(svc: Services) -> tuple[int, int]:
    """How many sign-in links and sessions the console keeps."""
    with svc.db.session() as session:
        sign_ins = session.scalar(select(func.count()).select_from(ConsoleSignIn))
        sessions = session.scalar(select(func.count()).select_from(ConsoleSession))
    return int(sign_ins or 0), int(sessions or 0)


def test_purge_forgets_expired_sign_in_links_and_dead_sessions_only(
    app: Flask, client: FlaskClient, svc: Services, creds: dict[str, Any], inbox: tuple[Collector, int], clock: Clock
) -> None:
    collector = inbox[0]
    sign_in(client, svc, collector, OWNER)  # a used link and a live session
    signed_out = app.test_client()
    sign_in(signed_out, svc, collector, OWNER)
    cookie = signed_out.get_cookie("console")
    assert cookie is not None
    assert svc.console.sessions.end(cookie.value)
    assert _rows(svc) == (2, 2)
    # Nothing has expired yet: only the ended session goes.
    purged = _purge(app)
    assert (purged["consoleSignInsPurged"], purged["consoleSessionsPurged"]) == (0, 1)
    assert client.get("/console").status_code == 200

    # Ten and a half hours on, the session used every hour and a half: nothing is dead yet (the two used
    # links are kept a day past their 15 minutes, so their pages still say what happened to them).
    for _ in range(7):
        clock.advance(5400)
        assert client.get("/console").status_code == 200
    ask_for_link(client, OWNER)  # a fresh, unexpired link stays
    wait_for_mails(svc, collector, 3)
    fresh = sign_in_path(collector)
    purged = _purge(app)
    assert (purged["consoleSignInsPurged"], purged["consoleSessionsPurged"]) == (0, 0)
    # A day later: the two used links, and the session past its 12 hours, go; the new link is kept a day more.
    clock.advance(24 * 3600)
    purged = _purge(app)
    assert (purged["consoleSignInsPurged"], purged["consoleSessionsPurged"]) == (2, 1)
    assert _rows(svc) == (1, 0)
    assert client.get("/console").status_code == 303
    assert client.get(fresh).status_code == 410  # expired, and still said so: kept a day past its expiry
