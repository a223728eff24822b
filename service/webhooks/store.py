"""Queries of the webhook tables: endpoints, the outbox of events, and deliveries with their leases.

Another feature's change writes its events in its own transaction with `webhooks.outbox.add_outbox`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import joinedload

from service.db.database import Database, retried_once, unstorable
from service.errors import WebhookNotFound
from service.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from service.webhooks.outbox import OutboxEvent, add_outbox


@dataclasses.dataclass(frozen=True)
class WebhookRoutes:
    """A tenant's live webhook endpoints by the event types they receive (cached per tenant)."""

    by_type: dict[str, tuple[int, ...]]
    every_type: tuple[int, ...]

    def endpoints_for(self, event_type: str) -> tuple[int, ...]:
        return self.every_type + self.by_type.get(event_type, ())


@dataclasses.dataclass(frozen=True)
class ClaimedDelivery:
    """A delivery a dispatcher holds the lease of, for its `attempt`th attempt, with what it needs to send it."""

    delivery_id: int
    attempt: int
    created_at: dt.datetime
    event_public_id: str
    event_type: str
    event_created_at: dt.datetime
    event_data: dict[str, Any]
    endpoint_id: int
    endpoint_public_id: str
    tenant_id: int
    url: str
    sealed_secret: bytes
    previous_sealed_secret: bytes | None
    previous_secret_until: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class DeliveryOutcome:
    """What one attempt came to: delivered, another attempt at `next_attempt_at`, or failed for good."""

    state: str  # delivered, pending or failed
    status: int | None
    error: str | None
    at: dt.datetime
    next_attempt_at: dt.datetime | None = None


