"""Webhooks end to end: the dispatcher as its own process (as the Procfile runs it) delivering to a real receiver
on loopback, every delivery verified with `standardwebhooks`. A receiver that refuses connections and then answers
503 gets everything once it is up, with the same webhook-id on each retry; a dispatcher SIGKILLed mid-delivery
delivers after a restart; two gunicorn instances and two dispatchers on PostgreSQL deliver each event once.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from service.db import migrate as migrations
from service.webhooks.models import WebhookDelivery
from service.wiring import Services, services
from tests.support.api import generate
from tests.support.apps import build_app, seed_dev
from tests.support.cluster import PUBLIC_URL, broker_cluster, production_settings
from tests.support.databases import postgres_database
from tests.support.links import FROM_ITS_PAGE, link_path
from tests.support.privacy import WATCH
from tests.support.servers import mint_over_http
from tests.support.waiting import wait_until
from tests.support.webhooks import Receiver, dispatcher_process, register

# Seconds, small so each test takes seconds: the defaults are minutes to hours (docs/api.md "Webhooks").
FAST = {"WEBHOOK_POLL_SECONDS": "0.05", "WEBHOOK_RETRY_BASE_SECONDS": "0.2", "WEBHOOK_RETRY_MAX_SECONDS": "0.5"}


def _deliveries(svc: Services) -> list[WebhookDelivery]:
    with svc.db.session() as session:
        return list(session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def _settings(config: dict[str, Any], **extra: str) -> dict[str, str]:
    """What a dispatcher process needs to work on the test app's database: its settings, as the environment."""
    return {name: str(value) for name, value in {**config, **FAST, **extra}.items()}


