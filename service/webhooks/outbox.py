"""The transactional outbox: webhook events written in the transaction of the change they report.

A feature that changes something a webhook reports (a link used, revoked, expired; a keyset rotated) passes its
session here, so the change and its events commit together or not at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, exists, select
from sqlalchemy.orm import Session

from service.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent


@dataclasses.dataclass(frozen=True)
class OutboxEvent:
    """An event for a tenant's webhook endpoints, inserted in the transaction of the change it reports."""

    public_id: str
    tenant_id: int
    type: str
    created_at: dt.datetime
    data: dict[str, Any]
    # One delivery per endpoint: (endpoint id, delivery public id). Empty: only the tenant's events list has it.
    deliveries: tuple[tuple[int, str], ...]


_EVENTS = cast(Table, WebhookEvent.__table__)
_DELIVERIES = cast(Table, WebhookDelivery.__table__)


def add_outbox(session: Session, events: Sequence[OutboxEvent]) -> None:
    """Insert webhook events and their deliveries in the session's transaction.

    Core statements on the session's connection: no ORM bookkeeping on the request path (it cost as much as the
    inserts themselves).
    """
    if not events:
        return
    connection = session.connection()
    for outbox_event in events:
        event_id = connection.execute(
            _EVENTS.insert().returning(_EVENTS.c.id),
            {
                "public_id": outbox_event.public_id,
                "tenant_id": outbox_event.tenant_id,
                "type": outbox_event.type,
                "created_at": outbox_event.created_at,
                "data": outbox_event.data,
            },
        ).scalar_one()
        deliveries = _still_live(connection, outbox_event.deliveries)
        if deliveries:
            connection.execute(
                _DELIVERIES.insert(),
                [
                    {
                        "public_id": delivery_public_id,
                        "event_id": event_id,
                        "endpoint_id": endpoint_id,
                        "state": "pending",
                        "attempts": 0,
                        "created_at": outbox_event.created_at,
                        "next_attempt_at": outbox_event.created_at,
                    }
                    for endpoint_id, delivery_public_id in deliveries
                ],
            )


def _still_live(connection: Any, deliveries: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """The deliveries whose endpoint still exists and is enabled.

    The routes come from a cache up to LOOKUP_CACHE_SECONDS old: an endpoint deleted through another worker
    since would fail the insert's foreign key and with it the change being reported (a link use, a mint).
    """
    if not deliveries:
        return []
    ids = {endpoint_id for endpoint_id, _ in deliveries}
    live = set(
        connection.execute(
            select(WebhookEndpoint.id).where(WebhookEndpoint.id.in_(ids), WebhookEndpoint.disabled_at.is_(None))
        ).scalars()
    )
    return [delivery for delivery in deliveries if delivery[0] in live]


def withdraw_event(session: Session, public_id: str) -> None:
    """Drop a webhook event's deliveries that were never tried, and the event if none is left."""
    event_id = session.scalar(select(WebhookEvent.id).where(WebhookEvent.public_id == public_id))
    if event_id is None:
        return
    session.execute(
        delete(WebhookDelivery).where(
            WebhookDelivery.event_id == event_id, WebhookDelivery.attempts == 0, WebhookDelivery.lease_until.is_(None)
        )
    )
    if not session.scalar(select(exists().where(WebhookDelivery.event_id == event_id))):
        session.execute(delete(WebhookEvent).where(WebhookEvent.id == event_id))
