"""Webhook settings (WEBHOOK_*): how long a delivery may take, how retries back off, when an endpoint is disabled."""

from __future__ import annotations

import dataclasses

DAY_SECONDS = 86_400


@dataclasses.dataclass(frozen=True)
class WebhookSettings:
    # Connect and read timeout of one attempt, each; no redirects are followed.
    timeout_seconds: float = 5.0
    # Backoff: the n-th retry waits base * 2^(n-1) s, at most `retry_max_seconds`, with jitter (half to all of it).
    retry_base_seconds: float = 5.0
    retry_max_seconds: float = 3600.0
    # Retries go on until a delivery is this old (one last attempt at that moment), then it has failed.
    retry_window_seconds: float = DAY_SECONDS
    # A dispatcher holds a delivery this long; one that died lets it go when the lease ends. Longer than an attempt.
    lease_seconds: float = 60.0
    # An endpoint whose every attempt failed for this long is disabled (and the tenant told: `webhook.disabled`).
    disable_after_seconds: float = 5 * DAY_SECONDS
    # How often an idle dispatcher looks for due deliveries, and how often it sweeps for expired links and new keys.
    poll_seconds: float = 1.0
    sweep_seconds: float = 30.0
    # Deliveries one dispatcher process sends at once (threads).
    concurrency: int = 4
    # After `rotate-secret`, the old secret signs alongside the new one this long.
    secret_overlap_seconds: float = DAY_SECONDS
    # Endpoints a tenant may have.
    max_endpoints: int = 10
