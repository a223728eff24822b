"""Webhook settings (WEBHOOK_*): how long a delivery may take, how retries back off, when an endpoint is disabled."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from service.errors import ConfigError
from service.settings_values import Problems, integer, seconds

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


def load_webhook_settings(source: Mapping[str, Any]) -> WebhookSettings:
    """WEBHOOK_* settings; tests shrink the timings, production keeps retries for at least a day.

    ConfigError names every bad one at once.
    """
    problems = Problems()
    timeout = problems.read(seconds, source, "WEBHOOK_TIMEOUT_SECONDS", 5, 0.1, 30)
    lease = problems.read(seconds, source, "WEBHOOK_LEASE_SECONDS", 60, 0.5, 3600)
    settings = WebhookSettings(
        timeout_seconds=timeout,
        retry_base_seconds=problems.read(seconds, source, "WEBHOOK_RETRY_BASE_SECONDS", 5, 0.01, 3600),
        retry_max_seconds=problems.read(seconds, source, "WEBHOOK_RETRY_MAX_SECONDS", 3600, 0.01, DAY_SECONDS),
        retry_window_seconds=problems.read(
            seconds, source, "WEBHOOK_RETRY_WINDOW_SECONDS", DAY_SECONDS, 0.1, 30 * DAY_SECONDS
        ),
        lease_seconds=lease,
        disable_after_seconds=problems.read(
            seconds, source, "WEBHOOK_DISABLE_AFTER_SECONDS", 5 * DAY_SECONDS, 1, 90 * DAY_SECONDS
        ),
        poll_seconds=problems.read(seconds, source, "WEBHOOK_POLL_SECONDS", 1, 0.01, 60),
        sweep_seconds=problems.read(seconds, source, "WEBHOOK_SWEEP_SECONDS", 30, 0.05, 3600),
        concurrency=problems.read(integer, source, "WEBHOOK_CONCURRENCY", 4, 1, 64),
        secret_overlap_seconds=problems.read(
            seconds, source, "WEBHOOK_SECRET_OVERLAP_SECONDS", DAY_SECONDS, 0, 7 * DAY_SECONDS
        ),
        max_endpoints=problems.read(integer, source, "WEBHOOK_MAX_ENDPOINTS", 10, 1, 100),
    )
    problems.raise_any()
    # Connect and read may each take the timeout: a lease shorter than that could end mid-attempt.
    if lease <= 2 * timeout:
        raise ConfigError(
            f"WEBHOOK_LEASE_SECONDS ({lease:g}) must be more than twice WEBHOOK_TIMEOUT_SECONDS ({timeout:g})"
        )
    return settings
