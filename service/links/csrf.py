"""Login CSRF on launch links: a link is used only by a POST from its own page, in the browser that opened it.

A hostile page could otherwise make a visitor's browser POST the attacker's own link and land the visitor
signed in as the attacker's member. The `Origin` header cannot tell the broker's page from a hostile one
here: launch pages send `Referrer-Policy: no-referrer`, under which browsers send `Origin: null` even from
the same origin, and a sandboxed hostile frame sends `null` too. So a POST is accepted when either

- the browser says it comes from the broker's own origin (`Sec-Fetch-Site: same-origin`, a header pages
  cannot set), or
- it carries the page's form token, which matches the cookie the page set (signed double submit): the
  cookie is HttpOnly and SameSite=Strict, so no other site can send or read it, and the token is an HMAC of
  the cookie and the link under the server's secret, so neither can be made without the other.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# The cookie lives only for the page's visit; a page left open longer asks to be reloaded.
COOKIE_MAX_AGE_SECONDS = 3600
FORM_FIELD = "csrf"
_COOKIE_BYTES = 16
_PURPOSE = b"launch page form v1"


class LaunchForms:
    """Issues and checks the form token of launch pages."""

    def __init__(self, server_secret: str, secure: bool) -> None:
        self._key = hmac.new(server_secret.encode(), _PURPOSE, hashlib.sha256).digest()
        # On https the cookie is __Host- prefixed: Secure, for this host only, path /, so no sibling domain
        # can plant one. On plain http (development) browsers refuse that prefix, so a plain name is used.
        self.cookie_name = "__Host-launch" if secure else "launch"
        self.secure = secure

    def new_cookie(self) -> str:
        return secrets.token_urlsafe(_COOKIE_BYTES)

    def token(self, cookie: str, link_secret: str) -> str:
        """The form token for this browser's cookie and this link."""
        digest = hmac.new(self._key, f"{cookie}\x1f{link_secret}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def accepts(self, link_secret: str, fetch_site: str | None, cookie: str | None, token: str | None) -> bool:
        """Whether a POST that uses the link came from the link's own page."""
        if fetch_site == "same-origin":
            return True
        if not cookie or not token:
            return False
        return hmac.compare_digest(self.token(cookie, link_secret).encode(), token.encode())
