"""Proxies in front: the client's address only where the broker can know it."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask, request

from service.config import load_settings
from service.web import proxies

PEER = "10.0.0.1"  # who opened the connection: the client itself, or a proxy
MEMBER = "192.0.2.146"  # a member's address as a proxy forwards it


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
