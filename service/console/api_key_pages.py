"""The console's API keys page (owners only): the account's keys, a new one (shown once), revoking one.

Every rule is service/apikeys' (issuing.py: scopes, test keys, rate limits, revocation within the tenant), as
the CLI and the admin API use it; the console adds only who may ask (owners) and the audit row naming its
user. A new key is on the one page that answers its POST (no-store), never in a URL, a log or an audit row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from flask import current_app, g, redirect, url_for
from werkzeug.wrappers import Response as BaseResponse

from service.apikeys import credentials
from service.apikeys.issuing import create_api_key, revoke_tenant_api_key
from service.apikeys.models import ApiKey
from service.console import auditing, web
from service.console.api_key_forms import MODE_LABELS, SCOPE_LABELS, ApiKeyForm
from service.console.forms import ActionForm
from service.console.tenant_times import TenantTimes
from service.console.users import Role
from service.errors import ApiKeyNotFound
from service.locales import N_
from service.wiring import services

bp = web.bp
web.nav_item("api-keys", "console.api_keys", N_("API keys"), 40, roles=frozenset({Role.OWNER}))

_OWNERS_ONLY = (N_("You may not do that"), N_("Only an owner of your account looks after its API keys."))
_NOT_FOUND = (N_("No such API key"), N_("Your account has no API key with that prefix."))


@dataclasses.dataclass(frozen=True)
class KeyRow:
    """What the page shows of a key: never the key or its hash."""

    prefix: str
    label: str
    scopes: list[str]
    mode: str
    rate_limit: str
    default_rate_limit: bool
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


def _row(key: ApiKey, default_rate_limit: str) -> KeyRow:
    return KeyRow(
        prefix=key.prefix,
        label=key.label,
        scopes=sorted(key.scopes),
        mode="test" if credentials.is_test_key(key.prefix) else "live",
        rate_limit=key.rate_limit or default_rate_limit,
        default_rate_limit=key.rate_limit is None,
        created_at=key.created_at,
        last_used_at=key.last_used_at,
        revoked_at=key.revoked_at,
    )


def _rows(tenant_id: int) -> list[KeyRow]:
    """The account's keys, live ones first, newest first."""
    svc = services(current_app)
    keys = svc.stores.api_keys.list_api_keys(tenant_id)
    rows = [_row(key, svc.settings.default_rate_limit) for key in reversed(keys)]
    return sorted(rows, key=lambda row: row.revoked_at is not None)


def _refused(action: str, **detail: str) -> BaseResponse | None:
    """The 403 page (audited for a change) unless the signed-in user is an owner."""
    user = web.signed_in().user
    if user.role is Role.OWNER:
        return None
    if action:
        auditing.record(services(current_app).auditor, action, "forbidden", user, g.request_id, **detail)
    return web.message_page(403, _OWNERS_ONLY, back=url_for("console.home"))


def _list_page(form: ApiKeyForm, status: int = 200) -> BaseResponse:
    user = web.signed_in().user
    return web.page(
        "console/api_keys.html",
        status,
        keys=_rows(user.tenant_id),
        form=form,
        when=TenantTimes(user.tenant_id),
        scope_labels=SCOPE_LABELS,
        mode_labels=MODE_LABELS,
        default_rate_limit=services(current_app).settings.default_rate_limit,
    )


@bp.get("/api-keys")
@web.signed_in_required
def api_keys() -> BaseResponse:
    return _refused("") or _list_page(ApiKeyForm(formdata=None))


@bp.post("/api-keys")
@web.signed_in_required
def create_key() -> BaseResponse:
    form = ApiKeyForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.api_keys"))
        return _refused("console.api_key.created") or _list_page(form, 422)
    refused = _refused("console.api_key.created")
    if refused:
        return refused
    svc = services(current_app)
    user = web.signed_in().user
    tenant = svc.stores.tenants.tenant_by_id(user.tenant_id)
    assert tenant is not None  # the session's user belongs to it (deleted with it)
    scopes, test = sorted(form.scopes.data or []), form.mode.data == "test"
    api_key = create_api_key(svc, tenant.name, scopes, form.label.data or "", form.rate_limit.data or None, test=test)
    prefix = credentials.api_key_prefix(api_key)
    auditing.record(
        svc.auditor,
        "console.api_key.created",
        "ok",
        user,
        g.request_id,
        apiKey=prefix,
        scopes=" ".join(scopes),
        mode=form.mode.data,
    )
    row = next(row for row in _rows(user.tenant_id) if row.prefix == prefix)
    return web.page(
        "console/api_key_created.html",
        api_key=api_key,
        key=row,
        when=TenantTimes(user.tenant_id),
        scope_labels=SCOPE_LABELS,
        mode_labels=MODE_LABELS,
    )


@bp.get("/api-keys/<prefix>")
@web.signed_in_required
def api_key(prefix: str) -> BaseResponse:
    refused = _refused("")
    if refused:
        return refused
    user = web.signed_in().user
    row = next((row for row in _rows(user.tenant_id) if row.prefix == prefix), None)
    if row is None:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.api_keys"))
    return web.page(
        "console/api_key.html",
        key=row,
        form=ActionForm(),
        when=TenantTimes(user.tenant_id),
        scope_labels=SCOPE_LABELS,
        mode_labels=MODE_LABELS,
    )


@bp.post("/api-keys/<prefix>/revoke")
@web.signed_in_required
def revoke_key(prefix: str) -> BaseResponse:
    if not ActionForm().validate_on_submit():
        return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.api_keys"))
    refused = _refused("console.api_key.revoked", apiKey=credentials.api_key_prefix(prefix)[:32])
    if refused:
        return refused
    svc = services(current_app)
    user = web.signed_in().user
    try:
        revoked = revoke_tenant_api_key(svc, user.tenant_id, prefix)
    except ApiKeyNotFound:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.api_keys"))
    auditing.record(svc.auditor, "console.api_key.revoked", "ok", user, g.request_id, apiKey=revoked.prefix)
    return redirect(url_for("console.api_key", prefix=revoked.prefix), code=303)