def test_a_receiver_down_then_up_gets_every_event_with_the_same_ids(
    app: Flask, client: FlaskClient, creds: dict[str, Any], svc: Services, config: dict[str, Any], tmp_path: Path
) -> None:
    receiver = Receiver()
    endpoint = register(client, creds, receiver.url, ["link.created", "link.used"])
    answers = [generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey").get_json() for _ in range(4)]
    client.post(link_path(answers[0]), headers=FROM_ITS_PAGE)
    started = time.monotonic()
    with dispatcher_process(_settings(config), tmp_path / "dispatcher.log"):
        # Down: connections refused, every delivery tried at least once.
        # An attempt counts when claimed and its error is written when it ends: wait for the ends.
        wait_until(lambda: all(d.last_error for d in _deliveries(svc)), timeout=20, what="first attempts")
        assert {d.last_error for d in _deliveries(svc)} == {"connection_failed"}
        with receiver.serving():
            receiver.status = 503  # up, but failing
            wait_until(lambda: len({r.id for r in receiver.received}) == 5, timeout=20, what="503s for each event")
            receiver.status = 204
            wait_until(lambda: all(d.state == "delivered" for d in _deliveries(svc)), timeout=20, what="every delivery")
    took = time.monotonic() - started
    bodies = receiver.verified(endpoint["secret"])
    types = {received.id: body["type"] for received, body in zip(receiver.received, bodies, strict=True)}
    assert sorted(types.values()) == ["link.created"] * 4 + ["link.used"]
    by_id: dict[str, list[int]] = {}
    for received in receiver.received:
        by_id.setdefault(received.id, []).append(received.status)
    assert len(by_id) == 5  # one webhook-id per event, on every attempt
    for statuses in by_id.values():
        assert statuses[0] == 503
        assert statuses[-1] == 204
        assert statuses.count(204) == 1
    assert took < 30
    print(f"\nreceiver down then up: 5 events delivered in {took:.1f} s, {len(receiver.received)} requests")


def test_a_dispatcher_killed_mid_delivery_delivers_after_a_restart(
    app: Flask, client: FlaskClient, creds: dict[str, Any], svc: Services, config: dict[str, Any], tmp_path: Path
) -> None:
    receiver = Receiver()
    endpoint = register(client, creds, receiver.url, ["link.created"])
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    settings = _settings(config, WEBHOOK_TIMEOUT_SECONDS="1", WEBHOOK_LEASE_SECONDS="2.5")
    with receiver.serving():
        receiver.delay = 5  # holds the first attempt open: the dispatcher is mid-delivery when it dies
        with dispatcher_process(settings, tmp_path / "first.log") as first:
            wait_until(lambda: receiver.received, timeout=20, what="the first attempt to arrive")
            os.kill(first.pid, signal.SIGKILL)
            first.wait(10)
        receiver.delay = 0
        (delivery,) = _deliveries(svc)
        assert (delivery.state, delivery.attempts, delivery.lease_until is not None) == ("pending", 1, True)
        killed_at = time.monotonic()
        with dispatcher_process(settings, tmp_path / "second.log"):
            wait_until(lambda: _deliveries(svc)[0].state == "delivered", timeout=20, what="delivery after restart")
        took = time.monotonic() - killed_at
    assert len(receiver.received) == 2  # the cut attempt, and the one after the lease ended
    assert len(set(receiver.ids())) == 1
    assert [body["type"] for body in receiver.verified(endpoint["secret"])] == ["link.created"] * 2
    assert _deliveries(svc)[0].attempts == 2
    print(f"\nSIGKILLed mid-delivery: delivered {took:.1f} s after the kill (lease 2.5 s)")


@pytest.fixture
def webhook_cluster(emulator: str, redis_url: str, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """Two gunicorn instances and two dispatcher processes on one PostgreSQL database, an endpoint registered."""
    with postgres_database() as database_url:
        migrations.upgrade(database_url)
        # BROKER_ENV=test, not production: the receiver is on http://127.0.0.1, which production refuses.
        common = production_settings(database_url, redis_url, emulator, BROKER_ENV="test", **FAST)
        app = build_app(common)
        svc = services(app)
        creds = seed_dev(app, str(tmp_path), PUBLIC_URL)
        receiver = Receiver()
        tenant = svc.stores.tenants.tenant_by_name("dev").id
        endpoint = svc.webhooks.create(tenant, receiver.url, ["link.created", "link.used"])
        WATCH.watch(endpoint["secret"])
        with (
            receiver.serving(),
            broker_cluster(common, tmp_path) as servers,
            dispatcher_process(common, tmp_path / "dispatcher-0.log"),
            dispatcher_process(common, tmp_path / "dispatcher-1.log"),
        ):
            yield {"bases": [s.base for s in servers], "creds": creds, "svc": svc, "receiver": receiver,
                   "endpoint": endpoint}  # fmt: skip
        svc.db.engine.dispose()


def test_two_instances_and_two_dispatchers_on_postgresql_deliver_each_event_once(
    webhook_cluster: dict[str, Any],
) -> None:
    bases, creds, svc = webhook_cluster["bases"], webhook_cluster["creds"], webhook_cluster["svc"]
    receiver: Receiver = webhook_cluster["receiver"]

    def mint(n: int) -> dict[str, Any]:
        response = mint_over_http(bases[n % 2], creds["adminApiKey"], creds, "exorlive-main", expireIn=120)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        WATCH.watch(answer["url"].rsplit("/", 1)[1])
        return answer

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(mint, range(30)))
    for n, answer in enumerate(answers[:6]):
        path = "/l/" + answer["url"].rsplit("/l/", 1)[1]
        used = requests.post(bases[n % 2] + path, headers=FROM_ITS_PAGE, timeout=10, allow_redirects=False)
        assert used.status_code in (200, 303)
    expected = 30 + 6
    wait_until(lambda: len(receiver.received) >= expected, timeout=30, what=f"{expected} deliveries")
    took = time.monotonic() - started
    time.sleep(1)  # would a duplicate still come?
    assert len(receiver.received) == expected
    assert len(set(receiver.ids())) == expected
    bodies = receiver.verified(webhook_cluster["endpoint"]["secret"])
    assert sorted(body["data"]["linkId"] for body in bodies if body["type"] == "link.created") == sorted(
        answer["linkId"] for answer in answers
    )
    deliveries = _deliveries(svc)
    assert len(deliveries) == expected
    assert {(d.state, d.attempts) for d in deliveries} == {("delivered", 1)}
    print(f"\ntwo instances, two dispatchers: {expected} events delivered once each in {took:.1f} s")
