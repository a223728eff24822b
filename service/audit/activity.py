"""What the audit trail tells a tenant: mints and link uses per day, its events page by page, and the purge.

The console's Overview and Audit pages ask this one service (over AuditStore's indexed queries); days are
counted in a time zone the caller names (the console gives the tenant's profiles' zone, see
service/console/overview_pages.py), from the hours the store counts in UTC.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from service.audit.models import AuditEvent
from service.audit.store import AuditStore, EventQuery

MINTED, USED = "token.minted", "link.used"
ACTIVITY_ACTIONS = (MINTED, USED)
DAYS = 30
# The audit trail is kept this long unless AUDIT_RETENTION_DAYS says otherwise (docs/operations.md).
DEFAULT_RETENTION_DAYS = 365


@dataclasses.dataclass(frozen=True)
class Series:
    """One action's rows of one profile and outcome, counted per day (as many counts as days)."""

    action: str
    profile_id: int | None
    outcome: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclasses.dataclass(frozen=True)
class Activity:
    """Counts per day for the last `len(days)` days (oldest first, today last) in time zone `zone`."""

    days: tuple[dt.date, ...]
    zone: str
    series: tuple[Series, ...]

    def of(self, action: str) -> list[Series]:
        return [series for series in self.series if series.action == action]

    def totals(self, action: str) -> list[int]:
        """The action's count per day, every profile and outcome together."""
        return [sum(column) for column in zip(*(s.counts for s in self.of(action)), strict=True)] or [0] * len(
            self.days
        )


class AuditActivity:
    """The audit trail as the console reads it; also its retention purge."""

    def __init__(self, store: AuditStore, clock: Callable[[], float]) -> None:
        self._store = store
        self._clock = clock

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    def daily(
        self, tenant_id: int, zone: str, days: int = DAYS, actions: tuple[str, ...] = ACTIVITY_ACTIONS
    ) -> Activity:
        """Tokens minted and links used per day, profile and outcome: the `days` days up to today in `zone`.

        A day is midnight to midnight in `zone` (an hour is put in the day it starts in: exact for every zone
        whose offset is whole hours, as all of Europe's are). Days without rows count 0. `actions`: only these
        (a chart of one action counts only its rows).
        """
        local = ZoneInfo(zone)
        today = self.now().astimezone(local).date()
        first = today - dt.timedelta(days=days - 1)
        since = dt.datetime.combine(first, dt.time(0), tzinfo=local).astimezone(dt.UTC)
        counts: dict[tuple[str, int | None, str], list[int]] = {}
        day_of: dict[dt.datetime, int] = {}  # each hour's day, worked out once (an hour has many groups)
        for hour in self._store.hourly_counts(tenant_id, actions, since):
            index = day_of.get(hour.hour)
            if index is None:
                index = day_of[hour.hour] = (hour.hour.astimezone(local).date() - first).days
            if 0 <= index < days:
                counts.setdefault((hour.action, hour.profile_id, hour.outcome), [0] * days)[index] += hour.count
        series = [Series(*key, counts=tuple(per_day)) for key, per_day in counts.items()]
        series.sort(key=lambda s: (ACTIVITY_ACTIONS.index(s.action), s.profile_id or 0, s.outcome != "ok", s.outcome))
        return Activity(tuple(first + dt.timedelta(days=n) for n in range(days)), zone, tuple(series))

    def events(self, query: EventQuery, limit: int) -> list[AuditEvent]:
        """A tenant's rows that pass `query`, newest first, at most `limit`."""
        return self._store.events(query, limit)

    def purge(self, retention_days: int) -> int:
        """Delete the rows older than `retention_days` days (in batches); how many went."""
        return self._store.purge_before(self.now() - dt.timedelta(days=retention_days))
