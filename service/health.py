"""Health: liveness, and readiness (the database answers, every keyset can sign); no secrets in the detail."""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, current_app, jsonify
from sqlalchemy.exc import SQLAlchemyError

from service.keys.jwks import keyset_ref
from service.wiring import Services, services

log = logging.getLogger(__name__)


def readiness(svc: Services) -> tuple[bool, dict[str, Any]]:
    """(ready, detail): ready when the database is reachable and each keyset can sign now."""
    try:
        svc.store.ping()
        keysets = svc.store.list_keysets()
    except SQLAlchemyError as error:
        log.warning("readiness: database unreachable", extra={"error_type": type(error).__name__})
        return False, {"status": "not ready", "database": "unreachable", "keysets": {}}
    detail: dict[str, Any] = {}
    for keyset in keysets:
        status = svc.key_source.status(keyset_ref(keyset))
        detail[keyset.name] = {
            "usable": status.usable,
            "stale": status.stale,
            "ageSeconds": status.age_seconds,
            "kids": status.kids,
        }
    ready = bool(detail) and all(entry["usable"] for entry in detail.values())
    return ready, {"status": "ready" if ready else "not ready", "database": "ok", "keysets": detail}


bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """The process is alive and serving; checks nothing else (readiness is a separate concern)."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Ready to mint: 200, or 503 with what is missing (a load balancer takes the instance out)."""
    ready, detail = readiness(services(current_app))
    response = jsonify(detail)
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    return response
