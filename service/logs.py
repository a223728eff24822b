"""Logs as JSON lines, a request id for every request, and one access line per request.

The server's logs (gunicorn, the webhook dispatcher) go to stdout, where the platform reads them; a CLI
command's go to stderr, so its stdout is only its answer (`KEY=$(flask --app service apikeys create …)`).

The access line names the route pattern (`/l/<secret>`), never the path, and no query string, so
secrets in URLs cannot reach the log.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from typing import Any, TextIO

from flask import Flask, Response, g, has_request_context, request

from service import metrics

_STANDARD_ATTRS = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}
# A caller's X-Request-Id is reused only if it looks like an id, so it cannot smuggle data into logs.
_REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
access_log = logging.getLogger("service.access")
# json.dumps(entry, default=str) builds an encoder per call; this one is built once and writes the same text.
_ENCODER = json.JSONEncoder(default=str)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request id and any `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if has_request_context():
            request_id = g.get("request_id")
            if request_id is not None:
                entry["requestId"] = request_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return _ENCODER.encode(entry)


def configure_logging(level: str, stream: TextIO | None = None) -> None:
    """Root logger as JSON to `stream` (stdout unless told); chatty libraries kept at WARNING (botocore logs
    bodies at DEBUG). Called again, it replaces its own handler."""
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    for existing in [h for h in root.handlers if getattr(h, "_broker", False)]:
        root.removeHandler(existing)
    handler._broker = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # alembic.runtime.plugins lists its plugins at INFO on every migration run: noise, not news. markdown_it (the
    # /guides pages) logs each parsing rule it tries at DEBUG, hundreds of lines a page. Authlib logs the PKCE
    # verifier and the tokens it fetches at DEBUG (console sign-in through an identity provider).
    for noisy in ("botocore", "boto3", "urllib3", "werkzeug", "aws_secretsmanager_caching", "alembic.runtime.plugins",
                  "markdown_it", "authlib"):  # fmt: skip
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _start_request() -> None:
    incoming = request.headers.get("X-Request-Id", "")
    g.request_id = incoming if _REQUEST_ID_PATTERN.match(incoming) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _finish_request(response: Response) -> Response:
    # The request and g read once each: every access through Flask's context proxies costs a lookup.
    state, current = g._get_current_object(), request._get_current_object()  # type: ignore[attr-defined]
    response.headers["X-Request-Id"] = state.get("request_id", "")
    duration_ms = (time.perf_counter() - state.get("started", time.perf_counter())) * 1000
    rule, method, status = current.url_rule, current.method, response.status_code
    route = rule.rule if rule else "<unmatched>"
    metrics.observe_request(route, method, status, duration_ms / 1000)
    if access_log.isEnabledFor(logging.INFO):
        extra = {
            "method": method,
            "route": route,
            "status": status,
            "durationMs": round(duration_ms, 2),
            "tenantId": state.get("tenant_id"),
            "profileId": state.get("profile_id"),
        }
        # Made and handled directly: Logger.info would first walk the stack for the caller's file and line
        # (findCaller), which no formatter here prints.
        record = access_log.makeRecord(access_log.name, logging.INFO, __file__, 0, "request", (), None, extra=extra)
        access_log.handle(record)
    return response


def init_app(app: Flask) -> None:
    app.before_request(_start_request)
    app.after_request(_finish_request)
