"""Leased allowances: a worker takes a few units of a key's limit from Redis at once and spends them locally.

A lease is counted in the key's current window in Redis *before* any of it is spent, by one atomic script
that also answers the window's figures; its units are then spent by this process without a round trip, and
only within the window they were counted in and within `LEASE_SECONDS` of being taken. What a lease has
left when it ends goes back to the window it was counted in (with the next lease of that key, or by this
process's sweeper thread within about `LEASE_SECONDS`). So every admitted request was counted in its own
window beforehand, and a window never admits more than the limit, exactly as when each request is counted
(no overshoot); the price is that up to one lease per worker, at most `lease_size(limit)` units each, is
counted but not yet spent (admissions a little early refused, never extra ones admitted).

Low limits are not leased (`lease_size` is 1 below 100 per window): each request is one round trip, as before.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from typing import Protocol

# A lease is at most this share of the key's limit (1/50: 2%), and never more than MAX_LEASE units.
LEASE_DIVISOR = 50
MAX_LEASE = 50
# A lease ends this long after it was taken at the latest, and its unspent units go back.
LEASE_SECONDS = 1.0

# KEYS: the previous and the current window's counters (limits' sliding-window keys).
# ARGV: limit, window seconds, units wanted, units given back, the end (Redis ms) of the window they were
# counted in. limits' own window arithmetic (acquire_sliding_window.lua): the same keys, rotation, TTLs
# and weighted count; the difference is a grant of up to `wanted` units instead of all or nothing.
# Returns: units granted, previous count and TTL, current count and TTL (ms), Redis's clock (ms).
LEASE_SCRIPT = """
local limit = tonumber(ARGV[1])
local expiry = tonumber(ARGV[2]) * 1000
local wanted = tonumber(ARGV[3])
local given_back = tonumber(ARGV[4])
local counted_in = tonumber(ARGV[5])
local clock = redis.call('time')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local current_ttl = tonumber(redis.call('pttl', KEYS[2]))
if current_ttl > 0 and current_ttl < expiry then
    redis.call('rename', KEYS[2], KEYS[1])
    redis.call('set', KEYS[2], 0, 'PX', current_ttl + expiry)
    current_ttl = current_ttl + expiry
end

if given_back > 0 and current_ttl > 0 then
    -- Back to the window the units were counted in, if it still counts: the current or the previous one.
    -- Window ends are a whole window apart, so half a window tells them apart.
    local current_end = now + current_ttl - expiry
    local target = nil
    if math.abs(counted_in - current_end) < expiry / 2 then
        target = KEYS[2]
    elseif math.abs(counted_in - (current_end - expiry)) < expiry / 2 then
        target = KEYS[1]
    end
    if target then
        local back = math.min(given_back, tonumber(redis.call('get', target)) or 0)
        if back > 0 then
            redis.call('decrby', target, back)
        end
    end
end

local previous_count = tonumber(redis.call('get', KEYS[1])) or 0
local previous_ttl = math.max(0, tonumber(redis.call('pttl', KEYS[1])))
local current_count = tonumber(redis.call('get', KEYS[2])) or 0
current_ttl = math.max(0, tonumber(redis.call('pttl', KEYS[2])))
local weighted = math.floor(previous_count * previous_ttl / expiry) + current_count

local granted = math.max(0, math.min(wanted, limit - weighted))
if granted > 0 then
    if current_ttl > 0 then
        redis.call('incrby', KEYS[2], granted)
    else
        redis.call('set', KEYS[2], granted, 'PX', expiry * 2)
        current_ttl = expiry * 2
    end
    current_count = current_count + granted
end
return {granted, previous_count, previous_ttl, current_count, current_ttl, now}
"""


def lease_size(limit: int) -> int:
    """Units one worker leases at a time for a limit of `limit` per window: 1 (no lease) below 100."""
    return max(1, min(limit // LEASE_DIVISOR, MAX_LEASE))


@dataclasses.dataclass(frozen=True)
class Grant:
    """A lease script's answer: the units granted, and the window they were counted in."""

    granted: int
    # The end of the window the units were counted in, on Redis's clock (ms): where unspent units go back.
    window_end_ms: int
    # Seconds from the call's start until that window ends: measured from before the call, so never late.
    window_left: float


