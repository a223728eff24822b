"""One-time sessions in memory: opened after a verified token, shown once, gone after use or expiry.

In memory means per process: the sandbox must run as one gunicorn worker (threads are fine).
"""

from __future__ import annotations

import dataclasses
import secrets
import threading
from collections.abc import Callable

from service.dev.sandbox.identity import SignedIn

# 32 random bytes: a session URL is a bearer credential for the page it shows.
_SESSION_ID_BYTES = 32
# A bound on memory in a long-running demo; past it the oldest sessions are dropped.
_MAX_SESSIONS = 10_000


class SessionNotFound(Exception):
    """No session has this id (never issued, or forgotten after expiry)."""


class SessionGone(Exception):
    """The session existed but was already used or has expired."""


@dataclasses.dataclass
class _Entry:
    expires_at: float
    # None once the page was shown: the id is remembered (to answer 410) without the names.
    signed_in: SignedIn | None


class SessionStore:
    """Thread-safe, expiring, one-time sessions keyed by a random id."""

    def __init__(self, lifetime_seconds: int, clock: Callable[[], float]) -> None:
        self._lifetime = lifetime_seconds
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def open(self, signed_in: SignedIn) -> str:
        """A new session id for this user, valid once for the configured lifetime."""
        session_id = secrets.token_urlsafe(_SESSION_ID_BYTES)
        with self._lock:
            now = self._clock()
            self._forget_expired(now)
            while len(self._entries) >= _MAX_SESSIONS:
                del self._entries[next(iter(self._entries))]
            self._entries[session_id] = _Entry(expires_at=now + self._lifetime, signed_in=signed_in)
        return session_id

    def take(self, session_id: str) -> SignedIn:
        """The session's user, once; SessionGone if used or expired, SessionNotFound if unknown."""
        with self._lock:
            entry = self._entries.get(session_id)
            if entry is None:
                raise SessionNotFound
            signed_in, entry.signed_in = entry.signed_in, None
            if signed_in is None or self._clock() >= entry.expires_at:
                raise SessionGone
            return signed_in

    def _forget_expired(self, now: float) -> None:
        # Expired entries are kept a second lifetime, so a late reuse still gets 410 rather than 404.
        horizon = now - self._lifetime
        for session_id in [sid for sid, entry in self._entries.items() if entry.expires_at < horizon]:
            del self._entries[session_id]
