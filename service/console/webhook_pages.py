"""The console's Webhooks pages: the account's endpoints, one endpoint's recent deliveries, redelivering one and
rotating an endpoint's signing secret (the new secret shown once, on the answer's page only).

Every rule is WebhookEndpoints' (service/webhooks/endpoints.py), as the webhooks API (`webhooks:admin`) uses it;
the console adds only who may ask (admins and owners change, viewers look) and the audit row naming its user.
The secret is in no log, audit row or address: only in the one page that answers the rotation.
"""

from __future__ import annotations

import datetime as dt

from flask import current_app, g, redirect, url_for
from werkzeug.wrappers import Response as BaseResponse

from service import locales
from service.console import auditing, web
from service.console.forms import ActionForm
from service.console.users import Role
from service.errors import DeliveryNotFound, WebhookDisabled, WebhookNotFound
from service.locales import N_
from service.wiring import services

bp = web.bp
web.nav_item("webhooks", "console.webhooks", N_("Webhooks"), 50)

DELIVERY_LIMIT = 50
_MAY_CHANGE = frozenset({Role.OWNER, Role.ADMIN})
_NOT_FOUND = (N_("No such webhook endpoint"), N_("Your account has no webhook endpoint with that id."))
_NO_DELIVERY = (N_("No such delivery"), N_("This endpoint has no delivery with that id. Pick one from its list."))
_DISABLED = (
    N_("This endpoint is disabled"),
    N_("It was turned off after failing for too long, so nothing is sent to it. Register it again to get events."),
)
STATE_LABELS = {
    "pending": N_("Pending"),
    "delivered": N_("Delivered"),
    "failed": N_("Failed"),
    "enabled": N_("Enabled"),
    "disabled": N_("Disabled"),
}


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return locales.format_datetime(moment, web.locale())


def _may_change() -> bool:
    return web.signed_in().user.role in _MAY_CHANGE


@bp.get("/webhooks")
@web.signed_in_required
def webhooks() -> BaseResponse:
    user = web.signed_in().user
    endpoints = services(current_app).webhooks.listing(user.tenant_id)
    return web.page("console/webhooks.html", endpoints=endpoints, state_labels=STATE_LABELS, when=_when)


def _endpoint_page(endpoint_id: str, secret: str | None = None) -> BaseResponse:
    svc = services(current_app)
    user = web.signed_in().user
    try:
        endpoint = svc.webhooks.show(user.tenant_id, endpoint_id)
        deliveries = svc.webhooks.deliveries(user.tenant_id, endpoint_id, DELIVERY_LIMIT)
    except WebhookNotFound:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.webhooks"))
    return web.page(
        "console/webhook.html",
        endpoint=endpoint,
        deliveries=deliveries,
        secret=secret,
        form=ActionForm(),
        may_change=_may_change(),
        state_labels=STATE_LABELS,
        when=_when,
        limit=DELIVERY_LIMIT,
    )


@bp.get("/webhooks/<endpoint_id>")
@web.signed_in_required
def webhook(endpoint_id: str) -> BaseResponse:
    return _endpoint_page(endpoint_id)


def _refused(action: str, endpoint_id: str) -> BaseResponse | None:
    """The answer when the form or the role does not allow the change; None when it may go ahead."""
    user = web.signed_in().user
    back = url_for("console.webhooks")
    if not ActionForm().validate_on_submit():
        return web.message_page(400, web.FORM_EXPIRED, back=back)
    if not _may_change():
        svc = services(current_app)
        auditing.record(svc.auditor, action, "forbidden", user, g.request_id, webhook=endpoint_id[:32])
        return web.message_page(403, web.FORBIDDEN, back=back)
    return None


@bp.post("/webhooks/<endpoint_id>/rotate-secret")
@web.signed_in_required
def rotate_webhook_secret(endpoint_id: str) -> BaseResponse:
    action = "console.webhook.secret_rotated"
    refused = _refused(action, endpoint_id)
    if refused is not None:
        return refused
    svc = services(current_app)
    user = web.signed_in().user
    try:
        rotated = svc.webhooks.rotate_secret(user.tenant_id, endpoint_id)
    except WebhookNotFound:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.webhooks"))
    auditing.record(svc.auditor, action, "ok", user, g.request_id, webhook=str(rotated["id"]))
    # The answer is the page itself (no redirect): the secret exists in clear only in this one response.
    return _endpoint_page(endpoint_id, secret=str(rotated["secret"]))


@bp.post("/webhooks/<endpoint_id>/deliveries/<delivery_id>/redeliver")
@web.signed_in_required
def redeliver_webhook(endpoint_id: str, delivery_id: str) -> BaseResponse:
    action = "console.webhook.redelivered"
    refused = _refused(action, endpoint_id)
    if refused is not None:
        return refused
    svc = services(current_app)
    user = web.signed_in().user
    back = url_for("console.webhooks")
    try:
        again = svc.webhooks.redeliver(user.tenant_id, endpoint_id, delivery_id)
    except WebhookNotFound:
        return web.message_page(404, _NOT_FOUND, back=back)
    except DeliveryNotFound:
        return web.message_page(404, _NO_DELIVERY, back=back)
    except WebhookDisabled:
        return web.message_page(409, _DISABLED, back=back)
    auditing.record(
        svc.auditor, action, "ok", user, g.request_id, webhook=endpoint_id, delivery=delivery_id, redelivery=again["id"]
    )
    return redirect(url_for("console.webhook", endpoint_id=endpoint_id), code=303)
