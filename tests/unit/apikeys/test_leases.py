"""Leased allowances with a store of the test's own: sizes, spending, renewal, ends and giving back."""

from __future__ import annotations

import dataclasses
import time

import pytest

from service.apikeys.leases import LEASE_SECONDS, MAX_LEASE, Grant, Leases, lease_size


@dataclasses.dataclass
class CountingStore:
    """A window that never ends: counts what is leased and given back, grants up to the limit."""

    window_left: float = 60.0
    counted: int = 0
    calls: list[tuple[int, int, int]] = dataclasses.field(default_factory=list)
    fail: bool = False

    def lease(self, key: str, limit: int, expiry: int, wanted: int, given_back: int = 0, counted_in: int = 0) -> Grant:
        if self.fail:
            raise ConnectionError("redis went away")
        self.calls.append((wanted, given_back, counted_in))
        self.counted -= given_back
        granted = max(0, min(wanted, limit - self.counted))
        self.counted += granted
        return Grant(granted=granted, window_end_ms=7000, window_left=self.window_left)


def leases(store: CountingStore, errors: list[Exception] | None = None) -> Leases:
    return Leases(store, on_error=(errors if errors is not None else []).append)


@pytest.mark.parametrize(
    ("limit", "size"), [(1, 1), (30, 1), (99, 1), (100, 2), (600, 12), (2500, MAX_LEASE), (1_000_000, MAX_LEASE)]
)
def test_low_limits_are_not_leased_and_a_lease_is_at_most_a_fiftieth(limit: int, size: int) -> None:
    assert lease_size(limit) == size
    assert size == 1 or size <= limit / 50


def test_a_lease_is_counted_whole_then_spent_without_a_round_trip() -> None:
    store = CountingStore()
    held = leases(store)
    grant, lease = held.take("k", 600, 60)
    assert grant is not None
    assert grant.granted == 12
    assert lease is not None
    assert store.counted == 12  # counted before any of it is spent
    for _ in range(11):
        assert held.spend("k", 600, 60) is not None
    assert held.spend("k", 600, 60) is None  # spent: the next request leases anew
    assert len(store.calls) == 1
    # Another key, limit or window is another lease.
    assert held.spend("k", 600, 3600) is None
    assert held.spend("other", 600, 60) is None


def test_a_renewal_gives_back_what_the_old_lease_had_left() -> None:
    store = CountingStore(window_left=0.05)
    held = leases(store)
    held.take("k", 600, 60)
    held.spend("k", 600, 60)
    time.sleep(0.06)  # past the window's end as the store told it
    assert held.spend("k", 600, 60) is None  # an ended lease is never spent, however much it has left
    held.take("k", 600, 60)
    assert store.calls[-1] == (12, 10, 7000)  # 10 unspent units back to the window they were counted in
    assert store.counted == 2 + 12


def test_a_lease_ends_after_lease_seconds_and_the_sweeper_gives_back_the_rest() -> None:
    store = CountingStore()
    held = leases(store)
    held.take("k", 600, 60)
    assert store.counted == 12
    deadline = time.monotonic() + LEASE_SECONDS * 4
    while store.counted != 1 and time.monotonic() < deadline:
        time.sleep(0.05)  # the sweeper's own pace is what is under test
    assert store.counted == 1
    assert store.calls[-1] == (0, 11, 7000)  # a give-back only: nothing leased
    assert held.spend("k", 600, 60) is None


def test_near_the_limit_a_lease_is_what_is_left_and_then_refused() -> None:
    store = CountingStore(counted=595)
    held = leases(store)
    grant, lease = held.take("k", 600, 60)
    assert grant is not None
    assert grant.granted == 5
    assert lease is not None
    assert lease.units == 4
    for _ in range(4):
        assert held.spend("k", 600, 60) is not None
    grant, lease = held.take("k", 600, 60)
    assert grant is not None
    assert grant.granted == 0
    assert lease is None


def test_a_give_back_that_fails_is_reported_not_raised() -> None:
    store = CountingStore(window_left=0.0)
    errors: list[Exception] = []
    held = leases(store, errors)
    held.take("k", 600, 60)
    store.fail = True
    assert held.give_back_ended() == 1
    assert [type(error) for error in errors] == [ConnectionError]


def test_the_sweeper_stops_when_no_lease_is_left_and_starts_with_the_next() -> None:
    import threading

    def sweepers() -> set[threading.Thread]:
        return {thread for thread in threading.enumerate() if thread.name == "rate-limit-leases"}

    store = CountingStore(window_left=0.0)
    held = leases(store)
    before = sweepers()
    held.take("k", 600, 60)
    (sweeper,) = sweepers() - before
    sweeper.join(timeout=LEASE_SECONDS * 4)  # the sweeper's own pace is what is under test
    assert not sweeper.is_alive()
    assert store.counted == 1  # what the ended lease left went back first
    held.take("k", 600, 60)
    assert len(sweepers() - before) == 1
