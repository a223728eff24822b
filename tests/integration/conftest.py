"""Fixtures of the integration tests: the machine's PostgreSQL and Redis, and a redis-server of a test's own.

Every test in this folder gets the `integration` marker, so `pytest -m "not integration"` skips them
(`make test-fast` runs tests/unit only).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.databases import REDIS_URL, PrivateRedis, checked_redis_url, postgres_database

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The machine's Redis, in the tests' own database (TEST_REDIS_URL, database 15 unless told; never 0);
    tests keep apart by their fresh API keys' prefixes."""
    import redis

    url = checked_redis_url(REDIS_URL)
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis is needed at {url} (see docs/development.md, 'Services'): {type(error).__name__}")
    return url


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()
