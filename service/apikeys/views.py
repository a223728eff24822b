"""API key administration over HTTP (scope keys:admin): list a tenant's API keys, revoke one.

A revocation takes effect at once on the instance that made it and within LOOKUP_CACHE_SECONDS on
every other instance (each reuses a looked-up key that long; service/lookups.py).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app

from service.apikeys.admission import admit
from service.apikeys.authentication import require_scope
from service.apikeys.issuing import revoke_tenant_api_key
from service.apikeys.models import ApiKey
from service.web.responses import iso_timestamp, no_store_json
from service.wiring import Services, services

bp = Blueprint("api_keys_api", __name__, url_prefix="/api/v1/api-keys")


def _summary(broker: Services, api_key: ApiKey) -> dict[str, Any]:
    """What an admin may see of a key: never the key or its hash."""
    return {
        "prefix": api_key.prefix,
        "label": api_key.label,
        "scopes": sorted(api_key.scopes),
        "rateLimit": api_key.rate_limit or broker.settings.default_rate_limit,
        "createdAt": iso_timestamp(api_key.created_at),
        "revokedAt": iso_timestamp(api_key.revoked_at),
    }


@bp.get("")
def list_api_keys() -> Response:
    broker = services(current_app)
    caller = admit(broker)
    require_scope(caller, "keys:admin")
    return no_store_json(
        {"apiKeys": [_summary(broker, key) for key in broker.stores.api_keys.list_api_keys(caller.tenant_id)]}
    )


@bp.post("/<prefix>/revoke")
def revoke_api_key(prefix: str) -> Response:
    broker = services(current_app)
    caller = admit(broker)
    require_scope(caller, "keys:admin")
    revoked = revoke_tenant_api_key(broker, caller.tenant_id, prefix)
    return no_store_json(_summary(broker, revoked))