class LeaseStore(Protocol):
    def lease(
        self, key: str, limit: int, expiry: int, wanted: int, given_back: int = 0, counted_in: int = 0
    ) -> Grant: ...


@dataclasses.dataclass
class Lease:
    """Units of one key's limit this process holds: counted in Redis, spent here without a round trip."""

    units: int
    ends: float  # monotonic time
    counted_in: int  # Redis ms, the window's end
    remaining: int  # RateLimit-Remaining given with the last unit spent
    reset_at: float  # wall-clock time of RateLimit-Reset

    def spend(self, now: float) -> bool:
        """Take one unit if any is left and the lease has not ended."""
        if self.units <= 0 or now >= self.ends:
            return False
        self.units -= 1
        self.remaining = max(0, self.remaining - 1)
        return True


class Leases:
    """This process's leases, one per key at most, and the sweeper that gives back what ended unspent."""

    def __init__(self, store: LeaseStore, *, on_error: Callable[[Exception], None]) -> None:
        self._store = store
        self._on_error = on_error
        self._leases: dict[tuple[str, int, int], Lease] = {}
        # Held for a moment (spending, the table); the other one across a renewal's round trip.
        self._lock = threading.Lock()
        self._renewing = threading.Lock()
        self._sweeper: threading.Thread | None = None

    def spend(self, key: str, limit: int, expiry: int) -> Lease | None:
        """The key's lease after one unit of it was spent here, or None: a round trip (`take`) is needed."""
        with self._lock:
            lease = self._leases.get((key, limit, expiry))
            if lease is not None and lease.spend(time.monotonic()):
                return lease
        return None

    def take(self, key: str, limit: int, expiry: int) -> tuple[Grant | None, Lease | None]:
        """Give back what the key's old lease has left, lease anew and spend one unit: one round trip.

        (None, lease) when another thread of this process renewed the lease meanwhile and a unit was left.
        """
        name = (key, limit, expiry)
        with self._renewing:
            with self._lock:
                lease = self._leases.get(name)
                if lease is not None and lease.spend(time.monotonic()):
                    return None, lease
                old = self._leases.pop(name, None)
            given_back, counted_in = (old.units, old.counted_in) if old is not None else (0, 0)
            started = time.monotonic()
            grant = self._store.lease(key, limit, expiry, lease_size(limit), given_back, counted_in)
            if grant.granted == 0:
                return grant, None
            lease = Lease(
                units=grant.granted - 1,
                ends=started + min(LEASE_SECONDS, grant.window_left),
                counted_in=grant.window_end_ms,
                remaining=0,
                reset_at=0.0,
            )
            with self._lock:
                self._leases[name] = lease
        self._start_sweeper()
        return grant, lease

    def give_back_ended(self) -> int:
        """Give back the units of every lease that has ended; the number of leases given back."""
        now = time.monotonic()
        with self._lock:
            ended = {name: lease for name, lease in self._leases.items() if now >= lease.ends}
            for name in ended:
                del self._leases[name]
        for (key, limit, expiry), lease in ended.items():
            if lease.units > 0:
                try:
                    self._store.lease(key, limit, expiry, 0, lease.units, lease.counted_in)
                except Exception as error:  # noqa: BLE001 - the sweeper must outlive Redis going away
                    # Not given back: counted a little longer than spent, never an extra admission.
                    self._on_error(error)
        return len(ended)

    def _start_sweeper(self) -> None:
        # Started by a lease when none runs (a forked worker starts its own); it stops once no lease is left.
        with self._lock:
            if self._sweeper is not None and self._sweeper.is_alive():
                return
            self._sweeper = threading.Thread(target=self._sweep, name="rate-limit-leases", daemon=True)
            self._sweeper.start()

    def _sweep(self) -> None:
        while True:
            time.sleep(LEASE_SECONDS / 2)
            self.give_back_ended()
            with self._lock:
                # Checked and cleared under the lock a new lease is added under, so that lease starts another.
                if not self._leases:
                    self._sweeper = None
                    return
