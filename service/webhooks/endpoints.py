"""Webhook endpoints of a tenant: register (the secret shown once), list, show, delete, rotate the secret; their
deliveries and a redelivery; the tenant's events. Shared by the HTTP API (a tenant's own) and the CLI (any)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from service.errors import DeliveryNotFound, ValidationFailed, WebhookDisabled, WebhookNotFound
from service.web.responses import iso_timestamp
from service.webhooks import signing
from service.webhooks.events import DELIVERY_ID_PREFIX, new_id
from service.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from service.webhooks.settings import WebhookSettings
from service.webhooks.store import WebhookStore
from service.webhooks.targets import UrlPolicy

ENDPOINT_ID_PREFIX = "we_"
# `links purge` forgets events this old that have nothing left to deliver.
EVENT_RETENTION_DAYS = 30


def endpoint_summary(endpoint: WebhookEndpoint) -> dict[str, Any]:
    """What anyone with `webhooks:admin` may see of an endpoint: never its secret."""
    return {
        "id": endpoint.public_id,
        "url": endpoint.url,
        "description": endpoint.description,
        "events": list(endpoint.event_types) or None,
        "state": "disabled" if endpoint.disabled_at else "enabled",
        "createdAt": iso_timestamp(endpoint.created_at),
        "disabledAt": iso_timestamp(endpoint.disabled_at),
        "failingSince": iso_timestamp(endpoint.failing_since),
        "lastSuccessAt": iso_timestamp(endpoint.last_success_at),
        "previousSecretExpiresAt": iso_timestamp(endpoint.previous_secret_until),
    }


def delivery_summary(delivery: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": delivery.public_id,
        "eventId": delivery.event.public_id,
        "type": delivery.event.type,
        "state": delivery.state,
        "attempts": delivery.attempts,
        "lastStatus": delivery.last_status,
        "lastError": delivery.last_error,
        "lastAttemptAt": iso_timestamp(delivery.last_attempt_at),
        "nextAttemptAt": iso_timestamp(delivery.next_attempt_at) if delivery.state == "pending" else None,
        "createdAt": iso_timestamp(delivery.created_at),
        "finishedAt": iso_timestamp(delivery.finished_at),
    }


def event_summary(event: WebhookEvent) -> dict[str, Any]:
    return {"id": event.public_id, "type": event.type, "timestamp": iso_timestamp(event.created_at), "data": event.data}


class WebhookEndpoints:
    def __init__(
        self,
        store: WebhookStore,
        policy: UrlPolicy,
        settings: WebhookSettings,
        server_secret: str,
        clock: Callable[[], float],
    ) -> None:
        self._store = store
        self._policy = policy
        self._settings = settings
        self._server_secret = server_secret
        self._clock = clock

    def _now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    def _find(self, tenant_id: int | None, public_id: str) -> WebhookEndpoint:
        endpoint = self._store.webhook_endpoint(tenant_id, public_id)
        if endpoint is None:
            raise WebhookNotFound("No webhook endpoint with that id for this API key's tenant.")
        return endpoint

    def create(self, tenant_id: int, url: str, events: Sequence[str] | None, description: str = "") -> dict[str, Any]:
        """Register an endpoint; the answer holds its signing secret, the only time it is shown."""
        self._policy.check(url)
        public_id = new_id(ENDPOINT_ID_PREFIX)
        secret = signing.new_secret()
        fields = {
            "public_id": public_id,
            "tenant_id": tenant_id,
            "url": url,
            "description": description,
            "event_types": sorted(set(events or ())),
            "sealed_secret": signing.seal_secret(self._server_secret, public_id, secret),
            "created_at": self._now(),
        }
        endpoint = self._store.add_webhook_endpoint(fields, self._settings.max_endpoints)
        if endpoint is None:
            limit = self._settings.max_endpoints
            raise ValidationFailed(
                "Too many webhook endpoints.", errors={"url": [f"This account has {limit}, the most it may have."]}
            )
        return {**endpoint_summary(endpoint), "secret": secret}

    def listing(self, tenant_id: int | None) -> list[dict[str, Any]]:
        return [endpoint_summary(endpoint) for endpoint in self._store.list_webhook_endpoints(tenant_id)]

    def show(self, tenant_id: int | None, public_id: str) -> dict[str, Any]:
        return endpoint_summary(self._find(tenant_id, public_id))

    def delete(self, tenant_id: int | None, public_id: str) -> None:
        self._store.delete_webhook_endpoint(self._find(tenant_id, public_id))

    def rotate_secret(self, tenant_id: int | None, public_id: str) -> dict[str, Any]:
        """A new secret signs from now on; the old one signs alongside for `secret_overlap_seconds`."""
        endpoint = self._find(tenant_id, public_id)
        secret = signing.new_secret()
        until = self._now() + dt.timedelta(seconds=self._settings.secret_overlap_seconds)
        updated = self._store.set_webhook_secret(
            endpoint.id,
            signing.seal_secret(self._server_secret, endpoint.public_id, secret),
            endpoint.sealed_secret,
            until,
        )
        return {**endpoint_summary(updated), "secret": secret}

    def deliveries(self, tenant_id: int | None, public_id: str, limit: int) -> list[dict[str, Any]]:
        endpoint = self._find(tenant_id, public_id)
        return [delivery_summary(delivery) for delivery in self._store.list_webhook_deliveries(endpoint.id, limit)]

    def redeliver(self, tenant_id: int | None, public_id: str, delivery_id: str) -> dict[str, Any]:
        """Send a delivery's event again, as a new delivery due now (the same `webhook-id`)."""
        endpoint = self._find(tenant_id, public_id)
        delivery = self._store.webhook_delivery(endpoint.id, delivery_id)
        if delivery is None:
            raise DeliveryNotFound("No delivery with that id for this webhook endpoint.")
        if endpoint.disabled_at is not None:
            raise WebhookDisabled(
                "This endpoint was disabled after failing for too long; register it again to receive events."
            )
        again = self._store.add_redelivery(delivery.event_id, endpoint.id, new_id(DELIVERY_ID_PREFIX), self._now())
        return delivery_summary(again)

    def events(self, tenant_id: int, limit: int) -> list[dict[str, Any]]:
        return [event_summary(event) for event in self._store.list_webhook_events(tenant_id, limit)]
