"""Proxies in front of the broker: the client's address they forward, trusted as far as `TRUSTED_PROXIES` says.

With `TRUSTED_PROXIES=n`, werkzeug's ProxyFix takes the client's address (and the scheme and host) from the
last n hops of `X-Forwarded-*`. Without it the broker sees each proxy's address as its clients'.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.http import parse_list_header
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Request

from service.config import Settings


def install(app: Flask, settings: Settings) -> None:
    """ProxyFix for the proxies the operator named."""
    n = settings.trusted_proxies
    if n:
        # Only as many X-Forwarded-* hops as the operator has proxies: more would let a client pick its address.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]


def client_address(request: Request, trusted_proxies: int) -> str | None:
    """The client's own address; None when it is most likely a proxy's (forwarded for a client it does not name)."""
    forwarded = request.headers.get("X-Forwarded-For")
    if not forwarded:
        return request.remote_addr  # no proxy says it forwards: the peer is the client
    # ProxyFix took the client from the header only if it names at least as many hops as there are trusted proxies.
    if trusted_proxies and len(parse_list_header(forwarded)) >= trusted_proxies:
        return request.remote_addr
    return None
