"""Rate limits per API key: counters in Redis shared by every instance, or in this process without Redis.

The `limits` library does the counting (a sliding-window counter: two counters per key, updated by one
atomic Lua script in Redis, and no burst of twice the limit at a window's edge). A limit of 100 or more per
window is leased (leases.py): each process counts a few units at once in the same counters and spends them
without a round trip, never admitting more than the limit in a window; lower limits are counted per request.

When Redis is unreachable the broker fails *open to local counters*: each process goes on counting in
memory, so a key is still limited (at most instances times workers times its limit), while SSO keeps working for
every partner. Redis is tried again every `retry_seconds`; the switch is logged and counted in
`broker_rate_limit_fallbacks_total`.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import threading
import time
from collections.abc import Callable

from limits import RateLimitItem, parse, storage, strategies
from limits.errors import StorageError

from service import metrics
from service.apikeys.leases import LEASE_SCRIPT, Grant, Leases, lease_size

log = logging.getLogger(__name__)

_NAMESPACE = "broker:ratelimit"
# Short: a request must never wait long on a limiter; a slow Redis counts as an unreachable one.
REDIS_TIMEOUT_SECONDS = 0.25


@dataclasses.dataclass(frozen=True)
class Decision:
    """One request's standing against its API key's limit."""

    allowed: bool
    limit: int
    remaining: int
    window_seconds: int
    reset_seconds: int
    shared: bool

    def headers(self) -> dict[str, str]:
        """The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), and Retry-After when refused."""
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_seconds),
            "RateLimit-Policy": f"{self.limit};w={self.window_seconds}",
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.reset_seconds)
        return headers


# limits' own acquire script, run as a function, followed by a read of both windows: what limits does in
# two round trips (hit, then get_window_stats for the headers) in one. The arithmetic stays the library's.
_ACQUIRE_AND_READ = (
    "local function acquire()\n{acquire}\nend\n"
    "local acquired = acquire()\n"
    "return {{acquired and 1 or 0, redis.call('get', KEYS[1]) or 0, redis.call('pttl', KEYS[1]),"
    " redis.call('get', KEYS[2]) or 0, redis.call('pttl', KEYS[2])}}"
)


class _OneTripRedisStorage(storage.RedisStorage):
    """limits' Redis storage, answering a hit and the window read that follows it in one round trip."""

    def initialize_storage(self, uri: str) -> None:
        super().initialize_storage(uri)
        self._acquire_and_read = self.get_connection().register_script(
            _ACQUIRE_AND_READ.format(acquire=self.SCRIPT_ACQUIRE_SLIDING_WINDOW.decode()).encode()
        )
        self._read_ahead = threading.local()
        self._lease_script = self.get_connection().register_script(LEASE_SCRIPT.encode())

    def lease(self, key: str, limit: int, expiry: int, wanted: int, given_back: int = 0, counted_in: int = 0) -> Grant:
        """Up to `wanted` units counted in the key's window at once, after giving back `given_back` (leases.py)."""
        keys = [self.prefixed_key(self._previous_window_key(key)), self.prefixed_key(self._current_window_key(key))]
        try:
            granted, *window, now = self._lease_script(keys, [limit, expiry, wanted, given_back, counted_in])
        except self.base_exceptions as error:
            raise StorageError(error) from error
        current_ttl = int(window[3])
        # Kept for the window read that follows (limits' get_window_stats), as for a hit.
        self._read_ahead.window = (key, expiry, window)
        return Grant(
            granted=int(granted),
            window_end_ms=int(now) + current_ttl - expiry * 1000,
            window_left=(current_ttl - expiry * 1000) / 1000,
        )

    def acquire_sliding_window_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        keys = [self.prefixed_key(self._previous_window_key(key)), self.prefixed_key(self._current_window_key(key))]
        acquired, *window = self._acquire_and_read(keys, [limit, expiry, amount])
        self._read_ahead.window = (key, expiry, window)
        return bool(acquired)

    def get_sliding_window(self, key: str, expiry: int) -> tuple[int, float, int, float]:
        read_ahead, self._read_ahead.window = getattr(self._read_ahead, "window", None), None
        if read_ahead is None or read_ahead[:2] != (key, expiry):
            return super().get_sliding_window(key, expiry)
        previous_count, previous_ttl, current_count, current_ttl = read_ahead[2]
        # Read in the same instant the window was made, its TTL is exactly twice the expiry, which limits'
        # arithmetic (TTL modulo expiry) would turn into "resets now"; a millisecond less gives the window's end.
        current_ttl = min(int(current_ttl or 0), 2 * expiry * 1000 - 1)
        # As RedisStorage.get_sliding_window converts the script's answer (milliseconds to seconds).
        return (
            int(previous_count or 0),
            max(0, float(previous_ttl or 0)) / 1000,
            int(current_count or 0),
            max(0, current_ttl) / 1000,
        )


