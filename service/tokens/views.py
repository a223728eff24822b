"""The partner API: POST /api/v1/generateJWT."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g, jsonify, request

from service.apikeys.admission import admit
from service.tokens.answering import answer
from service.web.json_body import json_body
from service.wiring import services

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.post("/generateJWT")
def generate_jwt() -> Response:
    broker = services(current_app)
    caller = admit(broker)
    body, profile_key = json_body(), request.headers.get("Profile-Key")

    given = answer(
        broker.minter,
        broker.idempotency,
        caller,
        body,
        profile_key,
        request.headers.get("Idempotency-Key"),
        g.request_id,
    )
    g.profile_id = given.profile_id
    response = jsonify(given.body)
    if given.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    # The body holds a live bearer token: no cache may keep it.
    response.headers["Cache-Control"] = "no-store"
    return response
