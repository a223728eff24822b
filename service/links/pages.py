"""Launch link pages: GET shows a page (never consumes), POST uses the link and delivers a fresh token."""

from __future__ import annotations

import logging
import secrets

from flask import Blueprint, Response, current_app, g, redirect, render_template, request
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.wrappers import Response as BaseResponse  # what flask.redirect returns

from service import metrics
from service.errors import BrokerError
from service.links.csrf import COOKIE_MAX_AGE_SECONDS, FORM_FIELD, LaunchForms
from service.links.launch_links import LinkState
from service.tokens.delivery import FormPost, origin_of, relying_party_origins
from service.web.problems import DATABASE_RETRY_AFTER_SECONDS
from service.wiring import services

log = logging.getLogger(__name__)

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


def _not_from_its_page() -> Response:
    metrics.count_link("refused", "cross_site")
    heading = "Open the link again to continue"
    message = (
        "For your safety a sign-in link works only from its own page. Open the link you were sent again "
        "and press Continue there."
    )
    return _page("links/status.html", 403, [], state="cross_site", heading=heading, message=message)


@bp.errorhandler(OperationalError)
@bp.errorhandler(InterfaceError)
def _database_page(error: OperationalError | InterfaceError) -> Response:
    """People get a page, not JSON, when the database fails; the link was not used, so trying again works."""
    log.warning("database unavailable on a launch page", extra={"error_type": type(error).__name__})
    heading = "We could not sign you in right now"
    message = "Something on our side is briefly unavailable. Your link still works: try again in a moment."
    response = _page("links/status.html", 503, [], state="unavailable", heading=heading, message=message)
    response.headers["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response


def _state_page(state: LinkState) -> Response:
    metrics.count_link("refused", state.value)
    status, heading, message = _STATES[state]
    return _page("links/status.html", status, [], state=state.value, heading=heading, message=message)


@bp.get("/l/<secret>")
def show(secret: str) -> Response:
    svc = services(current_app)
    state, opened = svc.links.open(secret)
    if opened is None or state is not LinkState.USABLE:
        return _state_page(state)
    profile = svc.store.profile_by_id(opened.record.profile_id)
    g.profile_id = profile.id
    forms = svc.launch_forms
    cookie = request.cookies.get(forms.cookie_name) or forms.new_cookie()
    # The POST to 'self' answers with a redirect to the relying party, which form-action must allow too.
    response = _page(
        "links/continue.html",
        200,
        ["'self'", *relying_party_origins(profile)],
        profile_name=profile.name,
        expires_at=opened.record.expires_at.strftime("%Y-%m-%d %H:%M"),
        auto_submit=opened.record.auto_submit,
        form_field=FORM_FIELD,
        form_token=forms.token(cookie, secret),
    )
    _set_cookie(response, forms, cookie)
    return response


def _set_cookie(response: Response, forms: LaunchForms, cookie: str) -> None:
    response.set_cookie(
        forms.cookie_name,
        cookie,
        max_age=COOKIE_MAX_AGE_SECONDS,
        path="/",
        secure=forms.secure,
        httponly=True,
        # Strict: a POST from another site never carries it, and so cannot carry a matching form token.
        samesite="Strict",
    )


@bp.post("/l/<secret>")
def use(secret: str) -> BaseResponse:
    svc = services(current_app)
    forms = svc.launch_forms
    fetch_site, cookie = request.headers.get("Sec-Fetch-Site"), request.cookies.get(forms.cookie_name)
    if not forms.accepts(secret, fetch_site, cookie, request.form.get(FORM_FIELD)):
        return _not_from_its_page()
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
