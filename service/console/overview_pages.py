"""The console's Overview: tokens minted and links used per day for 30 days (a chart and the same numbers as
tables), and how many of the account's links are in each state.

The counts come from the audit trail through AuditActivity (service/audit/activity.py), the link states from
LaunchLinks. Days run midnight to midnight in the account's time zone: its profiles' zone (Europe/Oslo for
the ExorLive kinds), the one most of them use; UTC for an account without profiles.
"""

from __future__ import annotations

import collections

from flask import Response, current_app
from werkzeug.wrappers import Response as BaseResponse

from service.audit.activity import DAYS, MINTED, USED, Activity, AuditActivity, Series
from service.console import charts, web
from service.console.forms import STATE_LABELS
from service.locales import N_, gettext, using
from service.profiles.rules import time_zone
from service.wiring import services

bp = web.bp
web.nav_item("overview", "console.overview", N_("Overview"), 5)

CHARTS = {"minted": MINTED, "used": USED}
NARROW = "-narrow"  # minted-narrow, used-narrow: the same chart drawn for a phone
_TITLES = {MINTED: N_("Tokens minted per day"), USED: N_("Links used per day")}
_OUTCOMES = {"ok": N_("succeeded"), "not_delivered": N_("not delivered"), "forbidden": N_("refused")}
_NOT_FOUND = (N_("No such chart"), N_("The overview has a chart of tokens minted and one of links used."))


class AccountView:
    """What the Overview and Audit pages need to know of the signed-in user's account: its profiles' names and
    the time zone its days are counted in."""

    def __init__(self, tenant_id: int) -> None:
        profiles = services(current_app).stores.profiles.list_profiles(tenant_id)
        self.tenant_id = tenant_id
        self.names = {profile.id: profile.name for profile in profiles}
        zones = collections.Counter(time_zone(profile) for profile in profiles)
        self.zone = zones.most_common(1)[0][0] if zones else "UTC"

    def profile(self, profile_id: int | None) -> str:
        if profile_id is None:
            return ""
        return self.names.get(profile_id, f"#{profile_id}")

    def label(self, series: Series) -> str:
        """ "exorlive-go · succeeded": the series' profile and outcome (an error's code as the API names it)."""
        outcome = _OUTCOMES.get(series.outcome)
        return f"{self.profile(series.profile_id) or '—'} · {gettext(outcome) if outcome else series.outcome}"


def _activity(account: AccountView, actions: tuple[str, ...] = (MINTED, USED)) -> Activity:
    svc = services(current_app)
    return AuditActivity(svc.stores.audit, svc.clock).daily(account.tenant_id, account.zone, DAYS, actions)


@bp.get("/overview")
@web.signed_in_required
def overview() -> BaseResponse:
    svc = services(current_app)
    account = AccountView(web.signed_in().user.tenant_id)
    activity = _activity(account)
    with using(web.locale()):
        tables = [
            {
                "kind": kind,
                "title": _TITLES[action],
                "columns": [account.label(series) for series in activity.of(action)],
                "rows": _rows(activity, action, web.locale()),
                "total": sum(activity.totals(action)),
            }
            for kind, action in CHARTS.items()
        ]
    return web.page(
        "console/overview.html",
        tables=tables,
        days=DAYS,
        zone=activity.zone,
        link_counts=[(state.value, count) for state, count in svc.links.count_by_state(account.tenant_id).items()],
        state_labels=STATE_LABELS,
    )


def _rows(activity: Activity, action: str, locale: str) -> list[tuple[str, str, list[int], int]]:
    """The table's rows, newest day first: (ISO date, the day in words, each series' count, the day's total)."""
    columns = activity.of(action)
    totals = activity.totals(action)
    rows = [
        (day.isoformat(), charts.day_label(day, locale), [series.counts[index] for series in columns], totals[index])
        for index, day in enumerate(activity.days)
    ]
    return rows[::-1]


@bp.get("/overview/<chart>.svg")
@web.signed_in_required
def overview_chart(chart: str) -> BaseResponse:
    action = CHARTS.get(chart.removesuffix(NARROW))
    if action is None:
        return web.message_page(404, _NOT_FOUND)
    account = AccountView(web.signed_in().user.tenant_id)
    activity = _activity(account, (action,))
    language = web.locale()
    with using(language):
        series = [(account.label(series), series.counts) for series in activity.of(action)]
        title, nothing = gettext(_TITLES[action]), gettext(N_("Nothing yet"))
        svg = charts.daily_chart(title, activity.days, series, language, nothing, narrow=chart.endswith(NARROW))
    response = Response(svg, mimetype="image/svg+xml")
    response.headers["Content-Language"] = language
    response.vary.add("Accept-Language")
    # pygal styles its SVG with a <style> element; it has no script, and may run none.
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"
    )
    return response
