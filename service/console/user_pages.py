"""The console's Users page (owners only): the account's console users, inviting one, changing a role, removing.

Every rule is ConsoleUsers' and SignIns' (service/console/users.py, sign_in.py), as the CLI uses them: one user
per address in an account, at least one owner always, an invitation as a one-time sign-in link that lives a
week. The console adds who may ask (owners) and the audit row, which names users by id, never by address.

The page shows owners their users' full addresses: an owner must know whom they are about to demote or remove,
and colleagues at one clinic share a domain, so a masked "o***@clinic.example" would not tell them apart. The
addresses stay sealed in the database and out of URLs, logs and audit rows; the page itself is no-store.
"""

from __future__ import annotations

from flask import current_app, g, redirect, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from service import locales
from service.console import auditing, web
from service.console.forms import ActionForm
from service.console.tenant_times import TenantTimes
from service.console.user_forms import LANGUAGE_LABELS, ROLE_HINTS, ROLE_LABELS, InviteForm, RoleForm
from service.console.users import LastOwner, Role, UserExists, UserNotFound
from service.locales import N_
from service.wiring import services

bp = web.bp
web.nav_item("users", "console.users", N_("Users"), 80, roles=frozenset({Role.OWNER}))

_OWNERS_ONLY = (N_("You may not do that"), N_("Only an owner of your account looks after its console users."))
_NOT_FOUND = (N_("No such user"), N_("Your account has no console user with that id."))
_EXISTS = (
    N_("This person is already a user"),
    N_("Your account already has a console user with that address. Change their role on the Users page instead."),
)
_LAST_OWNER = (
    N_("Your account needs an owner"),
    N_("You are the account's only owner. Make another user an owner first, then try again."),
)
# What the list says after a change (?done=<word> in its address, never who).
_DONE = ("invited", "removed")


def _refused(action: str, **detail: str) -> BaseResponse | None:
    """The 403 page (audited for a change) unless the signed-in user is an owner."""
    user = web.signed_in().user
    if user.role is Role.OWNER:
        return None
    if action:
        auditing.record(services(current_app).auditor, action, "forbidden", user, g.request_id, **detail)
    return web.message_page(403, _OWNERS_ONLY, back=url_for("console.home"))


def _list_page(form: InviteForm, status: int = 200) -> BaseResponse:
    user = web.signed_in().user
    svc = services(current_app)
    done = request.args.get("done", "")
    return web.page(
        "console/users.html",
        status,
        members=svc.console.users.members(user.tenant_id),
        me=user,
        form=form,
        done=done if done in _DONE and status == 200 else None,
        invitation_lifetime=locales.format_duration(svc.settings.console.invitation_seconds, web.locale()),
        when=TenantTimes(user.tenant_id),
        role_labels=ROLE_LABELS,
        role_hints=ROLE_HINTS,
        language_labels=LANGUAGE_LABELS,
    )


@bp.get("/users")
@web.signed_in_required
def users() -> BaseResponse:
    return _refused("") or _list_page(InviteForm(formdata=None, language=web.locale()))


@bp.post("/users")
@web.signed_in_required
def invite() -> BaseResponse:
    form = InviteForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.users"))
        return _refused("console.user.invited") or _list_page(form, 422)
    refused = _refused("console.user.invited")
    if refused:
        return refused
    svc = services(current_app)
    user = web.signed_in().user
    role = Role(form.role.data)
    try:
        invited = svc.console.sign_ins.invite(user.tenant_id, form.email.data, role, form.language.data)
    except UserExists:
        return web.message_page(409, _EXISTS, back=url_for("console.users"))
    auditing.record(
        svc.auditor, "console.user.invited", "ok", user, g.request_id, target=invited.public_id, role=role.value
    )
    return redirect(url_for("console.users", done="invited"), code=303)


@bp.get("/users/<user_id>")
@web.signed_in_required
def user(user_id: str) -> BaseResponse:
    refused = _refused("")
    if refused:
        return refused
    me = web.signed_in().user
    try:
        member = services(current_app).console.users.member(me.tenant_id, user_id)
    except UserNotFound:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.users"))
    return web.page(
        "console/user.html",
        member=member,
        me=me,
        role_form=RoleForm(formdata=None, role=member.user.role.value),
        form=ActionForm(),
        when=TenantTimes(me.tenant_id),
        role_labels=ROLE_LABELS,
        role_hints=ROLE_HINTS,
    )


@bp.post("/users/<user_id>/role")
@web.signed_in_required
def change_role(user_id: str) -> BaseResponse:
    form = RoleForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.users"))
        return _refused("console.user.role_changed") or web.message_page(
            422, (N_("Choose a role"), N_("Choose owner, admin or viewer.")), back=url_for("console.users")
        )
    refused = _refused("console.user.role_changed")
    if refused:
        return refused
    svc = services(current_app)
    me = web.signed_in().user
    role = Role(form.role.data)
    try:
        changed = svc.console.users.set_role(me.tenant_id, user_id, role)
    except UserNotFound:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.users"))
    except LastOwner:
        return web.message_page(409, _LAST_OWNER, back=url_for("console.user", user_id=user_id))
    auditing.record(
        svc.auditor, "console.user.role_changed", "ok", me, g.request_id, target=changed.public_id, role=role.value
    )
    if changed.id == me.id and role is not Role.OWNER:
        return redirect(url_for("console.home"), code=303)  # the Users page is no longer theirs
    return redirect(url_for("console.user", user_id=changed.public_id), code=303)


@bp.post("/users/<user_id>/remove")
@web.signed_in_required
def remove(user_id: str) -> BaseResponse:
    if not ActionForm().validate_on_submit():
        return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.users"))
    refused = _refused("console.user.removed")
    if refused:
        return refused
    svc = services(current_app)
    me = web.signed_in().user
    try:
        removed = svc.console.users.remove(me.tenant_id, user_id)
    except UserNotFound:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.users"))
    except LastOwner:
        return web.message_page(409, _LAST_OWNER, back=url_for("console.user", user_id=user_id))
    auditing.record(svc.auditor, "console.user.removed", "ok", me, g.request_id, target=removed.public_id)
    return redirect(url_for("console.users", done="removed"), code=303)
