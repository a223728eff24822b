"""A key's rate-limit windows as Redis holds them: counts, and when the current window ends."""

from __future__ import annotations

from collections.abc import Iterable

from limits import parse

from service.apikeys.rate_limits import _NAMESPACE


def window_counts(redis_url: str, key: str, rate_limit: str) -> tuple[int, int, float]:
    """The key's previous and current window counts in Redis, and when the current window ends (Unix time)."""
    import redis

    item = parse(rate_limit)
    current = f"{_NAMESPACE}:{{{item.key_for(key)}}}"
    client = redis.Redis.from_url(redis_url)
    # One transaction: the TTL and Redis's clock read at the same instant.
    pipeline = client.pipeline(transaction=True)
    pipeline.get(current + "/-1")
    pipeline.get(current)
    pipeline.pttl(current)
    pipeline.time()
    previous_count, current_count, current_ttl, (seconds, microseconds) = pipeline.execute()
    ends = seconds + microseconds / 1e6 + (int(current_ttl) - item.get_expiry() * 1000) / 1000
    return int(previous_count or 0), int(current_count or 0), ends


def admitted_in_windows(
    admitted: Iterable[tuple[float, float]], first_end: float, window: float, count: int
) -> list[int]:
    """Admissions known to fall inside each of `count` windows after `first_end`: sent and answered in it.

    Each window is narrowed by 1 ms at both ends for the clocks' readings (Redis's TTLs are in milliseconds),
    so a count is never more than the window really admitted.
    """
    spans = list(admitted)
    bounds = [(first_end + n * window + 0.001, first_end + (n + 1) * window - 0.001) for n in range(count)]
    return [sum(1 for sent, answered in spans if start <= sent and answered < end) for start, end in bounds]
