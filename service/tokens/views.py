"""The partner API: POST /api/v1/generateJWT."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request

from service.apikeys.admission import admit
from service.tokens import idempotency
from service.web.json_body import json_body
from service.wiring import services

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.post("/generateJWT")
def generate_jwt() -> Response:
    broker = services(current_app)
    caller = admit(broker)
    body, profile_key = json_body(), request.headers.get("Profile-Key")

    def generate() -> dict[str, Any]:
        profile, result = broker.minter.generate(caller, body, profile_key, g.request_id)
        g.profile_id = profile.id
        return result

    idempotency_key = request.headers.get("Idempotency-Key")
    replayed = False
    if idempotency_key is None:
        result = generate()
    else:
        fingerprint = idempotency.fingerprint(body, profile_key)
        result, replayed = broker.idempotency.run(caller.tenant_id, idempotency_key, fingerprint, generate)
    response = jsonify(result)
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
    # The body holds a live bearer token: no cache may keep it.
    response.headers["Cache-Control"] = "no-store"
    return response
