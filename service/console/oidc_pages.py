"""Console sign-in through a tenant's identity provider: the way there, and the callback from it.

The sign-in page (service/console/pages.py) asks for the address; an address whose domain belongs to a tenant
with a provider is sent there by `start`: a page that goes on at once (a 303 after the form's POST would break
the page's CSP, form-action 'self', which browsers apply to a form submission's redirects too). The provider
sends the browser back to `/console/sign-in/oidc/callback` with a code and the state; a good answer starts a
session exactly as an emailed link does (the old session ends, a new id, a new CSRF seed); any other answer is
a page saying what to do, and starts none.
"""

from __future__ import annotations

from flask import current_app, g, redirect, session, url_for
from werkzeug.wrappers import Response as BaseResponse

from service.console import web
from service.console.idp import Provider
from service.console.oidc import Failure, SignInFailed
from service.locales import N_
from service.wiring import services

bp = web.bp

_AGAIN = N_("Start again from the sign-in page, in the same browser.")
_PAGES: dict[Failure, tuple[int, tuple[str, str]]] = {
    Failure.UNREACHABLE: (
        503,
        (
            N_("Your organisation's sign-in service does not answer"),
            N_("Try again in a few minutes. If it goes on, tell whoever runs sign-in at your organisation."),
        ),
    ),
    Failure.MISCONFIGURED: (
        503,
        (
            N_("Sign-in through your organisation is not set up correctly"),
            N_("Tell the owner of your account: the broker's operators must check the identity provider's settings."),
        ),
    ),
    Failure.DENIED: (
        403,
        (
            N_("Your organisation's sign-in service did not sign you in"),
            N_("You may have cancelled, or may not use this service there. Try again, or ask whoever runs sign-in."),
        ),
    ),
    Failure.BAD_STATE: (400, (N_("This sign-in has expired or was already used"), _AGAIN)),
    Failure.BAD_CODE: (400, (N_("This sign-in could not be completed"), _AGAIN)),
    Failure.BAD_TOKEN: (
        403,
        (
            N_("The answer from your organisation could not be trusted"),
            N_("Nobody was signed in. Try again; if it goes on, tell the owner of your account."),
        ),
    ),
    Failure.UNVERIFIED: (
        403,
        (
            N_("Your email address is not verified"),
            N_("Your organisation's sign-in service does not say that your address is verified. Ask whoever runs it."),
        ),
    ),
    Failure.DOMAIN: (
        403,
        (
            N_("This address may not sign in here"),
            N_("Use an address in one of your organisation's email domains, or ask the owner of your account."),
        ),
    ),
}


def _failed(failure: SignInFailed) -> BaseResponse:
    services(current_app).console.oidc.refused(failure, g.request_id)
    status, texts = _PAGES[failure.failure]
    response = web.message_page(status, texts, back=url_for("console.sign_in"))
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def start(provider: Provider, address: str) -> BaseResponse:
    """Send the browser to the provider (home-realm discovery found one for the address's domain)."""
    try:
        started = services(current_app).console.oidc.begin(provider, login_hint=address.strip())
    except SignInFailed as failure:
        return _failed(failure)
    # Not a 303: the sign-in page's CSP (form-action 'self') governs the redirects after its POST too.
    response = web.page("console/to_provider.html", url=started.url)
    # The provider needs no Referer from the console.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.get("/sign-in/oidc/callback")
def oidc_callback() -> BaseResponse:
    svc = services(current_app)
    try:
        user = svc.console.oidc.finish(g.request_id)
    except SignInFailed as failure:
        return _failed(failure)
    # As the emailed link does: whatever session the browser brought ends, a new id, a new CSRF seed.
    svc.console.sessions.end(web.current_session_id())
    response = redirect(url_for("console.home"), code=303)
    web.set_session_cookie(response, svc.console.sessions.start(user.id))
    session.clear()
    # The address held the code: no Referer may carry it, not even to the console's own pages.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
