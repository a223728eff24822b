"""WebhookStore on SQLite and PostgreSQL: parallel dispatchers never claim the same attempt (SKIP LOCKED on
PostgreSQL, the conditional UPDATE on SQLite), and a lease that ended hands the delivery on."""

from __future__ import annotations

import datetime as dt
import itertools
from concurrent.futures import ThreadPoolExecutor

from service.db.database import Database
from service.webhooks.outbox import OutboxEvent, add_outbox
from service.webhooks.store import DeliveryOutcome
from service.wiring import Stores
from tests.support.stores import NOW, a_profile

DELIVERIES = 40
DISPATCHERS = 4


def _endpoint(stores: Stores, tenant_id: int) -> int:
    fields = {
        "public_id": "we_store_test",
        "tenant_id": tenant_id,
        "url": "https://hooks.example.com/x",
        "event_types": [],
        "sealed_secret": b"sealed",
        "created_at": NOW,
    }
    endpoint = stores.webhooks.add_webhook_endpoint(fields, limit=10)
    assert endpoint is not None
    return endpoint.id


def _events(database: Database, tenant_id: int, endpoint_id: int, count: int) -> None:
    with database.session() as session:  # as a change writes its events, in its own transaction
        add_outbox(
            session,
            [
                OutboxEvent(f"evt_{n}", tenant_id, "link.created", NOW, {"n": n}, ((endpoint_id, f"msg_{n}"),))
                for n in range(count)
            ],
        )


def test_parallel_dispatchers_never_claim_the_same_delivery(stores: Stores, database: Database) -> None:
    profile = a_profile(stores)
    endpoint_id = _endpoint(stores, profile.tenant_id)
    _events(database, profile.tenant_id, endpoint_id, DELIVERIES)
    lease = NOW + dt.timedelta(seconds=60)

    def dispatcher(_: int) -> list[int]:
        claimed: list[int] = []
        while batch := stores.webhooks.claim_deliveries(NOW, lease, 3):
            claimed += [delivery.delivery_id for delivery in batch]
        return claimed

    with ThreadPoolExecutor(DISPATCHERS) as pool:
        claims = list(pool.map(dispatcher, range(DISPATCHERS)))
    every = list(itertools.chain.from_iterable(claims))
    assert len(every) == DELIVERIES
    assert len(set(every)) == DELIVERIES  # no delivery went to two dispatchers


def test_an_attempt_whose_lease_ended_records_nothing(stores: Stores, database: Database) -> None:
    profile = a_profile(stores)
    endpoint_id = _endpoint(stores, profile.tenant_id)
    _events(database, profile.tenant_id, endpoint_id, 1)
    lease = NOW + dt.timedelta(seconds=60)
    (first,) = stores.webhooks.claim_deliveries(NOW, lease, 10)
    assert stores.webhooks.claim_deliveries(NOW, lease, 10) == []  # held
    later = NOW + dt.timedelta(seconds=61)  # the first dispatcher died: its lease ended
    (second,) = stores.webhooks.claim_deliveries(later, later + dt.timedelta(seconds=60), 10)
    assert (first.attempt, second.attempt) == (1, 2)
    delivered = DeliveryOutcome("delivered", 200, None, later)
    assert not stores.webhooks.finish_attempt(first, delivered, NOW)
    stores.webhooks.finish_attempt(second, delivered, NOW)
    (delivery,) = stores.webhooks.list_webhook_deliveries(endpoint_id, 10)
    assert (delivery.state, delivery.attempts, delivery.lease_until) == ("delivered", 2, None)


def test_old_events_with_nothing_left_to_deliver_are_purged(stores: Stores, database: Database) -> None:
    profile = a_profile(stores)
    endpoint_id = _endpoint(stores, profile.tenant_id)
    _events(database, profile.tenant_id, endpoint_id, 2)
    (claimed,) = stores.webhooks.claim_deliveries(NOW, NOW + dt.timedelta(seconds=60), 1)
    stores.webhooks.finish_attempt(claimed, DeliveryOutcome("delivered", 200, None, NOW), NOW)
    assert stores.webhooks.purge_webhook_events(NOW + dt.timedelta(days=1)) == 1  # the other still waits
    assert [event.public_id for event in stores.webhooks.list_webhook_events(profile.tenant_id, 10)] == ["evt_1"]
