"""Webhook endpoints over HTTP (scope webhooks:admin): parse the request, hand it to `WebhookEndpoints`."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from service.apikeys.admission import admit
from service.apikeys.authentication import require_scope
from service.errors import ValidationFailed
from service.web.json_body import json_body
from service.web.query import query_parameters
from service.web.responses import no_store_json
from service.webhooks.schemas import load_new_endpoint
from service.wiring import services

bp = Blueprint("webhooks_api", __name__, url_prefix="/api/v1/webhooks")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
SCOPE = "webhooks:admin"


def _admin() -> int:
    caller = admit(services(current_app))
    require_scope(caller, SCOPE)
    return caller.tenant_id


def _limit() -> int:
    raw = query_parameters(("limit",)).get("limit", str(DEFAULT_LIMIT))
    # isascii: "²".isdigit() is True, but int("²") fails.
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_LIMIT:
        raise ValidationFailed("Invalid query.", errors={"limit": [f"An integer from 1 to {MAX_LIMIT}."]})
    return int(raw)


@bp.post("")
def create_webhook() -> Response:
    tenant_id = _admin()
    body = load_new_endpoint(json_body())
    created = services(current_app).webhooks.create(
        tenant_id, body["url"], body.get("events"), body.get("description", "")
    )
    response = no_store_json(created)
    response.status_code = 201
    return response


@bp.get("")
def list_webhooks() -> Response:
    tenant_id = _admin()
    return no_store_json({"webhooks": services(current_app).webhooks.listing(tenant_id)})


@bp.get("/events")
def list_webhook_events() -> Response:
    tenant_id = _admin()
    limit = _limit()
    return no_store_json({"events": services(current_app).webhooks.events(tenant_id, limit)})


@bp.get("/<id>")
def show_webhook(id: str) -> Response:  # the contract names the path parameter `id`
    tenant_id = _admin()
    return no_store_json(services(current_app).webhooks.show(tenant_id, id))


@bp.delete("/<id>")
def delete_webhook(id: str) -> Response:
    tenant_id = _admin()
    services(current_app).webhooks.delete(tenant_id, id)
    return Response(status=204, headers={"Cache-Control": "no-store"})


@bp.post("/<id>/rotate-secret")
def rotate_webhook_secret(id: str) -> Response:
    tenant_id = _admin()
    return no_store_json(services(current_app).webhooks.rotate_secret(tenant_id, id))


@bp.get("/<id>/deliveries")
def list_webhook_deliveries(id: str) -> Response:
    tenant_id = _admin()
    limit = _limit()
    return no_store_json({"deliveries": services(current_app).webhooks.deliveries(tenant_id, id, limit)})


@bp.post("/<id>/deliveries/<deliveryId>/redeliver")
def redeliver_webhook(id: str, deliveryId: str) -> Response:  # noqa: N803 - the contract's name
    tenant_id = _admin()
    response = no_store_json(services(current_app).webhooks.redeliver(tenant_id, id, deliveryId))
    response.status_code = 202
    return response
