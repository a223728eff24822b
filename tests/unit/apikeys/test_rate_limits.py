"""Rate limits per API key in one process: 429 problem+json with Retry-After and the RateLimit headers."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from flask.testing import FlaskClient

from service import create_app
from service.apikeys import credentials
from service.apikeys.settings import normalise_rate_limit, per_second
from service.errors import ConfigError
from service.wiring import Services, services
from tests.support.api import bearer, generate, problem
from tests.support.apps import build_app, set_rate_limit
from tests.support.ports import free_port
from tests.support.privacy import WATCH


def test_over_the_limit_is_a_429_with_retry_after(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    set_rate_limit(svc, creds, "3/minute")
    remaining = []
    for _ in range(3):
        response = generate(client, creds)
        assert response.status_code == 200
        assert response.headers["RateLimit-Limit"] == "3"
        assert response.headers["RateLimit-Policy"] == "3;w=60"
        assert 1 <= int(response.headers["RateLimit-Reset"]) <= 60
        remaining.append(response.headers["RateLimit-Remaining"])
    assert remaining == ["2", "1", "0"]
    refused = generate(client, creds)
    body = problem(refused, 429, "rate_limited")
    assert "3 requests per minute" in body["detail"]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["RateLimit-Remaining"] == "0"
    assert refused.headers["Cache-Control"] == "no-store"
    # Another key of the same tenant has its own count.
    assert generate(client, creds, key="adminApiKey").status_code == 200


@pytest.mark.settings(RATE_LIMIT="2/hour")
def test_a_key_without_its_own_limit_has_the_brokers(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    assert generate(client, creds).headers["RateLimit-Policy"] == "2;w=3600"
    assert generate(client, creds).status_code == 200
    problem(generate(client, creds), 429, "rate_limited")
    # Its own limit, once set, replaces the default (this instance sees the change at once).
    set_rate_limit(svc, creds, "10/hour")
    assert generate(client, creds).headers["RateLimit-Limit"] == "10"


def test_errors_after_admission_carry_the_headers_and_count(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    set_rate_limit(svc, creds, "2/minute")
    invalid = generate(client, creds, payload={"iss": "me"})
    problem(invalid, 422, "validation_failed")
    assert invalid.headers["RateLimit-Remaining"] == "1"
    assert client.get("/api/v1/links", headers=bearer(creds["apiKey"])).status_code == 403
    problem(generate(client, creds), 429, "rate_limited")


def test_unknown_keys_are_refused_before_any_counting(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    set_rate_limit(svc, creds, "3/minute")
    # Wrong keys that share the real key's prefix (the counter's name): refusing them must not use its limit.
    real = creds["apiKey"]
    forged = real[: credentials.PREFIX_LENGTH] + "x" * (len(real) - credentials.PREFIX_LENGTH)
    for api_key in (forged, forged, forged, "nope"):
        response = client.post("/api/v1/generateJWT", json={}, headers=bearer(api_key))
        problem(response, 401, "unauthorized")
        assert "RateLimit-Limit" not in response.headers
    assert generate(client, creds).headers["RateLimit-Remaining"] == "2"


@pytest.mark.parametrize("text", ["600", "0/minute", "10/fortnight", "ten/minute", "1/minute;5/hour"])
def test_malformed_limits_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="600/minute"):
        normalise_rate_limit(text)


def test_limits_are_normalised() -> None:
    assert normalise_rate_limit(" 600/Minutes ") == "600/minute"


def test_a_bad_rate_limit_setting_stops_the_start(config: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="RATE_LIMIT"):
        create_app({**config, "RATE_LIMIT": "lots"})
    with pytest.raises(ConfigError, match="REDIS_URL"):
        create_app({**config, "REDIS_URL": "http://127.0.0.1:6379"})


def test_when_redis_is_down_each_process_counts_alone(
    config: dict[str, Any], creds: dict[str, Any], svc: Services, caplog: pytest.LogCaptureFixture
) -> None:
    """The documented choice: fail open to local counters, so SSO keeps working and keys stay limited."""
    set_rate_limit(svc, creds, "3/hour")
    unreachable = f"redis://:redis-password-never-logged@127.0.0.1:{free_port()}/0"
    WATCH.watch("redis-password-never-logged")  # every log line of the session, not only this logger's
    app = build_app({**config, "REDIS_URL": unreachable})
    client = app.test_client()
    with caplog.at_level(logging.WARNING, logger="service.rate_limits"):
        started = time.monotonic()
        statuses = [generate(client, creds).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert time.monotonic() - started < 5  # never stuck on the unreachable server
    assert not services(app).rate_limiter.shared
    assert "redis_unreachable" in caplog.text
    assert "redis-password-never-logged" not in caplog.text
    services(app).db.engine.dispose()


def test_a_leased_limit_with_redis_down_counts_in_this_process_too(
    config: dict[str, Any], creds: dict[str, Any], svc: Services
) -> None:
    """A limit high enough to be leased (service/apikeys/leases.py) falls back the same way, never a 500."""
    set_rate_limit(svc, creds, "1000/hour")
    app = build_app({**config, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})
    client = app.test_client()
    responses = [generate(client, creds) for _ in range(3)]
    assert [response.status_code for response in responses] == [200] * 3
    assert [response.headers["RateLimit-Remaining"] for response in responses] == ["999", "998", "997"]
    assert not services(app).rate_limiter.shared
    services(app).db.engine.dispose()


@pytest.mark.parametrize(
    ("rate_limit", "expected"),
    [("600/minute", 10.0), ("1/second", 1.0), ("3600/hour", 1.0), ("86400/day", 1.0), ("1000000/second", 1e6)],
)
def test_a_rate_limit_compares_as_requests_per_second(rate_limit: str, expected: float) -> None:
    assert per_second(rate_limit) == expected
