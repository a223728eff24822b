"""The console's Links page: the tenant's links (filtered by state), one link with its events, revoking one.

Every rule is LaunchLinks' (service/links/launch_links.py), as the link administration API uses it; the
console adds only who may ask (admins and owners change, viewers look) and the audit row naming its user.
"""

from __future__ import annotations

import datetime as dt

from flask import current_app, g, redirect, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from service import locales
from service.console import auditing, web
from service.console.forms import STATE_LABELS, ActionForm, LinkFilterForm
from service.errors import LinkNotFound
from service.links.launch_links import LinkFilter, LinkState
from service.locales import N_
from service.profiles.rules import time_zone
from service.wiring import services

bp = web.bp
web.nav_item("links", "console.links", N_("Links"), 20)

LIST_LIMIT = 100
_NOT_FOUND = (N_("No such link"), N_("Your account has no link with that id."))
_EVENT_LABELS = {
    "created": N_("Created"),
    "emailed": N_("Emailed"),
    "email_failed": N_("Email failed"),
    "used": N_("Used"),
    "revoked": N_("Revoked"),
    "renewed": N_("Renewed"),
    "replaced": N_("Replaced"),
}


class _Times:
    """Writes a link's API timestamps ("2026-12-02T20:17:00Z") for the reader, in its profile's time zone (as
    the link's own pages and mails give them: "2. desember 2026 kl. 21:17"); UTC, so marked, for no profile."""

    def __init__(self, tenant_id: int) -> None:
        profiles = services(current_app).stores.profiles.list_profiles(tenant_id)
        self._zones = {profile.name: time_zone(profile) for profile in profiles}
        self._locale = web.locale()

    def __call__(self, iso: str | None, profile: str) -> str:
        if not iso:
            return ""
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
        return locales.format_datetime(moment, self._locale, self._zones.get(profile, "UTC"))


@bp.get("/links")
@web.signed_in_required
def links() -> BaseResponse:
    form = LinkFilterForm(request.args)
    state = form.state.data if form.validate() and form.state.data else None
    user = web.signed_in().user
    rows = services(current_app).links.list(user.tenant_id, LIST_LIMIT, LinkFilter(LinkState(state) if state else None))
    return web.page(
        "console/links.html",
        form=form,
        links=rows,
        state_labels=STATE_LABELS,
        when=_Times(user.tenant_id),
        limit=LIST_LIMIT,
        filtered=bool(state),
    )


@bp.get("/links/<link_id>")
@web.signed_in_required
def link(link_id: str) -> BaseResponse:
    user = web.signed_in().user
    try:
        detail = services(current_app).links.detail(user.tenant_id, link_id)
    except LinkNotFound:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.links"))
    return web.page(
        "console/link.html",
        link=detail,
        form=ActionForm(),
        may_revoke=web.may_change_links() and detail["state"] == LinkState.USABLE.value,
        # A test link cannot be replaced: a test caller never has links:admin, as a test API key never has.
        may_send_again=web.may_change_links() and bool(detail["livemode"]),
        state_labels=STATE_LABELS,
        event_labels=_EVENT_LABELS,
        when=_Times(user.tenant_id),
    )


@bp.post("/links/<link_id>/revoke")
@web.signed_in_required
def revoke(link_id: str) -> BaseResponse:
    svc = services(current_app)
    user = web.signed_in().user
    if not ActionForm().validate_on_submit():
        return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.links"))
    if not web.may_change_links():
        auditing.record(svc.auditor, "console.link.revoked", "forbidden", user, g.request_id, link=link_id[:32])
        return web.message_page(403, web.FORBIDDEN, back=url_for("console.links"))
    try:
        svc.links.revoke(user.tenant_id, link_id, g.request_id)
    except LinkNotFound:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.links"))
    auditing.record(svc.auditor, "console.link.revoked", "ok", user, g.request_id, link=link_id)
    return redirect(url_for("console.link", link_id=link_id), code=303)
