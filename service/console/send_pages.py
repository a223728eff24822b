"""The console's Send a link page: pick a profile, fill in its form, and the link is made and delivered by the
very service generateJWT uses (service/tokens/answering.py and minting.py), so every rule, the audit row, the
webhook event and the mail are the API's. "Send again" (from a link's page) is the same form with `replaces`.

Who sends: a Caller made for the console user (`console_caller`), not an API key. Its prefix, which the
mint's audit row and the link keep as "which key made it", is the user's public id (`cu_…`; `tbk_test_cu_…`
for a test profile, whose mails go to the test inbox as a test key's do), so the row names the console user.
Its scopes are what sending needs, for owners and admins only: links:long, links:email, links:admin (for
`replaces`; never honoured for a test profile, as for a test key). Sends count against the broker's default
rate limit under that prefix.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from typing import Any

from flask import current_app, g, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from service.apikeys.caller import Caller
from service.apikeys.credentials import TEST_API_KEY_PREFIX
from service.console import auditing, web
from service.console.send_forms import EMAIL, EXPIRY_WORDS, GROUPS, QR, SendForm, field_errors, form_class, request_body
from service.console.users import User
from service.errors import (
    BrokerError,
    IdempotencyKeyReused,
    LinkAlreadyReplaced,
    LinkNotFound,
    RateLimited,
    ValidationFailed,
)
from service.locales import N_
from service.profiles import kinds
from service.profiles.models import Profile
from service.profiles.rules import display_name
from service.tokens.answering import Answer, answer
from service.wiring import Services, services

bp = web.bp
SENDERS = frozenset({web.Role.OWNER, web.Role.ADMIN})
web.nav_item("send", "console.send", N_("Send a link"), 10, roles=SENDERS)

_ATTEMPT = re.compile(r"[A-Za-z0-9_-]{8,64}")
SEND_SCOPES = frozenset({"links:long", "links:email", "links:admin"})
_MAX_NAME = 100
_MAX_LINK_ID = 32
_NO_PROFILE = (N_("No such profile"), N_("Your account has no profile by that name. Pick one from the list."))
_NO_LINK = (N_("No such link"), N_("Your account has no link with that id, so there is nothing to send again."))
_TOO_MANY = (N_("Too many requests"), N_("You have sent many links in a short while. Wait a minute and try again."))
_IN_PROGRESS = (N_("Already sending"), N_("This form was sent twice. Look in Links for the link, then try again."))
_NOT_DONE = (
    N_("The link was not sent"),
    N_("The broker could not make or deliver the link, and nothing usable was left. Try again in a while."),
)
_NOT_ALLOWED = (
    N_("This cannot be sent"),
    N_("The profile's rules do not allow this link (a test profile's link cannot replace another). Send a new one."),
)


def console_caller(user: User, profile: Profile) -> Caller:
    """The console user as generateJWT's caller for this profile: in its mode, with the scopes sending needs."""
    scopes = SEND_SCOPES if user.role in SENDERS else frozenset()
    prefix = (TEST_API_KEY_PREFIX if profile.test else "") + user.public_id
    return Caller(api_key_id=0, prefix=prefix, tenant_id=user.tenant_id, scopes=scopes)


def _profile(svc: Services, tenant_id: int, name: str) -> Profile | None:
    if not name or len(name) > _MAX_NAME or any(ord(c) < 32 for c in name):
        return None
    return svc.stores.profiles.find_profile(tenant_id, name)


def _replaces(svc: Services, tenant_id: int) -> tuple[str | None, bool]:
    """The `replaces` link id the page was opened with, and whether it is acceptable (none, or one of ours)."""
    link_id = request.args.get("replaces")
    if link_id is None:
        return None, True
    ok = 0 < len(link_id) <= _MAX_LINK_ID and "\x00" not in link_id and svc.links.exists(tenant_id, link_id)
    return link_id, ok


def _form_page(
    profile: Profile, form: SendForm, replaces: str | None, status: int = 200, went_to: str | None = None, **extra: Any
) -> BaseResponse:
    if not form.attempt.data or status == 200:
        form.attempt.data = secrets.token_urlsafe(16)
    return web.page(
        "console/send.html",
        status,
        profile=profile,
        profile_name=display_name(profile),
        groups=GROUPS[profile.kind],
        form=form,
        # The fields in the page's order, for the error summary at its top.
        shown=[form[i.name] for g in GROUPS[profile.kind] for i in g.fields]
        + [form.expiry, form.locale, form.delivery, form.to],
        replaces=replaces,
        went_to=went_to,
        action=_send_url(profile, replaces),
        email=EMAIL,
        qr=QR,
        **extra,
    )


def _send_url(profile: Profile, replaces: str | None) -> str:
    if replaces:
        return url_for("console.send", profile=profile.name, replaces=replaces)
    return url_for("console.send", profile=profile.name)


@bp.get("/send")
@web.signed_in_required
def send() -> BaseResponse:
    svc = services(current_app)
    user = web.signed_in().user
    if user.role not in SENDERS:
        return web.message_page(403, web.FORBIDDEN, back=url_for("console.links"))
    name = request.args.get("profile")
    if name is None:
        profiles = svc.stores.profiles.list_profiles(user.tenant_id)
        return web.page("console/send_pick.html", profiles=profiles, display_name=display_name)
    profile = _profile(svc, user.tenant_id, name)
    if profile is None:
        return web.message_page(404, _NO_PROFILE, back=url_for("console.send"))
    replaces, ok = _replaces(svc, user.tenant_id)
    if not ok:
        return web.message_page(404, _NO_LINK, back=url_for("console.links"))
    locale, went_to = profile.locale or web.locale(), None
    if replaces is not None:
        # What the old link keeps in clear: its language and its masked address (its payload is sealed).
        old = svc.links.detail(user.tenant_id, replaces)
        locale, went_to = old.get("locale") or locale, old.get("recipient")
    form = form_class(profile.kind)(formdata=None, locale=locale)
    return _form_page(profile, form, replaces, went_to=went_to)


