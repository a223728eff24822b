"""Launch link pages: GET shows a page (never consumes), POST uses the link and delivers a fresh token."""

from __future__ import annotations

import secrets

from flask import Blueprint, Response, current_app, g, redirect, render_template
from werkzeug.wrappers import Response as BaseResponse  # what flask.redirect returns

from service import metrics
from service.errors import BrokerError
from service.links.launch_links import LinkState
from service.tokens.delivery import FormPost, origin_of, relying_party_origins
from service.wiring import services

bp = Blueprint("launch", __name__, template_folder="templates")

_STATES = {
    LinkState.UNKNOWN: (404, "This link is not valid", "Check that you opened the whole link, or ask for a new one."),
    LinkState.EXPIRED: (410, "This link has expired", "Links work for a limited time. Ask for a new one."),
    LinkState.USED: (410, "This link has already been used", "Each link works once. Ask for a new one."),
    LinkState.REVOKED: (410, "This link has been revoked", "It was withdrawn by whoever sent it. Ask for a new one."),
}


def _page(template: str, status: int, form_action: list[str], **context: object) -> Response:
    """An HTML page with the headers every launch page carries: no caching, no referrer, a strict CSP."""
    nonce = secrets.token_urlsafe(16)
    response = Response(render_template(template, nonce=nonce, **context), status=status, mimetype="text/html")
    actions = " ".join(form_action) if form_action else "'none'"
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        f"form-action {actions}; frame-ancestors 'none'; base-uri 'none'"
    )
    _protect(response)
    return response


def _protect(response: BaseResponse) -> None:
    # The URL itself is the credential: keep it out of caches and out of Referer headers.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"


def _state_page(state: LinkState) -> Response:
    metrics.count_link("refused", state.value)
    status, heading, message = _STATES[state]
    return _page("links/status.html", status, [], state=state.value, heading=heading, message=message)


@bp.get("/l/<secret>")
def show(secret: str) -> Response:
    svc = services(current_app)
    state, opened = svc.links.open(secret)
    if opened is None:
        return _state_page(state)
    profile = svc.store.profile_by_id(opened.record.profile_id)
    g.profile_id = profile.id
    # The POST to 'self' answers with a redirect to the relying party, which form-action must allow too.
    return _page(
        "links/continue.html",
        200,
        ["'self'", *relying_party_origins(profile)],
        profile_name=profile.name,
        expires_at=opened.record.expires_at.strftime("%Y-%m-%d %H:%M"),
        auto_submit=opened.record.auto_submit,
    )


@bp.post("/l/<secret>")
def use(secret: str) -> BaseResponse:
    svc = services(current_app)
    try:
        launch = svc.minter.launch(secret, g.request_id)
    except BrokerError as error:
        heading = "We could not sign you in right now"
        return _page("links/status.html", error.status, [], state=error.code, heading=heading, message=error.detail)
    if launch.delivery is None:
        return _state_page(launch.state)
    metrics.count_link("used")
    if isinstance(launch.delivery, FormPost):
        action = launch.delivery.action
        return _page("links/form_post.html", 200, [origin_of(action)], action=action, token=launch.delivery.token)
    response = redirect(launch.delivery.url, code=303)
    _protect(response)
    return response