class RateLimiter:
    def __init__(
        self, redis_url: str | None, *, retry_seconds: float = 5.0, clock: Callable[[], float] = time.time
    ) -> None:
        self._local = strategies.SlidingWindowCounterRateLimiter(storage.MemoryStorage())
        self._shared: strategies.RateLimiter | None = None
        self._leases: Leases | None = None
        if redis_url:
            redis = _OneTripRedisStorage(
                redis_url,
                key_prefix=_NAMESPACE,
                wrap_exceptions=True,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
            )
            self._shared = strategies.SlidingWindowCounterRateLimiter(redis)
            self._leases = Leases(redis, on_error=self._lease_lost)
        self._retry_seconds = retry_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._shared_down_until = 0.0
        self._items: dict[str, RateLimitItem] = {}

    @property
    def shared(self) -> bool:
        """True when counting in Redis (configured and not in a fallback period)."""
        return self._shared is not None and time.monotonic() >= self._shared_down_until

    def hit(self, key: str, rate_limit: str) -> Decision:
        """Count one request for `key` (an API key's prefix) against `rate_limit`, unless it is over it."""
        item = self._items.get(rate_limit)
        if item is None:
            item = self._items[rate_limit] = parse(rate_limit)
        if self._shared is not None and self.shared:
            try:
                if self._leases is not None and lease_size(item.amount) > 1:
                    return self._spend_lease(self._leases, self._shared, item, key)
                return self._decide(self._shared, item, key, shared=True)
            except StorageError as error:
                self._fall_back(error)
        return self._decide(self._local, item, key, shared=False)

    def _fall_back(self, error: StorageError) -> None:
        with self._lock:
            self._shared_down_until = time.monotonic() + self._retry_seconds
        metrics.count_rate_limit_fallback()
        # The type only: a driver's message can hold the Redis URL with its password.
        log.warning(
            "rate_limit.redis_unreachable: counting in this process for %.0f s (%s)",
            self._retry_seconds,
            type(error.storage_error).__name__,
        )

    def _spend_lease(self, leases: Leases, limiter: strategies.RateLimiter, item: RateLimitItem, key: str) -> Decision:
        """A unit of this process's lease of the key's limit, leased anew (one round trip) when it is spent or over."""
        storage_key, expiry = item.key_for(key), item.get_expiry()
        lease = leases.spend(storage_key, item.amount, expiry)
        if lease is not None:
            return self._decision(item, True, lease.remaining, lease.reset_at)
        grant, lease = leases.take(storage_key, item.amount, expiry)
        if grant is None and lease is not None:  # another thread of this process renewed it meanwhile
            return self._decision(item, True, lease.remaining, lease.reset_at)
        # The window as the script left it (no second round trip), with limits' arithmetic.
        stats = limiter.get_window_stats(item, key)
        # limits' remaining counts the whole lease as spent; all but this request's unit are not yet.
        granted = grant.granted if grant is not None else 0
        remaining = max(0, stats.remaining + granted - 1)
        if lease is None:
            return self._decision(item, False, remaining, stats.reset_time)
        lease.remaining, lease.reset_at = remaining, stats.reset_time
        return self._decision(item, True, remaining, stats.reset_time)

    def _decision(self, item: RateLimitItem, allowed: bool, remaining: int, reset_at: float) -> Decision:
        return Decision(
            allowed=allowed,
            limit=item.amount,
            remaining=remaining,
            window_seconds=item.get_expiry(),
            reset_seconds=max(1, math.ceil(reset_at - self._clock())),
            shared=True,
        )

    def _lease_lost(self, error: Exception) -> None:
        # The type only, as in _fall_back; the request path finds Redis gone on its next round trip itself.
        cause = error.storage_error if isinstance(error, StorageError) else error
        log.warning("rate_limit.lease_not_given_back: counted until its window passes (%s)", type(cause).__name__)

    def _decide(self, limiter: strategies.RateLimiter, item: RateLimitItem, key: str, *, shared: bool) -> Decision:
        allowed = limiter.hit(item, key)
        stats = limiter.get_window_stats(item, key)
        return Decision(
            allowed=allowed,
            limit=item.amount,
            remaining=max(0, stats.remaining),
            window_seconds=item.get_expiry(),
            reset_seconds=max(1, math.ceil(stats.reset_time - self._clock())),
            shared=shared,
        )