class WebhookStore:
    """Endpoints (their routes cached per tenant), deliveries, and the dispatcher's claims and outcomes."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @retried_once
    def webhook_routes(self, tenant_id: int) -> WebhookRoutes:
        """Which live endpoints of a tenant receive which event types, as read up to LOOKUP_CACHE_SECONDS ago.

        Asked on every change a webhook could report: for a tenant without endpoints it is a cache hit that
        answers "nobody", so the change costs no outbox write.
        """

        def load() -> WebhookRoutes:
            with self._db.session() as session:
                rows = session.execute(
                    select(WebhookEndpoint.id, WebhookEndpoint.event_types).where(
                        WebhookEndpoint.tenant_id == tenant_id, WebhookEndpoint.disabled_at.is_(None)
                    )
                ).all()
            by_type: dict[str, tuple[int, ...]] = {}
            every: list[int] = []
            for endpoint_id, types in rows:
                if not types:
                    every.append(endpoint_id)
                for event_type in types or ():
                    by_type[event_type] = (*by_type.get(event_type, ()), endpoint_id)
            return WebhookRoutes(by_type, tuple(every))

        routes = self._db.cache.get(("webhook_routes", tenant_id), load)
        assert routes is not None  # load never answers None
        return routes

    def _forget_routes(self, tenant_id: int) -> None:
        self._db.cache.forget(("webhook_routes", tenant_id))

    def add_webhook_endpoint(self, fields: dict[str, Any], limit: int) -> WebhookEndpoint | None:
        """A new endpoint, or None when the tenant already has `limit` of them."""
        with self._db.session() as session:
            count = session.scalar(
                select(func.count())
                .select_from(WebhookEndpoint)
                .where(WebhookEndpoint.tenant_id == fields["tenant_id"])
            )
            if (count or 0) >= limit:
                return None
            endpoint = WebhookEndpoint(**fields)
            session.add(endpoint)
            session.flush()
        self._forget_routes(endpoint.tenant_id)
        return endpoint

    @retried_once
    def list_webhook_endpoints(self, tenant_id: int | None) -> list[WebhookEndpoint]:
        query = select(WebhookEndpoint).order_by(WebhookEndpoint.id)
        if tenant_id is not None:
            query = query.where(WebhookEndpoint.tenant_id == tenant_id)
        with self._db.session() as session:
            return list(session.scalars(query))

    @retried_once
    def webhook_endpoint(self, tenant_id: int | None, public_id: str) -> WebhookEndpoint | None:
        if unstorable(public_id):
            return None
        query = select(WebhookEndpoint).where(WebhookEndpoint.public_id == public_id)
        if tenant_id is not None:
            query = query.where(WebhookEndpoint.tenant_id == tenant_id)
        with self._db.session() as session:
            return session.scalar(query)

    def delete_webhook_endpoint(self, endpoint: WebhookEndpoint) -> None:
        """The endpoint and its deliveries go; the tenant's events stay in its list."""
        with self._db.session() as session:
            session.execute(delete(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint.id))
            session.execute(delete(WebhookEndpoint).where(WebhookEndpoint.id == endpoint.id))
        self._forget_routes(endpoint.tenant_id)

    def set_webhook_secret(
        self, endpoint_id: int, sealed: bytes, previous: bytes | None, previous_until: dt.datetime | None
    ) -> WebhookEndpoint:
        with self._db.session() as session:
            endpoint = session.get(WebhookEndpoint, endpoint_id)
            if endpoint is None:
                raise WebhookNotFound("No webhook endpoint with that id.")
            endpoint.sealed_secret = sealed
            endpoint.previous_sealed_secret = previous
            endpoint.previous_secret_until = previous_until
            return endpoint

    @retried_once
    def list_webhook_deliveries(self, endpoint_id: int, limit: int) -> list[WebhookDelivery]:
        with self._db.session() as session:
            return list(
                session.scalars(
                    select(WebhookDelivery)
                    .options(joinedload(WebhookDelivery.event))
                    .where(WebhookDelivery.endpoint_id == endpoint_id)
                    .order_by(WebhookDelivery.id.desc())
                    .limit(limit)
                )
            )

    @retried_once
    def webhook_delivery(self, endpoint_id: int, public_id: str) -> WebhookDelivery | None:
        if unstorable(public_id):
            return None
        with self._db.session() as session:
            return session.scalar(
                select(WebhookDelivery)
                .options(joinedload(WebhookDelivery.event))
                .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.public_id == public_id)
            )

    def add_redelivery(self, event_id: int, endpoint_id: int, public_id: str, now: dt.datetime) -> WebhookDelivery:
        """A new delivery of an event to an endpoint, due now (the same event, so the same `webhook-id`)."""
        with self._db.session() as session:
            delivery = WebhookDelivery(
                public_id=public_id,
                event_id=event_id,
                endpoint_id=endpoint_id,
                state="pending",
                attempts=0,
                created_at=now,
                next_attempt_at=now,
            )
            session.add(delivery)
            session.flush()
            session.refresh(delivery, ["event"])
            return delivery

    @retried_once
    def list_webhook_events(self, tenant_id: int, limit: int) -> list[WebhookEvent]:
        with self._db.session() as session:
            return list(
                session.scalars(
                    select(WebhookEvent)
                    .where(WebhookEvent.tenant_id == tenant_id)
                    .order_by(WebhookEvent.id.desc())
                    .limit(limit)
                )
            )

    def claim_deliveries(self, now: dt.datetime, lease_until: dt.datetime, limit: int) -> list[ClaimedDelivery]:
        """Take the lease of up to `limit` due deliveries of live endpoints, each for its next attempt.

        PostgreSQL: `FOR UPDATE SKIP LOCKED` hands rows another dispatcher is claiming to nobody else. SQLite
        has no row locks (the clause is left out) and one writer at a time: there the conditional UPDATE below
        decides, as on PostgreSQL, and a row whose lease another dispatcher took meanwhile is skipped. Either
        way an attempt number is claimed once, so no two dispatchers send the same attempt.
        """
        leasable = or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until <= now)
        due = (
            select(WebhookDelivery.id)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(
                WebhookDelivery.state == "pending",
                WebhookDelivery.next_attempt_at <= now,
                leasable,
                WebhookEndpoint.disabled_at.is_(None),
            )
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(limit)
            .with_for_update(of=WebhookDelivery, skip_locked=True)
        )
        claimed: list[tuple[int, int]] = []
        with self._db.session() as session:
            for delivery_id in list(session.scalars(due)):
                attempt = session.scalar(
                    update(WebhookDelivery)
                    .where(WebhookDelivery.id == delivery_id, WebhookDelivery.state == "pending", leasable)
                    .values(lease_until=lease_until, attempts=WebhookDelivery.attempts + 1, last_attempt_at=now)
                    .returning(WebhookDelivery.attempts)
                )
                if attempt is not None:
                    claimed.append((delivery_id, attempt))
        if not claimed:
            return []
        attempts = dict(claimed)
        with self._db.session() as session:
            rows = session.scalars(
                select(WebhookDelivery)
                .options(joinedload(WebhookDelivery.event), joinedload(WebhookDelivery.endpoint))
                .where(WebhookDelivery.id.in_(attempts))
                .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            )
            return [
                ClaimedDelivery(
                    delivery_id=row.id,
                    attempt=attempts[row.id],
                    created_at=row.created_at,
                    event_public_id=row.event.public_id,
                    event_type=row.event.type,
                    event_created_at=row.event.created_at,
                    event_data=dict(row.event.data),
                    endpoint_id=row.endpoint.id,
                    endpoint_public_id=row.endpoint.public_id,
                    tenant_id=row.endpoint.tenant_id,
                    url=row.endpoint.url,
                    sealed_secret=row.endpoint.sealed_secret,
                    previous_sealed_secret=row.endpoint.previous_sealed_secret,
                    previous_secret_until=row.endpoint.previous_secret_until,
                )
                for row in rows
            ]

    @retried_once
    def finish_attempt(
        self,
        claimed: ClaimedDelivery,
        outcome: DeliveryOutcome,
        disable_before: dt.datetime,
        if_disabled: Sequence[OutboxEvent] = (),
    ) -> bool:
        """Record an attempt, if the lease is still this attempt's; the endpoint's health with it.

        A failure on an endpoint failing since before `disable_before` disables it: its pending deliveries
        fail, and `if_disabled` (the `webhook.disabled` event) is written. True if the endpoint was disabled.
        A retry after a lost connection repeats nothing: the attempt number no longer matches.
        """
        disabled = False
        with self._db.session() as session:
            result = session.execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.id == claimed.delivery_id,
                    WebhookDelivery.attempts == claimed.attempt,
                    WebhookDelivery.state == "pending",
                )
                .values(
                    state=outcome.state,
                    lease_until=None,
                    last_status=outcome.status,
                    last_error=outcome.error,
                    next_attempt_at=outcome.next_attempt_at or WebhookDelivery.next_attempt_at,
                    finished_at=None if outcome.state == "pending" else outcome.at,
                )
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            endpoint = WebhookEndpoint
            if outcome.state == "delivered":
                session.execute(
                    update(endpoint)
                    .where(endpoint.id == claimed.endpoint_id)
                    .values(failing_since=None, last_success_at=outcome.at)
                )
                return False
            session.execute(
                update(endpoint)
                .where(endpoint.id == claimed.endpoint_id, endpoint.failing_since.is_(None))
                .values(failing_since=outcome.at)
            )
            result = session.execute(
                update(endpoint)
                .where(
                    endpoint.id == claimed.endpoint_id,
                    endpoint.disabled_at.is_(None),
                    endpoint.failing_since <= disable_before,
                )
                .values(disabled_at=outcome.at)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                disabled = True
                session.execute(
                    update(WebhookDelivery)
                    .where(WebhookDelivery.endpoint_id == claimed.endpoint_id, WebhookDelivery.state == "pending")
                    .values(state="failed", last_error="endpoint_disabled", finished_at=outcome.at, lease_until=None)
                )
                add_outbox(session, if_disabled)
        if disabled:
            self._forget_routes(claimed.tenant_id)
        return disabled

    @retried_once
    def oldest_undelivered(self) -> dt.datetime | None:
        """When the oldest delivery still waiting to go out was made (None: none waits)."""
        with self._db.session() as session:
            return session.scalar(
                select(func.min(WebhookDelivery.created_at))
                .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
                .where(WebhookDelivery.state == "pending", WebhookEndpoint.disabled_at.is_(None))
            )

    def purge_webhook_events(self, before: dt.datetime) -> int:
        """Forget events made before `before` that have nothing left to deliver; returns how many."""
        waiting = exists().where(WebhookDelivery.event_id == WebhookEvent.id, WebhookDelivery.state == "pending")
        with self._db.session() as session:
            old = select(WebhookEvent.id).where(WebhookEvent.created_at < before, ~waiting)
            ids = list(session.scalars(old))
            if ids:
                session.execute(delete(WebhookDelivery).where(WebhookDelivery.event_id.in_(ids)))
                session.execute(delete(WebhookEvent).where(WebhookEvent.id.in_(ids)))
            return len(ids)

    @retried_once
    def listening_since(self, event_type: str) -> dict[int, dt.datetime]:
        """The tenants with a live endpoint for `event_type`, each with when its first such endpoint was made."""
        with self._db.session() as session:
            endpoints = session.execute(
                select(WebhookEndpoint.tenant_id, WebhookEndpoint.event_types, WebhookEndpoint.created_at).where(
                    WebhookEndpoint.disabled_at.is_(None)
                )
            ).all()
        since: dict[int, dt.datetime] = {}
        for tenant_id, types, created_at in endpoints:
            if not types or event_type in types:
                since[tenant_id] = min(since.get(tenant_id, created_at), created_at)
        return since
