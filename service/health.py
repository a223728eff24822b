"""Readiness: the database answers and every keyset has a usable signing key. No secrets in the detail."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from service.publication import keyset_ref
from service.services import Services

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
