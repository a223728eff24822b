"""The dispatcher against a real HTTP receiver on loopback: signed deliveries verified by `standardwebhooks`,
retries with backoff and the same webhook-id, leases, giving up, disabling, no redirects, no internal addresses."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from flask.testing import FlaskClient
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from service.webhooks.dispatcher import Dispatcher
from service.webhooks.targets import UrlPolicy
from service.wiring import Services, dispatcher, sweeper
from tests.support.api import bearer, generate
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE, link_path
from tests.support.privacy import WATCH
from tests.support.webhooks import Receiver, register

API = "/api/v1/webhooks"


def _drain(svc: Services, rounds: int = 10) -> int:
    """Dispatcher rounds until one finds nothing due; how many deliveries were attempted."""
    worker, attempted = dispatcher(svc), 0
    for _ in range(rounds):
        done = worker.run_once()
        if not done:
            return attempted
        attempted += done
    return attempted


def _deliveries(client: FlaskClient, creds: dict[str, Any], endpoint: dict[str, Any]) -> list[dict[str, Any]]:
    response = client.get(f"{API}/{endpoint['id']}/deliveries", headers=bearer(creds["adminApiKey"]))
    return list(response.get_json()["deliveries"])


def _use_a_link(client: FlaskClient, creds: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey").get_json()
    assert client.post(link_path(answer), headers=FROM_ITS_PAGE).status_code in (200, 303)
    return answer


def test_a_used_link_gives_exactly_one_verified_link_used(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    receiver = Receiver()
    endpoint = register(client, creds, receiver.url, ["link.used"])
    answer = _use_a_link(client, creds)
    with receiver.serving():
        assert _drain(svc) == 1
    (body,) = receiver.verified(endpoint["secret"])
    assert body["type"] == "link.used"
    assert body["data"] == {
        "linkId": answer["linkId"],
        "profile": "exorlive-main",
        "state": "used",
        "requestId": body["data"]["requestId"],
        "livemode": True,
    }
    (received,) = receiver.received
    assert received.headers["content-type"] == "application/json"
    assert received.id.startswith("msg_")
    assert _drain(svc) == 0  # nothing left: exactly one


def test_a_failing_receiver_gets_the_event_again_with_the_same_id(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    receiver = Receiver()
    endpoint = register(client, creds, receiver.url, ["link.created"])
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    assert _drain(svc) == 1  # refused: the receiver is not up
    (delivery,) = _deliveries(client, creds, endpoint)
    assert (delivery["state"], delivery["attempts"], delivery["lastError"]) == ("pending", 1, "connection_failed")
    with receiver.serving():
        receiver.status = 503
        assert _drain(svc) == 0  # not due yet: backing off
        clock.advance(10)
        assert _drain(svc) == 1
        (delivery,) = _deliveries(client, creds, endpoint)
        assert (delivery["state"], delivery["attempts"], delivery["lastStatus"]) == ("pending", 2, 503)
        receiver.status = 200
        clock.advance(20)
        assert _drain(svc) == 1
    (delivery,) = _deliveries(client, creds, endpoint)
    assert (delivery["state"], delivery["attempts"], delivery["lastStatus"]) == ("delivered", 3, 200)
    assert len(set(receiver.ids())) == 1
    assert len(receiver.verified(endpoint["secret"])) == 2
    assert (
        client.get(f"{API}/{endpoint['id']}", headers=bearer(creds["adminApiKey"])).get_json()["failingSince"] is None
    )


@pytest.mark.settings(
    WEBHOOK_RETRY_BASE_SECONDS="10", WEBHOOK_RETRY_MAX_SECONDS="40", WEBHOOK_RETRY_WINDOW_SECONDS="200"
)
def test_backoff_doubles_with_jitter_up_to_its_cap_then_the_delivery_fails_at_the_window(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    endpoint = register(client, creds, Receiver().url, ["link.created"])  # never up: refused
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    waits = []
    for _ in range(30):
        assert _drain(svc) == 1
        (delivery,) = _deliveries(client, creds, endpoint)
        if delivery["state"] == "failed":
            break
        last, due = (dt.datetime.fromisoformat(delivery[key]) for key in ("lastAttemptAt", "nextAttemptAt"))
        waits.append((due - last).total_seconds())
        clock.advance((due - last).total_seconds() + 1)
    assert delivery["state"] == "failed"
    # Half to all of 10, 20, 40 s (the clock moves in whole seconds past each), then never over the 40 s cap.
    assert 5 - 1 <= waits[0] <= 10
    assert 10 - 1 <= waits[1] <= 20
    assert 20 - 1 <= waits[2] <= 40
    assert all(wait <= 40 for wait in waits)
    created = dt.datetime.fromisoformat(delivery["createdAt"])
    assert (dt.datetime.fromisoformat(delivery["lastAttemptAt"]) - created).total_seconds() >= 200


def _one_attempt(
    client: FlaskClient, creds: dict[str, Any], svc: Services, status: int = 204, delay: float = 0
) -> tuple[Receiver, dict[str, Any]]:
    """One event sent once to a receiver answering `status` after `delay` s; the receiver and the delivery."""
    receiver = Receiver()
    endpoint = register(client, creds, receiver.url, ["link.created"])
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    with receiver.serving():
        receiver.status, receiver.delay = status, delay
        assert _drain(svc) == 1
    (delivery,) = _deliveries(client, creds, endpoint)
    return receiver, delivery


def test_redirects_are_not_followed(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    receiver, delivery = _one_attempt(client, creds, svc, status=307)
    assert len(receiver.received) == 1
    assert (delivery["state"], delivery["lastStatus"], delivery["lastError"]) == ("pending", 307, "http_status")


@pytest.mark.settings(WEBHOOK_TIMEOUT_SECONDS="0.2", WEBHOOK_LEASE_SECONDS="1")
def test_a_slow_receiver_times_out(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    _receiver, delivery = _one_attempt(client, creds, svc, delay=1)
    assert (delivery["state"], delivery["lastError"]) == ("pending", "timeout")


@pytest.mark.settings(WEBHOOK_DISABLE_AFTER_SECONDS="30")
def test_an_endpoint_failing_too_long_is_disabled_and_the_tenant_told(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    failing, healthy = Receiver(), Receiver()
    broken = register(client, creds, failing.url, ["link.created"])
    watcher = register(client, creds, healthy.url, ["webhook.disabled"])
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    with healthy.serving():
        assert _drain(svc) == 1
        clock.advance(31)
        assert _drain(svc) == 2  # the retry, which disables it, then webhook.disabled to the other endpoint
    shown = client.get(f"{API}/{broken['id']}", headers=bearer(creds["adminApiKey"])).get_json()
    assert (shown["state"], shown["disabledAt"] is not None) == ("disabled", True)
    (delivery,) = _deliveries(client, creds, broken)
    assert delivery["state"] == "failed"
    (told,) = healthy.verified(watcher["secret"])
    assert told["type"] == "webhook.disabled"
    assert told["data"] == {"webhookId": broken["id"], "reason": "failing"}
    events = client.get(f"{API}/events", headers=bearer(creds["adminApiKey"])).get_json()["events"]
    assert [event["type"] for event in events] == ["webhook.disabled", "link.created"]
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    assert len(_deliveries(client, creds, broken)) == 1  # nothing new for a disabled endpoint
    redeliver = f"{API}/{broken['id']}/deliveries/{delivery['id']}/redeliver"
    assert client.post(redeliver, headers=bearer(creds["adminApiKey"])).get_json()["code"] == "webhook_disabled"


def test_in_production_an_address_turned_internal_is_refused_at_delivery(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    receiver = Receiver()
    endpoint = register(client, creds, f"https://hooks.example.com:{receiver.port}/hooks", ["link.created"])
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    # The name resolved to a public address at registration; now it points at the broker's own loopback.
    policy = UrlPolicy(production=True, resolver=lambda host, port: ["127.0.0.1"])
    worker = Dispatcher(
        svc.stores.webhooks,
        svc.settings.webhooks,
        svc.settings.server_secret,
        policy,
        svc.outbox,
        sweeper(svc),
        svc.clock,
    )
    with receiver.serving():
        assert worker.run_once() == 1
    assert receiver.received == []
    assert _deliveries(client, creds, endpoint)[0]["lastError"] == "address_not_allowed"


@pytest.mark.settings(WEBHOOK_SECRET_OVERLAP_SECONDS="0.5")
def test_after_a_secret_rotation_both_secrets_verify_for_the_overlap_then_only_the_new_one(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    receiver = Receiver()
    endpoint = register(client, creds, receiver.url, ["link.created"])
    rotated = client.post(f"{API}/{endpoint['id']}/rotate-secret", headers=bearer(creds["adminApiKey"])).get_json()
    WATCH.watch(rotated["secret"])
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    with receiver.serving():
        assert _drain(svc) == 1
        assert receiver.verified(endpoint["secret"]) == receiver.verified(rotated["secret"])
        time.sleep(0.6)  # the overlap (WEBHOOK_SECRET_OVERLAP_SECONDS) ends
        generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
        assert _drain(svc) == 1
    last = receiver.received[-1]
    assert len(last.headers["webhook-signature"].split(" ")) == 1
    Webhook(rotated["secret"]).verify(last.body, last.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint["secret"]).verify(last.body, last.headers)
