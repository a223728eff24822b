"""Launch link pages: GET shows a page (never consumes), POST uses the link and delivers a fresh token."""

from __future__ import annotations

import datetime as dt
import logging
import secrets

from flask import Blueprint, Response, current_app, g, redirect, render_template, request, url_for
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.wrappers import Response as BaseResponse  # what flask.redirect returns

from service import locales, metrics
from service.errors import BrokerError, EmailFailed, RateLimited, RenewalRefused
from service.links.browser import FormPost
from service.links.csrf import COOKIE_MAX_AGE_SECONDS, FORM_FIELD, LaunchForms
from service.links.launch_links import LinkState, OpenedLink
from service.links.models import LaunchLink
from service.links.renewal import can_renew
from service.locales import N_
from service.profiles.models import Profile
from service.profiles.origins import origin_of, relying_party_origins
from service.profiles.rules import display_name, sender_name, time_zone
from service.web.problems import DATABASE_RETRY_AFTER_SECONDS
from service.web.proxies import client_address
from service.wiring import services

log = logging.getLogger(__name__)

bp = Blueprint("launch", __name__, template_folder="templates")

# Status, heading and message of each page that refuses a link (marked here, translated when shown).
_STATES: dict[LinkState, tuple[int, tuple[str, str]]] = {
    LinkState.UNKNOWN: (
        404,
        (N_("This link is not valid"), N_("Check that you opened the whole link, or ask for a new one.")),
    ),
    LinkState.EXPIRED: (
        410,
        (N_("This link has expired"), N_("For your safety, links work only for a limited time. Ask for a new one.")),
    ),
    LinkState.USED: (
        410,
        (N_("This link has already been used"), N_("Each link works only once. Ask for a new one.")),
    ),
    LinkState.REVOKED: (
        410,
        (N_("This link has been withdrawn"), N_("Whoever sent it has withdrawn it. Ask for a new one.")),
    ),
}
_CROSS_SITE = (
    N_("Open the link again to continue"),
    # Translators: "Continue" is the button on the link's page; use the word the button has there.
    N_(
        "For your safety, a sign-in link works only from its own page. Open the link you were sent again "
        "and press Continue there."
    ),
)
_RENEWABLE = N_(
    "For your safety, links work only for a limited time. We can email a new link to the address this one was sent to."
)
_REFRESHABLE = N_("You can get a new link where you opened this one.")
# A used link that was not emailed came from a button in an app or on a site, which makes a fresh one.
_TAP_AGAIN = N_("Each link works only once. Go back to where you opened it and tap the button again.")
# A link that a newer one replaced (generateJWT's `replaces`): the page points at the newer link, not elsewhere.
_REPLACED = N_("A newer link has been sent to you")
_REPLACED_MESSAGE = N_("This link was replaced by a newer one. Use the newest link you have been given.")
# An expired emailed link whose renewal the member already asked for: the new link went to the same address.
_ALREADY_RENEWED = N_("We have sent you a new link")
_NOT_RENEWABLE = (
    N_("We could not send a new link"),
    N_("This link cannot be renewed, or a new one was already sent. Look for it in your inbox, or ask for a new one."),
)
_TOO_MANY_RENEWALS = (
    N_("Too many requests"),
    N_("We have sent many new links from here recently. Try again later."),
)
_MAIL_FAILED = (
    N_("We could not send the email"),
    N_("Something on our side is briefly unavailable. Your link can still be renewed: try again in a moment."),
)
_RENEWED = N_("Check your email")
# Translators: the page shows the masked address (b***@galaxy.com) below this text.
_RENEWED_MESSAGE = N_("We have sent a new link to the address the first one went to:")
_UNAVAILABLE = (
    N_("We could not sign you in right now"),
    N_("Something on our side is briefly unavailable. Your link still works: try again in a moment."),
)


def _locale(link_locale: str | None = None) -> str:
    """The page's locale: the link's own if it has one we speak, else the best for the browser's Accept-Language."""
    if link_locale in locales.LOCALES:
        return link_locale
    return locales.negotiate(request.headers.get("Accept-Language"))


def _link_locale(secret: str) -> str:
    """The locale of the link behind `secret` (its own, then its profile's), else the browser's."""
    svc = services(current_app)
    _, opened = svc.links.open(secret)
    if opened is None:
        return _locale()
    return _locale_of(opened, svc.stores.profiles.profile_by_id(opened.record.profile_id))


def _locale_of(opened: OpenedLink, profile: Profile) -> str:
    """A link's pages speak its own locale, else its profile's, else the browser's."""
    return _locale(opened.record.locale or profile.locale)