@bp.post("/send")
@web.signed_in_required
def send_link() -> BaseResponse:
    svc = services(current_app)
    user = web.signed_in().user
    profile = _profile(svc, user.tenant_id, request.args.get("profile", ""))
    form = form_class(profile.kind if profile else "generic")()
    if not form.validate_on_submit() and "csrf_token" in form.errors:
        return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.send"))
    if user.role not in SENDERS:
        auditing.record(svc.auditor, "console.link.sent", "forbidden", user, g.request_id)
        return web.message_page(403, web.FORBIDDEN, back=url_for("console.links"))
    if profile is None:
        return web.message_page(404, _NO_PROFILE, back=url_for("console.send"))
    replaces, ok = _replaces(svc, user.tenant_id)
    if not ok:
        return web.message_page(404, _NO_LINK, back=url_for("console.links"))
    if form.errors:  # a choice no page offers (a hand-made form): said on its field
        return _form_page(profile, form, replaces, 422)
    caller = console_caller(user, profile)
    body = request_body(form, profile.kind, profile.profile_key, replaces)
    try:
        given = _answer(svc, caller, body, str(form.attempt.data or ""))
    except IdempotencyKeyReused:
        form.attempt.data = ""  # the first press sent other details: this one is a new attempt
        return _form_page(profile, form, replaces, 409, general=[(None, _IN_PROGRESS[1])])
    except ValidationFailed as error:
        general = field_errors(form, profile.kind, _with_payload_errors(svc, profile, body, error))
        return _form_page(profile, form, replaces, 422, general=general)
    except BrokerError as error:
        auditing.record(svc.auditor, "console.link.sent", error.code, user, g.request_id, profile=str(profile.id))
        return _refused(svc, user, error, replaces)
    link_id = str(given.body.get("linkId", ""))
    detail = {"link": link_id, "profile": str(profile.id), **({"replaces": replaces} if replaces else {})}
    outcome = "replayed" if given.replayed else "ok"
    auditing.record(svc.auditor, "console.link.sent", outcome, user, g.request_id, **detail)
    return web.page(
        "console/sent.html",
        profile_name=display_name(profile),
        link_id=link_id,
        url=given.body.get("url") if form.delivery.data == QR else None,
        qr_svg=given.body.get("qrSvg"),
        recipient=svc.links.detail(user.tenant_id, link_id).get("recipient") if link_id else None,
        expiry=EXPIRY_WORDS.get(str(form.expiry.data), ""),
        replaces=replaces,
        test_inbox=given.body.get("delivery") == "test-inbox",
        again=url_for("console.send", profile=profile.name),
    )


def _with_payload_errors(
    svc: Services, profile: Profile, body: dict[str, Any], error: ValidationFailed
) -> dict[str, Sequence[str]]:
    """The request's errors, and its payload's too when the request's own fields failed first (generateJWT
    checks the payload only after them): the kind's check, so one round shows every field to fix."""
    errors: dict[str, Sequence[str]] = dict(error.errors or {})
    if not any(path.startswith("payload") for path in errors):
        try:
            kinds.load_payload(profile.kind, body["payload"], profile.check_ssn, svc.settings.max_payload_bytes)
        except ValidationFailed as payload_error:
            errors |= payload_error.errors or {}
    return errors


def _answer(svc: Services, caller: Caller, body: dict[str, Any], attempt: str) -> Answer:
    """generateJWT's answer for the console's caller, counted against the default rate limit under its prefix."""
    decision = svc.rate_limiter.hit(caller.prefix, svc.settings.default_rate_limit)
    if not decision.allowed:
        raise RateLimited("Too many sends.", headers=decision.headers())
    key = f"console:{attempt}" if _ATTEMPT.fullmatch(attempt) else None
    return answer(svc.minter, svc.idempotency, caller, body, None, key, g.request_id)


def _newest(svc: Services, tenant_id: int, link_id: str) -> str:
    """The newest link of the chain of replacements `link_id` starts (followed at most 100 steps)."""
    for _ in range(100):
        detail = svc.links.detail(tenant_id, link_id)
        successor = next((e.get("replacedBy") for e in detail["events"] if e.get("replacedBy")), None)
        if successor is None:
            break
        link_id = successor
    return link_id


def _refused(svc: Services, user: User, error: BrokerError, replaces: str | None) -> BaseResponse:
    """The page for what the service refused, with a sentence saying what to do instead."""
    if isinstance(error, LinkAlreadyReplaced) and replaces is not None:
        newest = _newest(svc, user.tenant_id, replaces)
        return web.page("console/replaced.html", 409, old=replaces, newest=newest)
    if isinstance(error, LinkNotFound):
        return web.message_page(404, _NO_LINK, back=url_for("console.links"))
    if isinstance(error, RateLimited):
        response = web.message_page(429, _TOO_MANY, back=url_for("console.send"))
        response.headers.update(error.headers)
        return response
    if error.status == 409:
        return web.message_page(409, _IN_PROGRESS, back=url_for("console.links"))
    if error.status == 403:
        return web.message_page(403, _NOT_ALLOWED, back=url_for("console.send"))
    status = error.status if error.status >= 400 else 500
    return web.message_page(status, _NOT_DONE, back=url_for("console.send"))
