"""Rate limits shared through Redis: the machine's Redis, and a redis-server of the test's own stopped and started."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest

from service.apikeys.leases import LEASE_SECONDS
from service.apikeys.rate_limits import _NAMESPACE, RateLimiter
from service.wiring import Services, services
from tests.support.api import generate
from tests.support.apps import build_app, set_rate_limit
from tests.support.databases import DEFAULT_TEST_REDIS_URL, PrivateRedis, checked_redis_url, redis_database
from tests.support.rate_limits import admitted_in_windows, window_counts


# --- the tests' own database ----------------------------------------------------------------------
def test_the_tests_keep_to_their_own_redis_database(redis_url: str) -> None:
    assert redis_database(DEFAULT_TEST_REDIS_URL) == 15
    assert redis_database(redis_url) != 0
    # A developer's database 0 is refused, however the URL names it.
    for url in ("redis://127.0.0.1:6379", "redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379?db=0"):
        with pytest.raises(pytest.fail.Exception, match="selects database 0"):
            checked_redis_url(url)
    assert checked_redis_url("redis://127.0.0.1:6379?db=9") == "redis://127.0.0.1:6379?db=9"


# --- shared counters in Redis --------------------------------------------------------------------
def test_two_apps_on_one_redis_share_the_count(
    config: dict[str, Any], creds: dict[str, Any], svc: Services, redis_url: str
) -> None:
    set_rate_limit(svc, creds, "4/hour")
    apps = [build_app({**config, "REDIS_URL": redis_url}) for _ in range(2)]
    clients = [app.test_client() for app in apps]
    statuses = [generate(clients[n % 2], creds).status_code for n in range(8)]
    assert statuses == [200] * 4 + [429] * 4
    for app in apps:
        assert services(app).rate_limiter.shared
        services(app).db.engine.dispose()


@pytest.mark.parametrize("rate_limit", ["99/hour", "1000/hour"])
def test_the_limiter_goes_back_to_redis_when_it_returns(private_redis: PrivateRedis, rate_limit: str) -> None:
    """Exact (a round trip per request, 99/hour) and leased (1000/hour: leases of 20) alike."""
    limiter = RateLimiter(private_redis.url, retry_seconds=0.2)
    assert limiter.hit("tbk_back", rate_limit).shared
    private_redis.stop()
    # A lease already counted in Redis is spent until it ends (19 units, LEASE_SECONDS); then the process
    # counts alone, as without leases.
    decisions = [limiter.hit("tbk_back", rate_limit) for _ in range(20)]
    assert all(decision.allowed for decision in decisions)
    assert not decisions[-1].shared
    assert decisions[0].shared == (rate_limit == "1000/hour")
    private_redis.start()
    # Past the limiter's 0.2 s retry window, which is what is under test: its very next hit goes to Redis.
    # (Polling would hit again and again until one did, and pass for a limiter that waited far longer.)
    time.sleep(0.3)
    decision = limiter.hit("tbk_back", rate_limit)
    assert decision.shared
    # The count kept in the private Redis before it stopped is gone (it keeps nothing on disk): 1 hit now.
    assert decision.remaining == int(rate_limit.partition("/")[0]) - 1


def test_one_round_trip_decides_as_the_library_does(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shared limiter's single script gives the answers limits' own two calls give."""
    import uuid

    from limits import parse, storage, strategies

    readers: list[object] = []
    library_read = storage.RedisStorage.get_sliding_window

    def spy(self: storage.RedisStorage, key: str, expiry: int) -> tuple[int, float, int, float]:
        readers.append(self)
        return library_read(self, key, expiry)

    monkeypatch.setattr(storage.RedisStorage, "get_sliding_window", spy)
    stock = strategies.SlidingWindowCounterRateLimiter(storage.RedisStorage(redis_url, key_prefix=_NAMESPACE))
    item = parse("5/minute")
    ours = RateLimiter(redis_url)
    key = f"tbk_{uuid.uuid4().hex[:8]}"
    for _ in range(7):
        decision = ours.hit(key, "5/minute")
        stats = stock.get_window_stats(item, key)
        assert decision.shared
        assert decision.remaining == stats.remaining
        # The window ends about 60 s from its start. (The library's own read can say "now" when it lands
        # in the same millisecond as the window's creation: the artifact the one-trip read corrects.)
        assert 55 <= decision.reset_seconds <= 60
    assert not decision.allowed
    # One round trip: our storage never fell back on the library's separate window read (the stock one did).
    assert readers
    assert all(reader is stock.storage for reader in readers)


