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
    """(ready, detail): ready when the database is reachable and each keyset can sign now.

    When not ready, `reasons` says what is missing and what to run or check, in words an operator can act on.
    """
    try:
        svc.db.ping()
    except SQLAlchemyError as error:
        log.warning("readiness: database unreachable", extra={"error_type": type(error).__name__})
        reason = "database unreachable: check DATABASE_URL and that the database accepts connections"
        return False, _detail("unreachable", {}, [reason])
    try:
        keysets = svc.stores.keysets.list_keysets()
    except SQLAlchemyError as error:
        log.warning("readiness: database not migrated", extra={"error_type": type(error).__name__})
        return False, _detail("not migrated", {}, ["database not migrated: run flask --app service db upgrade"])
    detail: dict[str, Any] = {}
    reasons = [] if keysets else ["no keyset: run flask --app service keysets create NAME --default"]
    for keyset in keysets:
        status = svc.key_source.status(keyset_ref(keyset))
        detail[keyset.name] = {
            "usable": status.usable,
            "stale": status.stale,
            "ageSeconds": status.age_seconds,
            "kids": status.kids,
        }
        if not status.usable:
            reasons.append(
                f"keyset {keyset.name} cannot sign: check its Secrets Manager secret and this instance's access "
                f"to it (flask --app service keysets status {keyset.name})"
            )
    return not reasons, _detail("ok", detail, reasons)


def _detail(database: str, keysets: dict[str, Any], reasons: list[str]) -> dict[str, Any]:
    return {"status": "not ready" if reasons else "ready", "database": database, "keysets": keysets, "reasons": reasons}


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
