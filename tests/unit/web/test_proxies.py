"""Proxies in front: the client's address only where the broker can know it, and a warning for a proxy it ignores."""

from __future__ import annotations

import logging
import types
from typing import Any

import pytest
from flask import Flask, request

from service.config import load_settings
from service.web import proxies
from tests.support.apps import build_app
from tests.support.privacy import WATCH

PEER = "10.0.0.1"  # who opened the connection: the client itself, or a proxy
# A member's address as a proxy forwards it: personal data, never to be logged.
MEMBER = "192.0.2.146"
WATCH.watch(MEMBER)
PRODUCTION = {
    "BROKER_ENV": "production",
    "PUBLIC_BASE_URL": "https://broker.test",
    "SUBJECT_HASH_KEY": "k" * 32,
    "SERVER_SECRET": "s" * 32,
}


def _app(**settings: Any) -> Flask:
    """A bare app with the broker's proxy handling for `settings`, answering the address it would count."""
    app = Flask(__name__)
    loaded = load_settings({"DATABASE_URL": "sqlite://", **settings})
    proxies.install(app, loaded)

    @app.get("/")
    def address() -> dict[str, str | None]:
        return {"address": proxies.client_address(request, loaded.trusted_proxies)}

    return app


def _address(app: Flask, forwarded_for: str | None) -> str | None:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for is not None else {}
    answer = app.test_client().get("/", headers=headers, environ_base={"REMOTE_ADDR": PEER}).get_json()
    return answer["address"]  # type: ignore[no-any-return]


def _warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == proxies.__name__]


@pytest.mark.parametrize(
    ("trusted", "forwarded_for", "address"),
    [
        ("0", None, PEER),  # no proxy: the peer is the client
        ("0", MEMBER, None),  # a proxy the broker does not trust: the peer is the proxy, the client unknown
        ("1", MEMBER, MEMBER),  # one trusted proxy names the client
        ("1", f"198.51.100.1, {MEMBER}", MEMBER),  # what the client claimed before the proxy is not taken
        ("2", MEMBER, None),  # fewer hops than trusted proxies (one skipped): the peer is a proxy
        ("1", None, PEER),  # reached without the proxy
    ],
)
def test_the_address_counted_is_the_clients_or_none(
    trusted: str, forwarded_for: str | None, address: str | None
) -> None:
    assert _address(_app(TRUSTED_PROXIES=trusted), forwarded_for) == address


def test_in_production_an_ignored_proxy_is_warned_of_once_per_worker_without_the_address(
    config: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    app = build_app({**config, **PRODUCTION})
    client = app.test_client()
    caplog.set_level(logging.WARNING, logger=proxies.__name__)
    assert client.get("/healthz").status_code == 200  # straight from a health check: nothing to say
    assert _warnings(caplog) == []
    for _ in range(3):
        assert client.get("/healthz", headers={"X-Forwarded-For": MEMBER}).status_code == 200
    [warning] = _warnings(caplog)
    assert warning.levelno == logging.WARNING
    assert warning.getMessage() == proxies.IGNORED_PROXY_WARNING
    assert MEMBER not in warning.getMessage()
    # Warned, the check stepped out: the app serves its requests itself again, and it costs them nothing more.
    assert app.wsgi_app == types.MethodType(Flask.wsgi_app, app)


@pytest.mark.parametrize(
    ("settings", "address"), [({"BROKER_ENV": "test"}, None), ({**PRODUCTION, "TRUSTED_PROXIES": "1"}, MEMBER)]
)
def test_no_warning_outside_production_or_with_trusted_proxies(
    settings: dict[str, str], address: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    app = _app(**settings)
    caplog.set_level(logging.WARNING, logger=proxies.__name__)
    assert _address(app, MEMBER) == address
    assert _warnings(caplog) == []