def _page(template: str, status: int, form_action: list[str], locale: str, **context: object) -> Response:
    """An HTML page in `locale` with the headers every launch page carries: no caching, no referrer, a strict CSP."""
    nonce = secrets.token_urlsafe(16)
    with locales.using(locale):
        html = render_template(template, nonce=nonce, locale=locale, **context)
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Content-Language"] = locale
    # Pages of links without a locale of their own depend on the browser's languages.
    response.vary.add("Accept-Language")
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


def _status_page(status: int, state: str, texts: tuple[str, str], locale: str) -> Response:
    """A page that says why a link did not sign anyone in: its heading and message translated into `locale`."""
    heading, message = texts
    return _page("links/status.html", status, [], locale, state=state, heading=heading, message=message)


def _not_from_its_page() -> Response:
    metrics.count_link("refused", "cross_site")
    return _status_page(403, "cross_site", _CROSS_SITE, _locale())


@bp.errorhandler(OperationalError)
@bp.errorhandler(InterfaceError)
def _database_page(error: OperationalError | InterfaceError) -> Response:
    """People get a page, not JSON, when the database fails; the link was not used, so trying again works."""
    log.warning("database unavailable on a launch page", extra={"error_type": type(error).__name__})
    response = _status_page(503, "unavailable", _UNAVAILABLE, _locale())
    response.headers["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response


def _state_page(state: LinkState, locale: str) -> Response:
    metrics.count_link("refused", state.value)
    status, texts = _STATES[state]
    return _status_page(status, state.value, texts, locale)


@bp.get("/l/<secret>")
def show(secret: str) -> Response:
    svc = services(current_app)
    state, opened = svc.links.open(secret)
    if opened is None:
        return _state_page(state, _locale())
    profile = svc.stores.profiles.profile_by_id(opened.record.profile_id)
    g.profile_id = profile.id
    locale = _locale_of(opened, profile)
    if state is not LinkState.USABLE:
        return _dead_link_page(state, opened, profile, secret, locale)
    forms = svc.launch_forms
    cookie = request.cookies.get(forms.cookie_name) or forms.new_cookie()
    # The POST to 'self' answers with a redirect to the relying party, which form-action must allow too.
    response = _page(
        "links/continue.html",
        200,
        ["'self'", *relying_party_origins(profile)],
        locale,
        expires_at=_when(opened.record.expires_at, locale, time_zone(profile)),
        auto_submit=opened.record.auto_submit,
        form_field=FORM_FIELD,
        form_token=forms.token(cookie, secret),
        **_names(opened, profile),
    )
    _set_cookie(response, forms, cookie)
    return response


def _names(opened: OpenedLink, profile: Profile) -> dict[str, str | None]:
    """Who sent the link and what it signs in to, as people know them: never a slug, never the payload."""
    email = opened.email or {}
    return {
        "profile_name": display_name(profile),
        "sender": email.get("companyName") or sender_name(profile),
        "contact": email.get("contactEmail"),
    }


def _dead_link_page(state: LinkState, opened: OpenedLink, profile: Profile, secret: str, locale: str) -> Response:
    """An expired, used or revoked link's page, with the way on: the newer link that replaced it, the renewal
    already mailed, renewal by mail, the partner's refresh URL, the button that made it."""
    metrics.count_link("refused", state.value)
    status, texts = _STATES[state]
    record = opened.record
    context: dict[str, object] = {
        "state": state.value,
        "heading": texts[0],
        "message": texts[1],
        **_names(opened, profile),
    }
    if state is LinkState.REVOKED and record.replaced_by_id is not None:
        context |= _replaced(record, locale, time_zone(profile))
    if state is LinkState.EXPIRED and record.renewed_at is not None and record.recipient_masked:
        context |= {
            "state": "already_renewed",
            "heading": _ALREADY_RENEWED,
            "renewed_on": _when(record.renewed_at, locale, time_zone(profile)),
            "recipient": record.recipient_masked,
        }
    if can_renew(state, opened, profile):
        forms = services(current_app).launch_forms
        cookie = request.cookies.get(forms.cookie_name) or forms.new_cookie()
        context |= {
            "message": _RENEWABLE,
            "renew_action": url_for("launch.renew", secret=secret),
            "form_field": FORM_FIELD,
            "form_token": forms.token(cookie, secret),
        }
        response = _page("links/status.html", status, ["'self'"], locale, **context)
        _set_cookie(response, forms, cookie)
        return response
    refreshable = state in (LinkState.EXPIRED, LinkState.USED) and record.recipient_masked is None
    if refreshable and profile.refresh_url:
        context |= {"message": _REFRESHABLE, "refresh_url": profile.refresh_url}
    elif state is LinkState.USED and record.recipient_masked is None:
        context |= {"message": _TAP_AGAIN}
    return _page("links/status.html", status, [], locale, **context)


def _replaced(record: LaunchLink, locale: str, zone: str) -> dict[str, object]:
    """What the page of a replaced link says: that a newer link was sent, by email and when, if it was.

    Never where the newer link went: an admin may have replaced a link that went to the wrong address.
    Nothing (the revoked page stands) when the newest link of the chain was itself withdrawn: then no
    link works, and asking for a new one is the way on.
    """
    newest = services(current_app).links.newest_successor(record)
    if newest is None or newest.revoked_at is not None:
        return {}
    emailed = [event.at for event in newest.events if event.kind == "emailed"]
    context: dict[str, object] = {"state": "replaced", "heading": _REPLACED, "message": _REPLACED_MESSAGE}
    if emailed:
        context["emailed_on"] = _when(emailed[-1], locale, zone)
    return context


def _when(moment: dt.datetime, locale: str, time_zone: str = "UTC") -> str:
    """A moment for the reader: "2. desember 2026 kl. 21:17" (the database keeps naive UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return locales.format_datetime(aware, locale, time_zone)


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


def _from_its_page(secret: str) -> bool:
    """Whether this POST came from the link's own page (login CSRF; see LaunchForms)."""
    forms = services(current_app).launch_forms
    fetch_site, cookie = request.headers.get("Sec-Fetch-Site"), request.cookies.get(forms.cookie_name)
    return forms.accepts(secret, fetch_site, cookie, request.form.get(FORM_FIELD))


def _refused_use(state: LinkState, secret: str) -> Response:
    """The page of a link that could not be used (a reload of the page that used it, a page opened before the
    link was replaced or expired): the same as its GET, with the way on."""
    svc = services(current_app)
    _, opened = svc.links.open(secret)
    if opened is None or state is LinkState.UNKNOWN:
        return _state_page(state, _locale())
    profile = svc.stores.profiles.profile_by_id(opened.record.profile_id)
    locale = _locale_of(opened, profile)
    if state is LinkState.USABLE:
        # Another tab's use, given back while this one lost the race (its relying party failed): try again.
        return _status_page(503, "unavailable", _UNAVAILABLE, locale)
    return _dead_link_page(state, opened, profile, secret, locale)


@bp.post("/l/<secret>")
def use(secret: str) -> BaseResponse:
    svc = services(current_app)
    if not _from_its_page(secret):
        return _not_from_its_page()
    try:
        launch = svc.minter.launch(secret, g.request_id)
    except BrokerError as error:
        # The key or the relying party failed; the use was given back, so the link still works.
        return _status_page(error.status, error.code, _UNAVAILABLE, _link_locale(secret))
    if launch.delivery is None:
        return _refused_use(launch.state, secret)
    metrics.count_link("used")
    if isinstance(launch.delivery, FormPost):
        action = launch.delivery.action
        token = launch.delivery.token
        return _page("links/form_post.html", 200, [origin_of(action)], _locale(), action=action, token=token)
    response = redirect(launch.delivery.url, code=303)
    _protect(response)
    return response


@bp.post("/l/<secret>/renew")
def renew(secret: str) -> Response:
    """Email me a new link: from the expired link's own page only, to the address its first mail went to."""
    svc = services(current_app)
    if not _from_its_page(secret):
        return _not_from_its_page()
    _, opened = svc.links.open(secret)
    profile = svc.stores.profiles.profile_by_id(opened.record.profile_id) if opened else None
    names = _names(opened, profile) if opened and profile else {}
    locale = _locale_of(opened, profile) if opened and profile else _locale()
    try:
        renewed = svc.renewals.renew(secret, client_address(request, svc.settings.trusted_proxies), g.request_id)
    except RenewalRefused:
        return _status_page(409, "renewal_refused", _NOT_RENEWABLE, locale)
    except RateLimited as error:
        response = _status_page(429, "rate_limited", _TOO_MANY_RENEWALS, locale)
        response.headers.update(error.headers)
        return response
    except EmailFailed:
        return _status_page(502, "email_failed", _MAIL_FAILED, locale)
    texts = (_RENEWED, _RENEWED_MESSAGE)
    return _page(
        "links/status.html",
        200,
        [],
        locale,
        state="renewed",
        heading=texts[0],
        message=texts[1],
        recipient=renewed.masked_recipient,
        **names,
    )
