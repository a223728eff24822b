"""The partner API: POST /api/v1/generateJWT."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request

from service.auth import authenticate
from service.errors import MalformedJSON, UnsupportedMediaType
from service.services import services

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def json_body() -> Any:
    """The request body as JSON, or 415/400 problems; the size limit is enforced while reading."""
    if request.mimetype != "application/json":
        raise UnsupportedMediaType("Send the body as JSON with 'Content-Type: application/json'.")
    # Read until the stream ends: for a chunked body, werkzeug raises 413 only on a read past the
    # limit, and a single read() would silently stop at it and hand us a truncated body.
    chunks = []
    while chunk := request.stream.read(16 * 1024):
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise MalformedJSON("The body is not valid JSON.") from None


@bp.post("/generateJWT")
def generate_jwt() -> Response:
    broker = services(current_app)
    caller = authenticate(broker.store, request.headers.get("Authorization"))
    g.tenant_id = caller.tenant_id
    profile, result = broker.minter.generate(caller, json_body(), request.headers.get("Profile-Key"), g.request_id)
    g.profile_id = profile.id
    response = jsonify(result)
    # The body holds a live bearer token: no cache may keep it.
    response.headers["Cache-Control"] = "no-store"
    return response
