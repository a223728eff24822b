"""Renders every error, domain or werkzeug, as RFC 9457 application/problem+json."""

from __future__ import annotations

import difflib
import logging
import re
from typing import Any

from flask import Flask, Response, current_app, g, json, request
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from service.errors import BrokerError, DatabaseUnavailable
from service.wiring import services

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
# A problem's `type` is `<PUBLIC_BASE_URL>/problems/<code>`: the broker itself serves the page explaining it.
TYPE_PATH = "/problems/"

# Werkzeug's own errors, given stable codes of ours (the class names are not a contract).
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "request_timeout",
    411: "length_required",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    429: "too_many_requests",
    431: "request_header_fields_too_large",
}


def problem_type(code: str) -> str:
    """The URL of the page explaining `code`, on this broker (PUBLIC_BASE_URL has no trailing slash)."""
    return services(current_app).settings.public_base_url + TYPE_PATH + code


def problem_response(
    status: int,
    code: str,
    title: str,
    detail: str,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Build one problem+json response; the only place the body shape is written."""
    body: dict[str, Any] = {
        "type": problem_type(code),
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
        "requestId": g.get("request_id", ""),
    }
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    response.headers["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _broker_error(error: BrokerError) -> Response:
    return problem_response(error.status, error.code, error.title, error.detail, error.errors, error.headers)


def _route_meant(path: str) -> str | None:
    """The API route a mistyped path most likely meant: another case, a trailing slash, or the closest one."""
    routes = sorted(
        {re.sub(r"<(?:[^<>:]+:)?([^<>]+)>", r"{\1}", rule.rule) for rule in current_app.url_map.iter_rules()}
    )
    api_routes = [route for route in routes if route.startswith("/api/")]
    wanted = path.rstrip("/") or "/"
    for route in api_routes:
        if route.lower() == wanted.lower():
            return route
    close = difflib.get_close_matches(wanted, api_routes, n=1, cutoff=0.75)
    return close[0] if close else None


def _not_found_detail() -> str:
    if request.path.startswith("/api/"):
        meant = _route_meant(request.path)
        if meant is not None:
            return f"No such route. Did you mean {meant}? Paths are case-sensitive and have no trailing slash."
    return "No such route. See /docs (or /openapi.yaml) for the routes this service has."


def _method_detail(allowed: list[str]) -> str:
    methods = " or ".join(allowed)
    detail = f"{request.path[:100]} takes {methods}, not {request.method}."
    if request.method == "GET" and allowed == ["POST"]:
        detail += " (Opening it in a browser sends GET: call it with POST and a JSON body, as in /docs.)"
    return detail


def _http_error(error: HTTPException) -> Response:
    status = error.code or 500
    code = _HTTP_CODES.get(status, "http_error")
    headers = {}
    title = error.name
    detail = error.description or title
    if status == 405 and getattr(error, "valid_methods", None):
        valid = sorted(error.valid_methods)  # type: ignore[attr-defined]
        headers["Allow"] = ", ".join(valid)
        detail = _method_detail([method for method in valid if method not in {"HEAD", "OPTIONS"}] or valid)
    if status == 404:
        detail = _not_found_detail()
    return problem_response(status, code, title, detail, headers=headers)


# A client should wait this long before retrying after the database failed: long enough for a pool to
# reconnect or a failover to finish its first step, short enough that a person retrying does not wait.
DATABASE_RETRY_AFTER_SECONDS = 2


def _database_error(error: OperationalError | InterfaceError) -> Response:
    # The database's message can hold its address or a user name: the type only, here and to the caller.
    log.warning("database unavailable", extra={"error_type": type(error).__name__})
    unavailable = DatabaseUnavailable(
        "The broker's database did not answer; nothing was made. Retry in a few seconds.",
        headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
    )
    return _broker_error(unavailable)


def _unexpected_error(error: Exception) -> Response:
    # The traceback goes to the log with the request id; the caller sees nothing of it.
    log.exception("unhandled error", extra={"error_type": type(error).__name__})
    return problem_response(500, "internal_error", "Internal error", "An unexpected error occurred.")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(BrokerError, _broker_error)
    app.register_error_handler(HTTPException, _http_error)
    # A lost or refused connection is an outage (503, retry), not a bug (500). Other database errors are bugs.
    app.register_error_handler(OperationalError, _database_error)
    app.register_error_handler(InterfaceError, _database_error)
    app.register_error_handler(Exception, _unexpected_error)
