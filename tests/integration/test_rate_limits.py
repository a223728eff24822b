"""Rate limits shared through Redis: the machine's Redis, and a redis-server of the test's own stopped and started."""

from __future__ import annotations

import time
from typing import Any

import pytest

from service.apikeys.rate_limits import _NAMESPACE, RateLimiter
from service.wiring import Services, services
from tests.support.api import generate
from tests.support.apps import build_app, set_rate_limit
from tests.support.databases import DEFAULT_TEST_REDIS_URL, PrivateRedis, checked_redis_url, redis_database


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


def test_the_limiter_goes_back_to_redis_when_it_returns(private_redis: PrivateRedis) -> None:
    limiter = RateLimiter(private_redis.url, retry_seconds=0.2)
    assert limiter.hit("tbk_back", "100/hour").shared
    private_redis.stop()
    assert not limiter.hit("tbk_back", "100/hour").shared
    private_redis.start()
    # Past the limiter's 0.2 s retry window, which is what is under test: its very next hit goes to Redis.
    # (Polling would hit again and again until one did, and pass for a limiter that waited far longer.)
    time.sleep(0.3)
    decision = limiter.hit("tbk_back", "100/hour")
    assert decision.shared
    # The count kept in the private Redis before it stopped is gone (it keeps nothing on disk): 1 hit now.
    assert decision.remaining == 99


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