# --- leased allowances (service/apikeys/leases.py) -----------------------------------------------
def test_a_lease_is_counted_before_it_is_spent_and_what_is_left_goes_back(redis_url: str) -> None:
    import uuid

    limiter = RateLimiter(redis_url)
    key = f"tbk_{uuid.uuid4().hex[:8]}"
    # 500/minute: leases of 10 (a fiftieth). The first request counts the whole lease in Redis.
    decisions = [limiter.hit(key, "500/minute")]
    assert window_counts(redis_url, key, "500/minute")[1] == 10
    decisions += [limiter.hit(key, "500/minute") for _ in range(9)]
    assert window_counts(redis_url, key, "500/minute")[1] == 10  # nine more spent here, no round trip
    decisions.append(limiter.hit(key, "500/minute"))
    assert window_counts(redis_url, key, "500/minute")[1] == 20  # the next lease
    # The headers read as exact counting would give them.
    assert [decision.remaining for decision in decisions] == list(range(499, 488, -1))
    assert all(decision.allowed and decision.shared and 55 <= decision.reset_seconds <= 60 for decision in decisions)
    # Unused, the lease ends after LEASE_SECONDS and the sweeper gives its 9 units back.
    deadline = time.monotonic() + 4 * LEASE_SECONDS
    while window_counts(redis_url, key, "500/minute")[1] != 11 and time.monotonic() < deadline:
        time.sleep(0.05)  # the sweeper's own pace is what is under test
    assert window_counts(redis_url, key, "500/minute")[1] == 11


def test_a_lease_ends_with_the_window_it_was_counted_in(redis_url: str) -> None:
    import uuid

    limiter = RateLimiter(redis_url)
    key = f"tbk_{uuid.uuid4().hex[:8]}"
    # Another worker's requests start the window (its whole lease spent); this one leases 0.5 s before it ends.
    starter = RateLimiter(redis_url)
    assert all(starter.hit(key, "500/second").allowed for _ in range(10))
    time.sleep(window_counts(redis_url, key, "500/second")[2] - time.time() - 0.5)
    assert limiter.hit(key, "500/second").allowed
    _, counted, ends = window_counts(redis_url, key, "500/second")
    assert counted == 20
    time.sleep(ends - time.time() + 0.05)  # just past the window's end, well within LEASE_SECONDS
    assert limiter.hit(key, "500/second").allowed
    # Not spent from the old lease: a new one counted in the new window, and the old one's 9 units
    # given back to the window they were counted in, now the previous one.
    assert window_counts(redis_url, key, "500/second")[:2] == (20 - 9, 10)


def test_workers_leasing_one_key_never_admit_more_than_its_limit_in_a_window(redis_url: str) -> None:
    """The overshoot bound, 0: every admission was counted in its own window beforehand (docs/performance.md)."""
    import threading
    import uuid

    from service.apikeys.leases import lease_size

    workers, limit, rate_limit = 6, 1000, "1000/second"
    assert lease_size(limit) == 20
    key = f"tbk_{uuid.uuid4().hex[:8]}"
    # The windows: the first request starts them, one second apart on Redis's clock (this machine's).
    RateLimiter(redis_url).hit(key, rate_limit)
    first_end = window_counts(redis_url, key, rate_limit)[2]
    admitted: list[tuple[float, float]] = []
    refused = 0
    windows_under_test = 3
    stop = first_end + windows_under_test + 0.05  # Unix time: the windows are Redis's clock's

    def worker() -> None:
        nonlocal refused
        limiter = RateLimiter(redis_url)  # one per worker process, each with its own leases
        while time.time() < stop:
            sent = time.time()
            decision = limiter.hit(key, rate_limit)
            if decision.allowed:
                admitted.append((sent, time.time()))
            else:
                refused += 1
                time.sleep(0.001)  # a refused client backs off a little, so Redis is not flooded

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert refused  # the limit bound: demand was above it
    inside = admitted_in_windows(admitted, first_end, 1.0, windows_under_test)
    print(f"admitted in each window: {inside} (limit {limit}); refused {refused}")
    assert all(count <= limit for count in inside), inside
    # And leases do not starve the key: each window admitted nearly all of its limit.
    assert all(count >= limit - workers * lease_size(limit) - 50 for count in inside), inside


def test_a_lease_that_cannot_go_back_is_logged_without_the_url(
    private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    limiter = RateLimiter(private_redis.url)
    with caplog.at_level(logging.WARNING, logger="service.apikeys.rate_limits"):
        assert limiter.hit("tbk_gone", "1000/hour").shared
        private_redis.stop()
        deadline = time.monotonic() + 4 * LEASE_SECONDS
        while "lease_not_given_back" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.05)  # the sweeper's own pace is what is under test
    assert "lease_not_given_back" in caplog.text
    assert "ConnectionError" in caplog.text  # the driver's error type, not limits' wrapper
    assert str(private_redis.port) not in caplog.text
