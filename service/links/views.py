"""Link administration over HTTP (scope links:admin): list a tenant's launch links (by state, by address, live or
test), show one with its events, revoke one."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g
from marshmallow import ValidationError, validate

from service.apikeys.admission import admit
from service.apikeys.authentication import require_scope
from service.errors import ValidationFailed
from service.links.launch_links import LinkFilter, LinkState
from service.web.query import query_parameters
from service.web.responses import no_store_json
from service.wiring import services

bp = Blueprint("links_api", __name__, url_prefix="/api/v1/links")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
_STATES = {state.value for state in LinkState} - {LinkState.UNKNOWN.value}
LIST_PARAMETERS = ("limit", "state", "recipient", "livemode")
_MAX_ADDRESS = 254  # as generateJWT's email.to
_LIVEMODES = {"true": True, "false": False}
_is_address = validate.Email()


def _address(value: str) -> bool:
    """Whether a `recipient` is an email address (its value is never quoted back, nor logged)."""
    try:
        _is_address(value)
    except ValidationError:
        return False
    return len(value) <= _MAX_ADDRESS


def _admin() -> int:
    caller = admit(services(current_app))
    require_scope(caller, "links:admin")
    return caller.tenant_id


@bp.get("")
def list_links() -> Response:
    tenant_id = _admin()
    query = query_parameters(LIST_PARAMETERS)
    raw_limit, state, livemode = query.get("limit", str(DEFAULT_LIMIT)), query.get("state"), query.get("livemode")
    errors: dict[str, list[str]] = {}
    # isascii: "²".isdigit() is True, but int("²") fails.
    if not (raw_limit.isascii() and raw_limit.isdigit()) or not 1 <= int(raw_limit) <= MAX_LIMIT:
        errors["limit"] = [f"An integer from 1 to {MAX_LIMIT}."]
    if state is not None and state not in _STATES:
        errors["state"] = [f"One of {', '.join(sorted(_STATES))}."]
    if livemode is not None and livemode not in _LIVEMODES:
        errors["livemode"] = ["true (links of live profiles) or false (of test profiles)."]
    recipient = query["recipient"].strip() if "recipient" in query else None
    if recipient is not None and not _address(recipient):
        # URL-encoded, a + in an address must be %2B: a bare + arrives as a space.
        errors["recipient"] = ["An email address, as generateJWT's email.to had it, URL-encoded (+ as %2B)."]
    if errors:
        raise ValidationFailed("Invalid query.", errors=errors)
    which = LinkFilter(
        state=LinkState(state) if state else None,
        recipient=recipient,
        livemode=_LIVEMODES[livemode] if livemode is not None else None,
    )
    links = services(current_app).links.list(tenant_id, int(raw_limit), which)
    return no_store_json({"links": links})


@bp.get("/<linkId>")
def show_link(linkId: str) -> Response:  # noqa: N803 - the contract names the path parameter `linkId`
    tenant_id = _admin()
    return no_store_json(services(current_app).links.detail(tenant_id, linkId))


@bp.post("/<id>/revoke")
def revoke_link(id: str) -> Response:  # the contract names the path parameter `id`
    tenant_id = _admin()
    return no_store_json(services(current_app).links.revoke(tenant_id, id, g.request_id))
