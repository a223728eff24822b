"""The console's Audit page: the account's audit trail, newest first, filtered and paged, and its CSV export.

Owners and admins only: the trail names API keys (by prefix) and console users (by id), which a viewer's
pages never show. Only the signed-in user's account's rows, ever (every query names its tenant). Rows hold
ids, never personal data; the CSV's cells cannot start a spreadsheet formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import Response, current_app, g, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from service.audit.activity import AuditActivity
from service.audit.models import AuditEvent
from service.audit.store import EventQuery
from service.console import auditing, web
from service.console.audit_forms import ACTION_LABELS, OUTCOME_LABELS, AuditFilterForm
from service.console.charts import BABEL_LOCALES
from service.console.overview_pages import AccountView
from service.console.users import Role
from service.locales import N_
from service.wiring import services

bp = web.bp
ROLES = frozenset({Role.OWNER, Role.ADMIN})
web.nav_item("audit", "console.audit", N_("Audit"), 90, roles=ROLES)

PAGE_SIZE = 50
EXPORT_LIMIT = 100_000
_EXPORT_BATCH = 1000
_NOT_YOURS = (N_("You may not see the audit trail"), N_("Only owners and admins see it. Ask an owner of your account."))
_BAD_FILTER = (N_("This filter cannot be used"), N_("Check the dates (from 2000 to 2100, the first before the last)."))
CSV_COLUMNS = ("at", "action", "outcome", "profile", "apiKey", "consoleUser", "link", "requestId", "eventId")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _query(form: AuditFilterForm, account: AccountView) -> EventQuery:
    zone = ZoneInfo(account.zone)

    def midnight(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)

    outcome = form.outcome.data or None
    return EventQuery(
        tenant_id=account.tenant_id,
        action=form.action.data or None,
        succeeded=None if outcome is None else outcome == "ok",
        since=midnight(form.since.data) if form.since.data else None,
        until=midnight(form.until.data + dt.timedelta(days=1)) if form.until.data else None,
        before=form.before.data,
    )


def _row(event: AuditEvent, account: AccountView) -> dict[str, str]:
    detail = event.detail if isinstance(event.detail, dict) else {}
    at = event.at if event.at.tzinfo else event.at.replace(tzinfo=dt.UTC)
    return {
        "id": str(event.id),
        "at": at.isoformat().replace("+00:00", "Z"),
        "action": event.action,
        "outcome": event.outcome,
        "profile": account.profile(event.profile_id),
        "apiKey": event.api_key_prefix or "",
        "consoleUser": str(detail.get("consoleUser", "")),
        "link": str(detail.get("link", "")),
        "requestId": event.request_id,
        "eventId": event.event_id or "",
    }


def _allowed() -> bool:
    return web.signed_in().user.role in ROLES


@bp.get("/audit")
@web.signed_in_required
def audit() -> BaseResponse:
    if not _allowed():
        return web.message_page(403, _NOT_YOURS, back=url_for("console.home"))
    account = AccountView(web.signed_in().user.tenant_id)
    form = AuditFilterForm(request.args)
    if not form.validate():
        return web.page("console/audit.html", 400, form=form, rows=None, **_labels())
    svc = services(current_app)
    events = AuditActivity(svc.stores.audit, svc.clock).events(_query(form, account), PAGE_SIZE + 1)
    rows = [_row(event, account) for event in events[:PAGE_SIZE]]
    filters = _filters(form)
    language = web.locale()
    for row in rows:
        row["when"] = _short_time(row["at"], language, account.zone)
    return web.page(
        "console/audit.html",
        form=form,
        rows=rows,
        older=url_for("console.audit", **filters, before=rows[-1]["id"]) if len(events) > PAGE_SIZE else None,
        newest=url_for("console.audit", **filters) if form.before.data else None,
        export=url_for("console.audit_csv", **filters),
        zone=account.zone,
        **_labels(),
    )


def _short_time(iso: str, language: str, zone: str) -> str:
    """ "07.12.2026, 21:50" (nb, nn), "07/12/2026, 21:50" (en): short, so a phone's table stays readable."""
    moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    text = format_datetime(moment, "short", tzinfo=ZoneInfo(zone), locale=BABEL_LOCALES[language])
    return f"{text} UTC" if zone == "UTC" else text


def _labels() -> dict[str, Any]:
    return {"action_labels": ACTION_LABELS, "outcome_labels": OUTCOME_LABELS}


def _filters(form: AuditFilterForm) -> dict[str, Any]:
    """The filter as query parameters (without the page's cursor), leaving out what is not set."""
    values = {
        "action": form.action.data or "",
        "outcome": form.outcome.data or "",
        "from": form.since.data.isoformat() if form.since.data else "",
        "to": form.until.data.isoformat() if form.until.data else "",
    }
    return {name: value for name, value in values.items() if value}


def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a leading apostrophe (OWASP)."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


@bp.get("/audit.csv")
@web.signed_in_required
def audit_csv() -> BaseResponse:
    svc = services(current_app)
    user = web.signed_in().user
    if not _allowed():
        auditing.record(svc.auditor, "console.audit.exported", "forbidden", user, g.request_id)
        return web.message_page(403, _NOT_YOURS, back=url_for("console.home"))
    account = AccountView(user.tenant_id)
    form = AuditFilterForm(request.args)
    if not form.validate():
        return web.message_page(400, _BAD_FILTER, back=url_for("console.audit"))
    # The filter, in the row's detail under names of its own (`action` and `outcome` are the row's).
    noted = {f"filter{name.capitalize()}": value for name, value in _filters(form).items()}
    auditing.record(svc.auditor, "console.audit.exported", "ok", user, g.request_id, **noted)
    activity = AuditActivity(svc.stores.audit, svc.clock)
    response = Response(_csv_lines(activity, _query(form, account), account), mimetype="text/csv")
    day = activity.now().date().isoformat()
    response.headers["Content-Disposition"] = f'attachment; filename="audit-{day}.csv"'
    response.headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'; sandbox"
    return response


def _csv_lines(activity: AuditActivity, query: EventQuery, account: AccountView) -> Iterator[str]:
    """The header and every row passing `query`, newest first, read in batches (at most EXPORT_LIMIT rows)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    written = 0
    while written < EXPORT_LIMIT:
        events = activity.events(query, min(_EXPORT_BATCH, EXPORT_LIMIT - written))
        for event in events:
            row = _row(event, account)
            writer.writerow([csv_cell(row[column]) for column in CSV_COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        written += len(events)
        if len(events) < _EXPORT_BATCH:
            return
        query = EventQuery(**{**query.__dict__, "before": events[-1].id})
