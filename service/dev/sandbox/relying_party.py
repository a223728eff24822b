"""The sandbox's one piece of logic: verify a token by the relying party's rules, then open a session."""

from __future__ import annotations

import logging
from collections.abc import Callable

from service.dev.sandbox.identity import SignedIn, signed_in
from service.dev.sandbox.sessions import SessionStore
from service.dev.sandbox.settings import SandboxSettings
from service.errors import TokenRejected
from service.tokens.verifier import Expectations, HttpKeys, NonceCache, verify

log = logging.getLogger(__name__)

# The sandbox is a relying party waiting on a user; a slow JWKS must fail fast, not hang the page.
JWKS_FETCH_TIMEOUT_SECONDS = 2.0


class RelyingParty:
    """Verifies tokens against the broker's JWKS with a replay cache, and keeps one-time sessions."""

    def __init__(self, settings: SandboxSettings, clock: Callable[[], float]) -> None:
        self.settings = settings
        self._clock = clock
        self._expect = Expectations(issuer=settings.issuer, audience=settings.audience)
        self._keys = HttpKeys(settings.jwks_url, timeout=JWKS_FETCH_TIMEOUT_SECONDS, clock=clock)
        self._nonces = NonceCache()
        self.sessions = SessionStore(settings.session_seconds, clock)

    def close(self) -> None:
        """Release the JWKS HTTP session."""
        self._keys.close()

    def accept(self, token: str, via: str) -> SignedIn:
        """Who the token signs in; TokenRejected naming the rule it breaks. Logs the outcome, never the token."""
        try:
            claims = verify(token, self._expect, self._keys, now=int(self._clock()), nonces=self._nonces)
        except TokenRejected as rejected:
            log.info("sandbox rejected a token", extra={"outcome": "rejected", "rule": rejected.rule, "via": via})
            raise
        user = signed_in(claims)
        log.info("sandbox accepted a token", extra={"outcome": "accepted", "kind": user.kind, "via": via})
        return user

    def session_url(self, user: SignedIn) -> str:
        """An absolute one-time URL showing this user's session page."""
        return f"{self.settings.public_url}/session/{self.sessions.open(user)}"
