"""Prometheus metrics: what the broker counts, and `/metrics`, correct under several gunicorn workers.

Under gunicorn, `PROMETHEUS_MULTIPROC_DIR` is set (gunicorn.conf.py) before any worker imports
prometheus_client, so every worker writes its samples to files there and a scrape, whichever worker
answers it, adds up all of them. Without it (tests, `flask run`) the default in-process registry is served.

Labels carry only bounded, non-personal values: profile names, algorithms, outcome codes, route
patterns (`/l/<secret>`, never the path), HTTP methods and statuses, keyset names and stages, and
Secrets Manager operation names. Never payload values, tenant input other than profile names, or secrets.
"""

from __future__ import annotations

import datetime as dt
import hmac
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

from service.errors import Unauthorized

if TYPE_CHECKING:
    from flask import Flask, Response

    from service.webhooks.store import WebhookStore

__all__ = [
    "METRICS_PATH",
    "count_link",
    "count_minted",
    "count_rate_limit_fallback",
    "count_rate_limited",
    "count_webhook_attempt",
    "init_app",
    "instrument_secrets_client",
    "observe_audit_spool",
    "observe_key_age",
    "observe_request",
    "observe_webhook_backlog",
]

METRICS_PATH = "/metrics"
# prometheus_client's own switch, read by the library when it is imported; not a broker setting.
_MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# From a signature (about a millisecond) to gunicorn's 30 s worker timeout; Secrets Manager's 2 s connect
# and 3 s read timeouts, retried once, land between 2.5 and 10.
_LATENCY_BUCKETS_SECONDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
# Any other method string a client sends becomes "other", so a caller cannot create series at will.
_KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

# Module level, the prometheus_client way: a metric registers once per process, however many apps the
# tests build; in multiprocess mode the values live in per-process files, not in these objects.
TOKENS_MINTED = Counter(
    "broker_tokens_minted",
    "Tokens minted (generateJWT and launch-link uses), by profile name, algorithm and outcome (ok or error code).",
    ["profile", "alg", "outcome"],
)
REQUEST_DURATION = Histogram(
    "broker_request_duration_seconds",
    "Time from the request reaching the app to the response leaving it, by route pattern, method and status.",
    ["route", "method", "status"],
    buckets=_LATENCY_BUCKETS_SECONDS,
)
SECRETS_CALLS = Counter(
    "broker_secrets_manager_calls", "Secrets Manager API calls (retries inside one call count once).", ["operation"]
)
SECRETS_FAILURES = Counter(
    "broker_secrets_manager_failures",
    "Secrets Manager API calls that failed: an error response, or no response (timeout, connection).",
    ["operation"],
)
# "livemax": across workers the stalest copy counts, since a worker whose keys are too old refuses to sign;
# "live" so a dead worker's last value is dropped (mark_process_dead in gunicorn.conf.py) instead of
# pinning the gauge forever. "mostrecent" would show whichever worker wrote last and hide a stale one.
KEY_AGE = Gauge(
    "broker_key_age_seconds",
    "Seconds since Secrets Manager last confirmed a cached key, by keyset and stage (the stalest worker).",
    ["keyset", "stage"],
    multiprocess_mode="livemax",
)
LAUNCH_LINKS = Counter(
    "broker_launch_links",
    "Launch links made, used, and refused (refused by state: expired, used, revoked, unknown).",
    ["event", "state"],
)
# Rows every worker's spool holds (summed), and the oldest spooled row's age (the worst worker's).
AUDIT_SPOOL_ROWS = Gauge(
    "broker_audit_spool_rows",
    "Audit rows kept on disk because the database would not take them, until it does.",
    multiprocess_mode="livesum",
)
AUDIT_SPOOL_AGE = Gauge(
    "broker_audit_spool_oldest_seconds",
    "Age of the oldest audit row waiting in the on-disk spool (0 when it is empty).",
    multiprocess_mode="livemax",
)
RATE_LIMITED = Counter(
    "broker_rate_limited",
    "Requests refused with 429, by where the counters were (shared in Redis, or local).",
    ["store"],
)
RATE_LIMIT_FALLBACKS = Counter(
    "broker_rate_limit_fallbacks",
    "Times Redis was unreachable and rate limits fell back to this process's own counters for a while.",
)

# Counted by the dispatcher process (its own /metrics: `webhooks dispatch --metrics-port`).
WEBHOOK_ATTEMPTS = Counter(
    "broker_webhook_attempts",
    "Webhook delivery attempts by outcome: delivered, pending (failed, will be retried), failed (gave up).",
    ["outcome"],
)
# Read from the database when /metrics is scraped, so it rises even while no dispatcher runs. "mostrecent":
# the worker that answers the scrape has just set it; the others' older values must not count.
WEBHOOK_OLDEST = Gauge(
    "broker_webhook_oldest_undelivered_seconds",
    "Age of the oldest webhook delivery still waiting to go out to an enabled endpoint (0 when none waits).",
    multiprocess_mode="mostrecent",
)


def count_webhook_attempt(outcome: str) -> None:
    WEBHOOK_ATTEMPTS.labels(outcome=outcome).inc()


