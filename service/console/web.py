"""What every console page shares: its blueprint, locale, headers (no-store, CSP with nonces), session cookie.

The session cookie is `__Host-console` on https (Secure, this host only, path /) and `console` on plain http
(development), HttpOnly and SameSite=Lax. Flask-WTF keeps its CSRF seed in Flask's own signed cookie, named
`__Host-console-csrf` / `console-csrf` here: it holds a random value, nothing about the person.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import hmac
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Blueprint, Flask, Request, Response, current_app, g, redirect, render_template, request, url_for
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_wtf.csrf import generate_csrf
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response as BaseResponse

from service import locales
from service.console.sessions import SignedIn
from service.console.users import Role
from service.locales import N_
from service.wiring import services

bp = Blueprint("console", __name__, url_prefix="/console", template_folder="templates")

_F = TypeVar("_F", bound=Callable[..., BaseResponse])
_FLASK_SECRET_PURPOSE = b"console csrf seed cookie v1"

# A form whose CSRF token is missing, expired or from another page: every console form answers it so (400).
FORM_EXPIRED = (
    N_("This form has expired"),
    N_("For your safety, a form works only for a while and only on the page it came from. Go back and try again."),
)
FORBIDDEN = (N_("You may not do that"), N_("Your role lets you look, not change. Ask an owner of your account."))


@dataclasses.dataclass(frozen=True)
class NavItem:
    """One entry of the console's menu: each page module adds its own (so no shared template lists them)."""

    name: str  # the `active` name its pages set
    endpoint: str
    label: str  # marked with N_, translated when drawn
    order: int
    roles: frozenset[Role] = frozenset(Role)


_NAV: list[NavItem] = []


def nav_item(name: str, endpoint: str, label: str, order: int, roles: frozenset[Role] = frozenset(Role)) -> None:
    """Adds a menu entry, shown to the given roles only, in `order` (home 0, links 20, ...)."""
    _NAV.append(NavItem(name, endpoint, label, order, roles))
    _NAV.sort(key=lambda item: item.order)


def menu() -> list[NavItem]:
    """The menu entries the signed-in user's role may open."""
    current = g.get("signed_in")
    if current is None:
        return []
    return [item for item in _NAV if current.user.role in item.roles]


class ConsoleOnlySessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie, opened only for the console's pages.

    Flask opens the session on every request once SECRET_KEY is set (a signer built, the cookie looked for,
    and looked at again when the response goes out): work the partner API and the launch pages never use.
    Elsewhere the session is Flask's null session, which refuses to be written to.
    """

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        prefix = bp.url_prefix or "/console"
        if request.path != prefix and not request.path.startswith(prefix + "/"):
            return None
        return super().open_session(app, request)


def init_app(app: Flask) -> None:
    """Flask's signed cookie (Flask-WTF's CSRF seed) and the console's blueprint."""
    app.session_interface = ConsoleOnlySessionInterface()
    settings = services(app).settings
    secure = settings.public_base_url.startswith("https://")
    app.config.update(
        # A key of its own, derived from SERVER_SECRET: the CSRF seed's cookie is signed with it.
        SECRET_KEY=hmac.new(settings.server_secret.encode(), _FLASK_SECRET_PURPOSE, hashlib.sha256).hexdigest(),
        SESSION_COOKIE_NAME="__Host-console-csrf" if secure else "console-csrf",
        SESSION_COOKIE_SECURE=secure,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_PATH="/",
        # A form's token lives as long as a session may (its seed cookie ends with the browser).
        WTF_CSRF_TIME_LIMIT=settings.console.absolute_seconds,
        # CSRF is checked by each form's validate_on_submit, not app-wide: the JSON API uses API keys.
        WTF_CSRF_CHECK_DEFAULT=False,
    )
    app.register_blueprint(bp)


def session_cookie_name() -> str:
    return "__Host-console" if _secure() else "console"


def _secure() -> bool:
    return services(current_app).settings.public_base_url.startswith("https://")


def locale() -> str:
    """The console speaks the browser's language among ours (its Accept-Language)."""
    return locales.negotiate(request.headers.get("Accept-Language"))


def page(template: str, status: int = 200, **context: Any) -> Response:
    """A console page: in the browser's locale, with a fresh CSP nonce, never cached."""
    nonce = secrets.token_urlsafe(16)
    language = locale()
    with locales.using(language):
        html = render_template(
            template,
            nonce=nonce,
            locale=language,
            signed_in=g.get("signed_in"),
            menu=menu(),
            csrf_token=generate_csrf,
            **context,
        )
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Content-Language"] = language
    response.vary.add("Accept-Language")
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    )
    return response


def message_page(status: int, texts: tuple[str, str], **context: Any) -> Response:
    heading, message = texts
    return page("console/message.html", status, heading=heading, message=message, **context)


_TOO_LARGE = (
    N_("The form is too large"),
    N_("The form held more text than the console takes. Shorten the longest fields and send it again."),
)
_TOO_LARGE_BY_ENDPOINT: dict[str, tuple[str, str]] = {}


def too_large_texts(endpoint: str, texts: tuple[str, str]) -> None:
    """What the 413 page says for one form (the general sentence otherwise)."""
    _TOO_LARGE_BY_ENDPOINT[endpoint] = texts


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_error: RequestEntityTooLarge) -> BaseResponse:
    # A body over MAX_BODY_BYTES, on any console form: a page saying what to do, not the API's problem+json.
    texts = _TOO_LARGE_BY_ENDPOINT.get(request.endpoint or "", _TOO_LARGE)
    return message_page(413, texts, back=request.path)


@bp.after_request
def _protect(response: BaseResponse) -> BaseResponse:
    # Console pages show a tenant's links and who may act: never cached, never framed, no Referer out.
    response.headers["Cache-Control"] = "no-store"
    # A page that set a stricter policy (a secret or a code in its address: no-referrer) keeps it.
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def set_session_cookie(response: BaseResponse, session_id: str) -> None:
    # A browser-session cookie: the server ends the session (idle 2 h, absolute 12 h); the cookie only names it.
    response.set_cookie(session_cookie_name(), session_id, path="/", secure=_secure(), httponly=True, samesite="Lax")


def clear_session_cookie(response: BaseResponse) -> None:
    response.delete_cookie(session_cookie_name(), path="/", secure=_secure(), httponly=True, samesite="Lax")


def current_session_id() -> str | None:
    return request.cookies.get(session_cookie_name())


def signed_in_required(view: _F) -> _F:
    """The view runs for a live session only (g.signed_in); any other request goes to the sign-in page."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> BaseResponse:
        signed_in = services(current_app).console.sessions.resolve(current_session_id())
        if signed_in is None:
            response = redirect(url_for("console.sign_in"), code=303)
            if current_session_id():
                clear_session_cookie(response)
            return response
        g.signed_in = signed_in
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def signed_in() -> SignedIn:
    value = g.signed_in
    assert isinstance(value, SignedIn)
    return value


def may_change_links() -> bool:
    return signed_in().user.role.may_change_links


__all__ = ["FORBIDDEN", "Role", "bp", "init_app", "nav_item", "page", "signed_in_required"]
