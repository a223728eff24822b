"""Secrets Manager failing: a warm broker keeps minting until the staleness limit, the JWKS keeps serving,
a cold broker starts unready, and both recover by themselves. The moto server is really stopped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.wiring import Services, services
from tests.support.api import generate, problem
from tests.support.apps import build_app
from tests.support.aws import Emulator
from tests.support.clock import Clock
from tests.support.waiting import wait_until

MAX_STALENESS = 60


# Recovery waits on the secrets cache's retry backoff (1, 2, 4 … s, capped at 15 s): real time, bounded.
RECOVERY_TIMEOUT = 40.0


@pytest.fixture
def secrets_manager(emulator: str) -> Iterator[Emulator]:
    # `emulator` first: the session's dev secret is created there, and moto's state is shared in-process.
    controllable = Emulator()
    controllable.start()
    yield controllable
    controllable.stop()


@pytest.fixture
def config(config: dict[str, Any], secrets_manager: Emulator) -> dict[str, Any]:
    return {
        **config,
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": secrets_manager.url,
        "SECRET_REFRESH_SECONDS": "1",
        "KEY_MAX_STALENESS_SECONDS": str(MAX_STALENESS),
    }


def _timed(call: Callable[[], Any]) -> tuple[Any, float]:
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def _calls_from_this_thread(svc: Services) -> list[str]:
    """Secrets Manager calls made by the calling thread (the test client runs requests in it), from now on.

    Proves that requests do not wait on Secrets Manager without asserting wall-clock time, which a shared
    machine makes noisy; the background refresher's calls happen in its own thread and are not counted.
    """
    calls: list[str] = []
    me = threading.get_ident()

    def record(model: Any, **_: Any) -> None:
        if threading.get_ident() == me:
            calls.append(model.name)

    svc.secrets_client.meta.events.register("before-call.secrets-manager", record)
    return calls


def _failed_calls(svc: Services) -> list[str]:
    """This app's Secrets Manager calls that got no answer at all (after botocore's retries), from now on."""
    failed: list[str] = []

    def record(event_name: str, **_: Any) -> None:
        failed.append(event_name.rsplit(".", 1)[-1])

    svc.secrets_client.meta.events.register("after-call-error.secrets-manager", record)
    return failed


def test_a_warm_broker_survives_an_outage_until_the_staleness_limit_and_recovers(
    client: FlaskClient, creds: dict[str, Any], svc: Services, secrets_manager: Emulator, clock: Clock
) -> None:
    assert generate(client, creds).status_code == 200
    assert client.get("/readyz").status_code == 200

    failed = _failed_calls(svc)
    secrets_manager.stop()
    # Until the refresher has failed against the stopped server more than once.
    waited = wait_until(
        lambda: len(failed) >= 2, timeout=RECOVERY_TIMEOUT, what="the key refresher to fail twice against the outage"
    )
    print(f"warm outage: the refresher failed {failed} within {waited:.1f} s")
    request_calls = _calls_from_this_thread(svc)
    for _ in range(5):
        response, seconds = _timed(lambda: generate(client, creds))
        assert response.status_code == 200
        print(f"warm outage: a mint took {seconds * 1000:.0f} ms")
    assert request_calls == [], "requests must not call Secrets Manager while keys are cached"
    fresh_jwks = client.get("/.well-known/jwks.json")
    assert fresh_jwks.status_code == 200
    assert "X-Keys-Stale" not in fresh_jwks.headers

    clock.advance(MAX_STALENESS + 1)
    body = problem(generate(client, creds), 503, "key_unavailable")
    assert "not confirmed" in body["detail"]
    stale_jwks = client.get("/.well-known/jwks.json")
    assert stale_jwks.status_code == 200
    assert stale_jwks.headers["X-Keys-Stale"] == "true"
    assert int(stale_jwks.headers["X-Keys-Age"]) > MAX_STALENESS
    assert stale_jwks.get_json() == fresh_jwks.get_json()
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.get_json()["keysets"]["dev-es256"]["stale"] is True

    secrets_manager.start()
    took = wait_until(
        lambda: generate(client, creds).status_code == 200,
        timeout=RECOVERY_TIMEOUT,
        interval=0.25,
        what="minting to recover",
    )
    print(f"warm outage: minting recovered {took:.1f} s after Secrets Manager came back")
    assert client.get("/readyz").status_code == 200
    assert "X-Keys-Stale" not in client.get("/.well-known/jwks.json").headers


def test_a_cold_broker_starts_unready_and_recovers_by_itself(
    app: Flask, creds: dict[str, Any], config: dict[str, Any], secrets_manager: Emulator
) -> None:
    secrets_manager.stop()
    cold = build_app(config)  # a new process's view: the same database, nothing cached
    client = cold.test_client()
    ready, seconds = _timed(lambda: client.get("/readyz"))
    assert ready.status_code == 503
    assert ready.get_json()["keysets"]["dev-es256"]["usable"] is False
    print(f"cold start: first readiness answer in {seconds:.2f} s")
    problem(generate(client, creds), 503, "key_unavailable")
    request_calls = _calls_from_this_thread(services(cold))
    again, seconds = _timed(lambda: generate(client, creds))
    assert again.status_code == 503
    print(f"cold start: a refused mint took {seconds * 1000:.0f} ms")
    assert request_calls == [], "requests must not each retry an unreachable Secrets Manager"
    problem(client.get("/.well-known/jwks.json"), 503, "key_unavailable")

    secrets_manager.start()
    took = wait_until(
        lambda: client.get("/readyz").status_code == 200, timeout=RECOVERY_TIMEOUT, interval=0.25, what="readiness"
    )
    print(f"cold start: ready {took:.1f} s after Secrets Manager came back")
    assert generate(client, creds).status_code == 200
