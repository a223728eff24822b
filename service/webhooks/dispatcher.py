"""The dispatcher: claims due deliveries under a lease, signs and sends them, and records each attempt.

At least once: a delivery stays pending until an attempt gets a 2xx, retried with exponential backoff and
jitter until it is `retry_window_seconds` old (one last attempt then), and then it has failed. A dispatcher
that dies mid-attempt (SIGKILL) loses nothing: the lease ends and the next attempt goes out with the same
`webhook-id`. Several dispatchers (threads, processes, instances) never claim the same attempt
(`WebhookStore.claim_deliveries`); only a dispatcher that dies after sending and before recording causes a
duplicate, which receivers drop by `webhook-id`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from service import metrics
from service.webhooks import signing
from service.webhooks.events import WEBHOOK_DISABLED, Outbox
from service.webhooks.outbox import OutboxEvent
from service.webhooks.sender import Attempt, send
from service.webhooks.settings import WebhookSettings
from service.webhooks.store import ClaimedDelivery, DeliveryOutcome, WebhookStore
from service.webhooks.sweeper import Sweeper
from service.webhooks.targets import AddressRefused, UrlPolicy

log = logging.getLogger(__name__)

Sender = Callable[..., Attempt]

# Retry jitter from the OS, not the global `random` (whose state tests and Hypothesis draw from).
_RANDOM = secrets.SystemRandom()


def body_of(claimed: ClaimedDelivery) -> bytes:
    """The delivered JSON: type, when it happened, and its data (ids and states only)."""
    timestamp = claimed.event_created_at.replace(tzinfo=claimed.event_created_at.tzinfo or dt.UTC)
    document = {
        "type": claimed.event_type,
        "timestamp": timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "data": claimed.event_data,
    }
    return json.dumps(document, separators=(",", ":")).encode()


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Dispatcher:
    def __init__(
        self,
        store: WebhookStore,
        settings: WebhookSettings,
        server_secret: str,
        policy: UrlPolicy,
        outbox: Outbox,
        sweeper: Sweeper,
        clock: Callable[[], float],
        sender: Sender = send,
        jitter: Callable[[], float] = _RANDOM.random,
    ) -> None:
        self._store = store
        self._settings = settings
        self._server_secret = server_secret
        self._policy = policy
        self._outbox = outbox
        self._sweeper = sweeper
        self._clock = clock
        self._sender = sender
        self._jitter = jitter
        self._swept_at = float("-inf")

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    # --- one round --------------------------------------------------------------------------------
    def run_once(self, pool: ThreadPoolExecutor | None = None) -> int:
        """Sweep if due, then claim up to `concurrency` due deliveries and attempt each; how many were attempted."""
        if self._clock() - self._swept_at >= self._settings.sweep_seconds:
            self._swept_at = self._clock()
            self._sweeper.sweep()
        now = self.now()
        lease_until = now + dt.timedelta(seconds=self._settings.lease_seconds)
        claimed = self._store.claim_deliveries(now, lease_until, self._settings.concurrency)
        if pool is None or len(claimed) < 2:
            for delivery in claimed:
                self.attempt(delivery)
        else:
            list(pool.map(self.attempt, claimed))
        return len(claimed)

    def run(self, stop: threading.Event) -> None:
        """Until `stop` is set: rounds back to back while there is work, `poll_seconds` apart when idle."""
        with ThreadPoolExecutor(self._settings.concurrency, thread_name_prefix="webhook") as pool:
            while not stop.is_set():
                try:
                    busy = self.run_once(pool)
                except Exception as error:  # noqa: BLE001 - a database outage must not end the dispatcher
                    log.warning("webhook round failed; trying again", extra={"error_type": type(error).__name__})
                    busy = 0
                if not busy:
                    stop.wait(self._settings.poll_seconds)

    # --- one attempt ------------------------------------------------------------------------------
    def _secrets(self, claimed: ClaimedDelivery, now: dt.datetime) -> list[str]:
        current = signing.unseal_secret(self._server_secret, claimed.endpoint_public_id, claimed.sealed_secret)
        found = [current] if current else []
        until = claimed.previous_secret_until
        if claimed.previous_sealed_secret is not None and until is not None and _aware(until) > now:
            previous = signing.unseal_secret(
                self._server_secret, claimed.endpoint_public_id, claimed.previous_sealed_secret
            )
            found += [previous] if previous else []
        return found

    def attempt(self, claimed: ClaimedDelivery) -> DeliveryOutcome:
        """Send one claimed delivery and record what came of it."""
        now = self.now()
        secrets_in_use = self._secrets(claimed, now)
        if not secrets_in_use:
            # SERVER_SECRET changed since the secret was sealed: nothing to sign with until it is rotated.
            attempt = Attempt(None, "secret_unreadable")
        else:
            try:
                target = self._policy.resolve(claimed.url)
            except AddressRefused as refused:
                attempt = Attempt(None, refused.reason)
            else:
                body = body_of(claimed)
                headers = signing.headers(secrets_in_use, claimed.event_public_id, int(now.timestamp()), body)
                attempt = self._sender(target, headers, body, self._settings.timeout_seconds)
        outcome = self._outcome(claimed, attempt, self.now())
        disable_before = outcome.at - dt.timedelta(seconds=self._settings.disable_after_seconds)
        disabled = self._store.finish_attempt(claimed, outcome, disable_before, self._disabled_event(claimed))
        metrics.count_webhook_attempt(outcome.state)
        self._log(claimed, attempt, outcome, disabled)
        return outcome

    def _disabled_event(self, claimed: ClaimedDelivery) -> list[OutboxEvent]:
        """`webhook.disabled`, written only if this attempt disables the endpoint: for the tenant's events list,
        and for its other endpoints that receive it."""
        data = {"webhookId": claimed.endpoint_public_id, "reason": "failing"}
        built = self._outbox.event(claimed.tenant_id, WEBHOOK_DISABLED, data, always=True)
        return [
            dataclasses.replace(event, deliveries=tuple(d for d in event.deliveries if d[0] != claimed.endpoint_id))
            for event in built
        ]

    def _outcome(self, claimed: ClaimedDelivery, attempt: Attempt, now: dt.datetime) -> DeliveryOutcome:
        if attempt.ok:
            return DeliveryOutcome("delivered", attempt.status, None, now)
        error = attempt.error or "http_status"
        backoff = min(self._settings.retry_max_seconds, self._settings.retry_base_seconds * 2 ** (claimed.attempt - 1))
        next_at = now + dt.timedelta(seconds=backoff * (0.5 + 0.5 * self._jitter()))
        deadline = _aware(claimed.created_at) + dt.timedelta(seconds=self._settings.retry_window_seconds)
        if next_at > deadline:
            if now >= deadline:
                return DeliveryOutcome("failed", attempt.status, error, now)
            next_at = deadline  # one last attempt when the window ends: retries span all of it
        return DeliveryOutcome("pending", attempt.status, error, now, next_at)

    @staticmethod
    def _log(claimed: ClaimedDelivery, attempt: Attempt, outcome: DeliveryOutcome, disabled: bool) -> None:
        extra: dict[str, Any] = {
            "webhook": claimed.endpoint_public_id,
            "event": claimed.event_public_id,
            "eventType": claimed.event_type,
            "attempt": claimed.attempt,
            "status": attempt.status,
            "error": attempt.error,
            "outcome": outcome.state,
        }
        if outcome.state == "delivered":
            log.info("webhook delivered", extra=extra)
        else:
            log.warning("webhook attempt failed", extra=extra)
        if disabled:
            log.warning(
                "webhook endpoint disabled after failing too long", extra={"webhook": claimed.endpoint_public_id}
            )
