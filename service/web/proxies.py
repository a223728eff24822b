"""Proxies in front of the broker: the client's address they forward, trusted as far as `TRUSTED_PROXIES` says.

With `TRUSTED_PROXIES=n`, werkzeug's ProxyFix takes the client's address (and the scheme and host) from the
last n hops of `X-Forwarded-*`. Without it the broker sees each proxy's address as its clients'; in production
a request carrying `X-Forwarded-For` then logs a warning, once per worker: the broker is most likely behind a
proxy it ignores.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from flask import Flask
from werkzeug.http import parse_list_header
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Request

from service.config import Settings

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger(__name__)

_FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
IGNORED_PROXY_WARNING = (
    "requests carry X-Forwarded-For but TRUSTED_PROXIES is not set: the broker is most likely behind a proxy it "
    "ignores and takes the proxy's address for every client's (renewals are then limited per link only). Set "
    "TRUSTED_PROXIES to the number of proxies in front (docs/deploy.md)"
)


def install(app: Flask, settings: Settings) -> None:
    """ProxyFix for the proxies the operator named; in production without any, the warning for one they did not."""
    n = settings.trusted_proxies
    if n:
        # Only as many X-Forwarded-* hops as the operator has proxies: more would let a client pick its address.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]
    elif settings.is_production:
        app.wsgi_app = _IgnoredProxyWarning(app)  # type: ignore[method-assign]


def client_address(request: Request, trusted_proxies: int) -> str | None:
    """The client's own address; None when it is most likely a proxy's (forwarded for a client it does not name)."""
    forwarded = request.headers.get("X-Forwarded-For")
    if not forwarded:
        return request.remote_addr  # no proxy says it forwards: the peer is the client
    # ProxyFix took the client from the header only if it names at least as many hops as there are trusted proxies.
    if trusted_proxies and len(parse_list_header(forwarded)) >= trusted_proxies:
        return request.remote_addr
    return None


class _IgnoredProxyWarning:
    """WSGI middleware that logs IGNORED_PROXY_WARNING at the first request with X-Forwarded-For, then steps out.

    Until then it costs each request one function call and one dict lookup; after it, nothing: it hands the app
    back its own WSGI callable. The header's value (a client's address) is never logged.
    """

    def __init__(self, app: Flask) -> None:
        self._app = app
        self._wrapped: WSGIApplication = app.wsgi_app
        self._lock = threading.Lock()
        self._warned = False

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get(_FORWARDED_FOR):
            self._warn_once()
        return self._wrapped(environ, start_response)

    def _warn_once(self) -> None:
        # Threaded workers: two first requests at once must still make one warning.
        with self._lock:
            if self._warned:
                return
            self._warned = True
            if self._app.wsgi_app is self:  # unless something wrapped it since, which must stay
                self._app.wsgi_app = self._wrapped  # type: ignore[method-assign, assignment]
        log.warning(IGNORED_PROXY_WARNING)
