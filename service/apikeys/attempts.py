"""Failed API key checks per client address: a sprayer of made-up keys is refused before the database.

Each failed check (unknown, wrong or revoked key) is counted against the client's address with the same
limiter as the API keys' rate limits (in Redis across instances, else in this process). Once an address has
used up AUTH_FAILURE_LIMIT, this process refuses its made-up keys with 429 until the window resets, without a
lookup of each: a key is still checked if this process has it cached or its prefix is in the set of live
keys (read with one query). So a real key keeps working from any address, also from one it shares with a
sprayer (a NAT, a no-code platform's servers), and made-up keys cost the database nothing.
"""

from __future__ import annotations

import threading
import time

from service.apikeys.rate_limits import RateLimiter

_NAMESPACE = "auth-failures:"
# Addresses this process knows to be over the limit; bounded so a spray from many addresses cannot grow it.
_MAX_BLOCKED = 10_000


class FailedAttempts:
    def __init__(self, limiter: RateLimiter, limit: str) -> None:
        self._limiter = limiter
        self._limit = limit
        self._blocked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def blocked_for(self, address: str) -> int:
        """Seconds until this address may try again; 0 if it may now. Local knowledge only: no round trip."""
        with self._lock:
            until = self._blocked_until.get(address)
            if until is None:
                return 0
            left = until - time.monotonic()
            if left <= 0:
                del self._blocked_until[address]
                return 0
        return max(1, round(left))

    def record_failure(self, address: str) -> None:
        """Count a failed check; past the limit, block the address here until its window resets."""
        decision = self._limiter.hit(_NAMESPACE + address, self._limit)
        # Blocked once the limit is used up, so the next check from there is refused without a lookup.
        if decision.allowed and decision.remaining > 0:
            return
        with self._lock:
            if len(self._blocked_until) >= _MAX_BLOCKED:
                self._blocked_until.clear()
            self._blocked_until[address] = time.monotonic() + decision.reset_seconds
