"""One-off measurement for issue 25: what a rate-limit check costs a worker, counted per request or leased.

`python -m bench.rate_limits` times `RateLimiter.hit` in this process against Redis (BENCH_REDIS_URL, default
the local server's database 15), rounds alternating: `per request`, a limit below the leasing threshold
(99/second: one atomic script per request, as every check was before), and `leased`, the bench's own
1000000/second limit and the default 600/minute (leases of 50 and 12 units: one script call per lease, the
other checks spent in this process). Each round is `BENCH_CHECKS` checks on a fresh key, spread over keys so
that the per-request limit is never reached. Prints the median and best µs per check over the rounds: CPU
time of the calling thread (the worker's share; Redis's own work is in redis-server) and wall time.
Knobs: BENCH_ROUNDS (default 15), BENCH_CHECKS (default 2000), BENCH_REDIS_URL.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import uuid

from bench.procs import BenchError
from bench.run import _env_int
from service.apikeys.rate_limits import RateLimiter

# (name, limit, checks per key): 99/second is not leased; a key takes 90 checks, under its limit.
_CASES = (("per request", "99/second", 90), ("leased 600/minute", "600/minute", 500), ("leased", "1000000/second", 0))


def _round(limiter: RateLimiter, rate_limit: str, per_key: int, checks: int) -> tuple[float, float]:
    """CPU and wall µs per check of `checks` checks, a fresh key every `per_key` checks (0: one key)."""
    keys = [f"tbk_{uuid.uuid4().hex[:8]}" for _ in range(checks // per_key + 1 if per_key else 1)]
    cpu, wall = time.thread_time_ns(), time.perf_counter_ns()
    for n in range(checks):
        if not limiter.hit(keys[n // per_key if per_key else 0], rate_limit).allowed:
            raise BenchError(f"{rate_limit} refused a check: the round must stay under the limit")
    return (time.thread_time_ns() - cpu) / checks / 1000, (time.perf_counter_ns() - wall) / checks / 1000


def main() -> None:
    rounds, checks = _env_int("BENCH_ROUNDS", 15), _env_int("BENCH_CHECKS", 2000)
    limiter = RateLimiter(os.environ.get("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/15")
    if not limiter.hit("tbk_warmup", "99/second").shared:
        raise BenchError("Redis did not answer")
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in _CASES}
    for _ in range(rounds):
        for name, rate_limit, per_key in _CASES:
            timings[name].append(_round(limiter, rate_limit, per_key, checks))
    print(f"rate-limit checks, {rounds} rounds of {checks}, counted in Redis")
    for name, values in timings.items():
        cpu, wall = [value[0] for value in values], [value[1] for value in values]
        print(
            f"  {name:18} CPU median {statistics.median(cpu):6.1f} µs a check (best {min(cpu):.1f}),"
            f" wall median {statistics.median(wall):6.1f} µs"
        )


if __name__ == "__main__":
    try:
        main()
    except BenchError as error:
        sys.exit(f"bench: {error}")
