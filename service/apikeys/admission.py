"""Admitting a partner API request: its API key must be valid, and the key's rate limit not used up."""

from __future__ import annotations

import datetime as dt
import logging

from flask import Flask, Response, g, request
from sqlalchemy.exc import SQLAlchemyError

from service import metrics
from service.apikeys.authentication import authenticate
from service.apikeys.caller import Caller
from service.errors import RateLimited
from service.wiring import Services

log = logging.getLogger(__name__)


def admit(broker: Services) -> Caller:
    """The authenticated caller, counted against its API key's rate limit: 401, or 429 when over it."""
    caller = authenticate(
        broker.stores.api_keys, request.headers.get("Authorization"), broker.failed_attempts, request.remote_addr
    )
    g.tenant_id = caller.tenant_id
    _note_use(broker, caller)
    rate_limit = caller.rate_limit or broker.settings.default_rate_limit
    decision = broker.rate_limiter.hit(caller.prefix, rate_limit)
    g.rate_limit_headers = decision.headers()
    if not decision.allowed:
        metrics.count_rate_limited(decision.shared)
        # Rate limits are stored and configured in canonical "<count>/<unit>" form (normalise_rate_limit).
        window = rate_limit.partition("/")[2]
        raise RateLimited(
            f"This API key may make {decision.limit} requests per {window}; that is used up. "
            f"Retry after {decision.reset_seconds} s.",
            headers=g.rate_limit_headers,
        )
    return caller


def _note_use(broker: Services, caller: Caller) -> None:
    # "Last used" on the console's API keys page; a failed write costs the request nothing (the key is valid).
    try:
        broker.stores.api_keys.note_used(caller.prefix, dt.datetime.fromtimestamp(broker.clock(), dt.UTC))
    except SQLAlchemyError as error:
        log.warning("an API key's last use was not recorded: %s", type(error).__name__)


def _add_rate_limit_headers(response: Response) -> Response:
    # Also on errors after admission (422, 502...): a client paces itself on every answer it gets.
    for name, value in g.get("rate_limit_headers", {}).items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_rate_limit_headers)