def observe_webhook_backlog(store: WebhookStore) -> None:
    """Set the oldest undelivered webhook's age from the database (skipped if the database does not answer)."""
    from sqlalchemy.exc import SQLAlchemyError  # here: the rotation function loads no SQLAlchemy

    try:
        oldest = store.oldest_undelivered()
    except SQLAlchemyError:
        return
    if oldest is None:
        WEBHOOK_OLDEST.set(0)
        return
    oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=dt.UTC)
    WEBHOOK_OLDEST.set(max((dt.datetime.now(dt.UTC) - oldest).total_seconds(), 0.0))


def count_rate_limited(shared: bool) -> None:
    RATE_LIMITED.labels(store="redis" if shared else "local").inc()


def count_rate_limit_fallback() -> None:
    RATE_LIMIT_FALLBACKS.inc()


def count_minted(profile: str, alg: str, outcome: str) -> None:
    """One minting attempt: `outcome` is "ok" or the error code."""
    TOKENS_MINTED.labels(profile=profile, alg=alg, outcome=outcome).inc()


def count_link(event: str, state: str = "") -> None:
    """A launch link made, used, or refused; `state` only for refused."""
    LAUNCH_LINKS.labels(event=event, state=state).inc()


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    """One request's latency; scrapes of /metrics are left out so they do not measure themselves."""
    if route == METRICS_PATH:
        return
    method = method if method in _KNOWN_METHODS else "other"
    REQUEST_DURATION.labels(route=route, method=method, status=str(status)).observe(seconds)


def observe_audit_spool(rows: int, oldest_seconds: float) -> None:
    AUDIT_SPOOL_ROWS.set(rows)
    AUDIT_SPOOL_AGE.set(oldest_seconds)


def observe_key_age(keyset: str, stage: str, seconds: float) -> None:
    """Set the age of a cached key (now minus when Secrets Manager last confirmed it)."""
    KEY_AGE.labels(keyset=keyset, stage=stage).set(seconds)


def _operation(event_name: str) -> str:
    # Events are named "<event>.secrets-manager.<Operation>"; the operation is an API name like GetSecretValue.
    return event_name.rsplit(".", 1)[-1]


def _before_call(event_name: str, **_: Any) -> None:
    SECRETS_CALLS.labels(operation=_operation(event_name)).inc()


def _after_call(event_name: str, http_response: Any, **_: Any) -> None:
    # botocore raises for any status >= 300 right after this event: that call failed.
    if http_response is not None and http_response.status_code >= 300:
        SECRETS_FAILURES.labels(operation=_operation(event_name)).inc()


def _after_call_error(event_name: str, **_: Any) -> None:
    # No response at all, after botocore's own retries: timeout, refused connection, DNS.
    SECRETS_FAILURES.labels(operation=_operation(event_name)).inc()


def instrument_secrets_client(client: Any) -> None:
    """Count a boto3 Secrets Manager client's calls and failures (a fake client without events is left alone)."""
    events = getattr(getattr(client, "meta", None), "events", None)
    if events is None:
        return
    # unique_id: instrumenting the same client twice (several apps sharing it) still counts each call once.
    events.register("before-call.secrets-manager", _before_call, unique_id="broker-metrics-before-call")
    events.register("after-call.secrets-manager", _after_call, unique_id="broker-metrics-after-call")
    events.register("after-call-error.secrets-manager", _after_call_error, unique_id="broker-metrics-call-error")


def init_app(app: Flask, token: str | None = None, before_scrape: Callable[[], None] | None = None) -> None:
    """Serve /metrics from this app; with `token` (METRICS_TOKEN), only to `Authorization: Bearer <token>`.

    `before_scrape` sets gauges read from elsewhere (the database) just before each scrape.
    """

    def guarded_scrape() -> Response:
        if token is not None:
            _require_bearer(token)
        if before_scrape is not None:
            before_scrape()
        return scrape()

    app.add_url_rule(METRICS_PATH, "metrics.scrape", guarded_scrape, methods=["GET"])


def _require_bearer(token: str) -> None:
    from flask import request  # here, not at the top: counting needs no Flask (the rotation function)

    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    # Compared in constant time, as bytes: the comparison must not tell how much of a guess was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(presented.strip().encode(), token.encode()):
        raise Unauthorized("/metrics needs 'Authorization: Bearer <METRICS_TOKEN>'.")


def scrape() -> Response:
    """The Prometheus text exposition of every worker's metrics.

    Without METRICS_TOKEN there is no authentication: operators restrict /metrics at the network edge
    (load balancer or ingress rules); its labels are operational, never personal or secret.
    """
    if os.environ.get(_MULTIPROC_ENV):
        # A fresh registry per scrape, as prometheus_client prescribes: it reads every worker's files now.
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]  # untyped in prometheus_client
        body = generate_latest(registry)
    else:
        body = generate_latest(REGISTRY)
    from flask import Response  # here, not at the top: the rotation function counts nothing and loads no Flask

    response = Response(body, status=200)
    response.headers["Content-Type"] = CONTENT_TYPE_LATEST
    response.headers["Cache-Control"] = "no-store"
    return response
