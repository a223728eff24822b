"""The console's sign-in, home and sign-out pages.

`/console/sign-in` asks for the address and answers the same for every address; the emailed link opens
`/console/sign-in/<secret>`, a page with a Continue button whose POST signs in (a GET never does), with a new
session id, and goes on to `/console` (so the secret stays only in the mail and this one page's address).
"""

from __future__ import annotations

from flask import current_app, g, redirect, request, session, url_for
from werkzeug.wrappers import Response as BaseResponse

from service.console import auditing, oidc_pages, web
from service.console.forms import ActionForm, ContinueForm, SignInForm
from service.console.sign_in import LinkState
from service.console.users import Role
from service.errors import RateLimited
from service.locales import N_
from service.web.proxies import client_address
from service.wiring import services

bp = web.bp
web.nav_item("home", "console.home", N_("Home"), 0)

_SENT = (
    N_("Check your email"),
    N_(
        "If this address may sign in to the console, we have sent it a sign-in link. It works once, for 15 minutes. "
        "No email? Check the spam folder, or ask the owner of your account to add you."
    ),
)
_TOO_MANY = (N_("Too many requests"), N_("We have sent many sign-in links recently. Try again later."))
_LINK_STATES = {
    LinkState.UNKNOWN: (404, (N_("This link is not valid"), N_("Check that you opened the whole link."))),
    LinkState.EXPIRED: (
        410,
        (N_("This link has expired"), N_("Sign-in links work for 15 minutes. Ask for a new one.")),
    ),
    LinkState.USED: (410, (N_("This link has already been used"), N_("Each link works only once. Ask for a new one."))),
}
_SIGNED_OUT = N_("You have signed out.")
_ROLE_LABELS = {Role.OWNER: N_("owner"), Role.ADMIN: N_("admin"), Role.VIEWER: N_("viewer")}


@bp.get("/sign-in")
def sign_in() -> BaseResponse:
    return web.page("console/sign_in.html", form=SignInForm())


@bp.post("/sign-in")
def request_sign_in() -> BaseResponse:
    form = SignInForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.sign_in"))
        return web.page("console/sign_in.html", 422, form=form)
    svc = services(current_app)
    address = client_address(request, svc.settings.trusted_proxies)
    # Home-realm discovery: an address whose domain belongs to a tenant with an identity provider goes there.
    provider = svc.console.identity_providers.for_address(form.email.data)
    if provider is not None:
        return oidc_pages.start(provider, form.email.data)
    try:
        svc.console.sign_ins.request(form.email.data, address, web.locale(), g.request_id)
    except RateLimited as error:
        response = web.message_page(429, _TOO_MANY)
        response.headers.update(error.headers)
        return response
    return web.message_page(200, _SENT)


@bp.get("/sign-in/<secret>")
def continue_page(secret: str) -> BaseResponse:
    state = services(current_app).console.sign_ins.state(secret)
    if state is not LinkState.USABLE:
        return _link_state_page(state)
    response = web.page("console/continue.html", form=ContinueForm())
    # The address holds the secret: no Referer may carry it anywhere, not even to the console's own pages.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _link_state_page(state: LinkState) -> BaseResponse:
    status, texts = _LINK_STATES[state]
    return web.message_page(status, texts, back=url_for("console.sign_in"))


@bp.post("/sign-in/<secret>")
def use_sign_in_link(secret: str) -> BaseResponse:
    svc = services(current_app)
    if not ContinueForm().validate_on_submit():
        return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.sign_in"))
    user = svc.console.sign_ins.redeem(secret, g.request_id)
    if user is None:
        return _link_state_page(svc.console.sign_ins.state(secret))
    # Rotation: whatever session the browser brought ends, and a new id is made for this sign-in.
    svc.console.sessions.end(web.current_session_id())
    response = redirect(url_for("console.home"), code=303)
    web.set_session_cookie(response, svc.console.sessions.start(user.id))
    # A new CSRF seed as well: nothing from before sign-in is worth anything after it.
    session.clear()
    return response


@bp.get("")
@web.signed_in_required
def home() -> BaseResponse:
    svc = services(current_app)
    user = web.signed_in().user
    tenant = svc.stores.tenants.tenant_by_id(user.tenant_id)
    account = (tenant.display_name or tenant.name) if tenant else ""
    return web.page("console/home.html", account=account, role_label=_ROLE_LABELS[user.role])


@bp.post("/sign-out")
def sign_out() -> BaseResponse:
    svc = services(current_app)
    if not ActionForm().validate_on_submit():
        return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.home"))
    signed_in = svc.console.sessions.resolve(web.current_session_id())
    svc.console.sessions.end(web.current_session_id())
    if signed_in is not None:
        auditing.record(svc.auditor, "console.signed_out", "ok", signed_in.user, g.request_id)
    response = web.message_page(200, (_SIGNED_OUT, ""), back=url_for("console.sign_in"))
    web.clear_session_cookie(response)
    return response
