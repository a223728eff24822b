"""Pages for developers (`/`, `/docs`, `/problems/…`): server-rendered HTML in English, with strict headers.

Like the launch pages, each carries a CSP of `default-src 'none'` with a per-response style nonce; unlike them,
these pages hold nothing secret and are the same for everyone, so they may be cached briefly.
"""

from __future__ import annotations

import secrets

from flask import Response, current_app, render_template

from service.wiring import services

# The same for everyone and changed only by a deploy: a proxy or browser may keep them a few minutes.
PAGE_CACHE_CONTROL = "public, max-age=300"


def protect(response: Response, csp: str) -> Response:
    """The headers every developer page and asset carries."""
    response.headers["Content-Security-Policy"] = csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    response.headers.setdefault("Cache-Control", PAGE_CACHE_CONTROL)
    return response


def page_csp(nonce: str, *, scripts: bool = False) -> str:
    """Nothing but the page's own nonce'd styles; `scripts` adds this origin's scripts, styles and fetches."""
    # The favicon is an empty data: URL, so a browser asks the broker for no /favicon.ico.
    common = "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    if not scripts:
        return f"default-src 'none'; style-src 'nonce-{nonce}'; {common}"
    return f"default-src 'none'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; connect-src 'self'; {common}"


def developer_page(template: str, status: int = 200, *, scripts: bool = False, **context: object) -> Response:
    """Render `template` with a fresh nonce and the broker's public base URL, as a protected HTML response."""
    nonce = secrets.token_urlsafe(16)
    base_url = services(current_app).settings.public_base_url
    html = render_template(template, nonce=nonce, base_url=base_url, **context)
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Content-Language"] = "en"
    return protect(response, page_csp(nonce, scripts=scripts))
