"""Webhook event types, what their `data` holds (ids and states only), and the outbox that writes them.

The outbox is the transactional kind: an event row (and one delivery row per endpoint that receives it) is
written in the same database transaction as the change it reports, by the store method making the change.
For a tenant with no endpoint for the type, `Outbox` answers "nothing to write" from a per-tenant cache
(LOOKUP_CACHE_SECONDS), so the change costs no extra statement.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Any

from service.profiles.models import Profile
from service.webhooks.outbox import OutboxEvent
from service.webhooks.store import WebhookStore

LINK_EVENT_TYPES = (
    "link.created",
    "link.emailed",
    "link.email_failed",
    "link.used",
    "link.revoked",
    "link.renewed",
    "link.expired",
)
KEYSET_ROTATED = "keyset.rotated"
WEBHOOK_DISABLED = "webhook.disabled"
EVENT_TYPES = (*LINK_EVENT_TYPES, KEYSET_ROTATED, WEBHOOK_DISABLED)

EVENT_ID_PREFIX = "msg_"
DELIVERY_ID_PREFIX = "dlv_"


def new_id(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(16)


class Outbox:
    """Builds the outbox rows of a change for the endpoints that receive them; the store writes them."""

    def __init__(self, store: WebhookStore, clock: Callable[[], float]) -> None:
        self._store = store
        self._clock = clock

    def event(
        self,
        tenant_id: int,
        event_type: str,
        data: dict[str, Any],
        *,
        always: bool = False,
    ) -> list[OutboxEvent]:
        """The event for the tenant's endpoints that receive `event_type`; none if none does (unless `always`:
        then it is kept for the tenant's events list all the same)."""
        endpoints = self._store.webhook_routes(tenant_id).endpoints_for(event_type)
        if not endpoints and not always:
            return []
        return [
            OutboxEvent(
                public_id=new_id(EVENT_ID_PREFIX),
                tenant_id=tenant_id,
                type=event_type,
                created_at=dt.datetime.fromtimestamp(self._clock(), dt.UTC),
                data=data,
                deliveries=tuple((endpoint, new_id(DELIVERY_ID_PREFIX)) for endpoint in endpoints),
            )
        ]

    def link_event(
        self,
        tenant_id: int,
        kind: str,
        link_public_id: str,
        profile: Profile,
        state: str,
        request_id: str | None,
        **related: str,
    ) -> list[OutboxEvent]:
        """`link.<kind>` for a launch link: its id, profile name, state, the request that changed it, and
        `livemode` (false for a test profile's link: a receiver tells test traffic from live by it)."""
        event_type = f"link.{kind}"
        if not self._store.webhook_routes(tenant_id).endpoints_for(event_type):
            return []  # before building the data: the common case, a tenant without endpoints, costs nothing more
        data = {
            "linkId": link_public_id,
            "profile": profile.name,
            "state": state,
            "requestId": request_id,
            "livemode": not profile.test,
            **related,
        }
        return self.event(tenant_id, event_type, data)

    def wants(self, tenant_id: int, event_type: str) -> bool:
        return bool(self._store.webhook_routes(tenant_id).endpoints_for(event_type))
