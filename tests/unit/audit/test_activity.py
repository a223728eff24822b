"""The audit trail as the console reads it: counts per day in a time zone, pages newest first, the purge."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

import pytest

from service.audit.activity import MINTED, USED, AuditActivity
from service.audit.store import EventQuery
from service.wiring import Stores

# 09:00 in Oslo on 7 December (UTC+1 in winter).
NOW = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)


def _row(
    tenant: int, at: dt.datetime, action: str = MINTED, outcome: str = "ok", profile: int | None = 1
) -> dict[str, Any]:
    return {
        "at": at,
        "action": action,
        "outcome": outcome,
        "request_id": "req",
        "tenant_id": tenant,
        "api_key_prefix": "tbk_test",
        "profile_id": profile,
        "kid": None,
        "subject_hash": None,
        "detail": {},
        "event_id": secrets.token_hex(16),
    }


def _activity(stores: Stores, now: dt.datetime = NOW) -> AuditActivity:
    return AuditActivity(stores.audit, lambda: now.timestamp())


def test_days_without_rows_count_zero_and_other_tenants_rows_never_count(stores: Stores) -> None:
    stores.audit.record_audits(
        [
            _row(1, NOW - dt.timedelta(days=2)),
            _row(1, NOW - dt.timedelta(days=2), outcome="invalid_payload"),
            _row(1, NOW - dt.timedelta(days=2, minutes=5), action=USED),
            _row(1, NOW, profile=2),
            _row(1, NOW - dt.timedelta(days=31)),  # before the 30 days
            _row(1, NOW - dt.timedelta(days=1), action="console.signed_in"),  # not counted here
            _row(2, NOW - dt.timedelta(days=2)),  # another tenant's
        ]
    )
    activity = _activity(stores).daily(1, "UTC")
    assert len(activity.days) == 30
    assert activity.days[-1] == NOW.date()
    assert activity.totals(MINTED) == [0] * 27 + [2, 0, 1]
    assert activity.totals(USED) == [0] * 27 + [1, 0, 0]
    assert [(s.action, s.profile_id, s.outcome, s.total) for s in activity.series] == [
        (MINTED, 1, "ok", 1),
        (MINTED, 1, "invalid_payload", 1),
        (MINTED, 2, "ok", 1),
        (USED, 1, "ok", 1),
    ]
    assert _activity(stores).daily(3, "UTC").totals(MINTED) == [0] * 30
    assert _activity(stores).daily(3, "UTC").series == ()


def test_days_run_from_midnight_to_midnight_in_the_zone_asked_for(stores: Stores) -> None:
    # 23:30 UTC on 5 December is 00:30 on 6 December in Oslo: yesterday there, the day before in UTC.
    late = dt.datetime(2026, 12, 5, 23, 30, tzinfo=dt.UTC)
    stores.audit.record_audits([_row(1, late)])
    oslo = _activity(stores).daily(1, "Europe/Oslo")
    utc = _activity(stores).daily(1, "UTC")
    assert oslo.days[-1] == utc.days[-1] == dt.date(2026, 12, 7)
    assert oslo.totals(MINTED)[-3:] == [0, 1, 0]
    assert utc.totals(MINTED)[-3:] == [1, 0, 0]
    # The first of the 30 days starts at midnight in Oslo: 23:00 UTC the day before is in, 22:59 is not.
    first = dt.datetime(2026, 11, 7, 23, 0, tzinfo=dt.UTC)
    stores.audit.record_audits([_row(5, first), _row(5, first - dt.timedelta(minutes=1))])
    assert _activity(stores).daily(5, "Europe/Oslo").totals(MINTED) == [1] + [0] * 29


def test_events_come_newest_first_page_by_page_and_only_the_tenants(stores: Stores) -> None:
    rows = [_row(1, NOW - dt.timedelta(minutes=n)) for n in range(7)]
    rows[3]["outcome"] = "forbidden"
    rows.append(_row(2, NOW))
    same_time = _row(1, NOW - dt.timedelta(minutes=2), action=USED)  # a tie on `at`: the id decides
    stores.audit.record_audits([*rows, same_time])
    activity = _activity(stores)
    first = activity.events(EventQuery(tenant_id=1), 4)
    assert [event.at.replace(tzinfo=None) for event in first] == [
        (NOW - dt.timedelta(minutes=n)).replace(tzinfo=None) for n in (0, 1, 2, 2)
    ]
    assert first[2].id > first[3].id
    rest = activity.events(EventQuery(tenant_id=1, before=first[-1].id), 100)
    assert len(first) + len(rest) == 8
    assert {event.tenant_id for event in first + rest} == {1}
    assert not {event.id for event in first} & {event.id for event in rest}
    # Another tenant's row as the cursor gives nothing, never that tenant's rows.
    other = activity.events(EventQuery(tenant_id=2), 1)[0]
    assert activity.events(EventQuery(tenant_id=1, before=other.id), 100) == []
    assert activity.events(EventQuery(tenant_id=1, before=2**31 - 1), 100) == []
    failed = activity.events(EventQuery(tenant_id=1, succeeded=False), 100)
    assert [event.outcome for event in failed] == ["forbidden"]
    used = activity.events(EventQuery(tenant_id=1, action=USED), 100)
    assert [event.action for event in used] == [USED]
    window = EventQuery(tenant_id=1, since=NOW - dt.timedelta(minutes=3), until=NOW - dt.timedelta(minutes=1))
    assert len(activity.events(window, 100)) == 3  # minutes 3, 2 and the tie at 2; not 1 (`until` is excluded)


@pytest.mark.parametrize("batch", [2, 5000])
def test_the_purge_deletes_only_rows_past_the_retention_in_batches(stores: Stores, batch: int) -> None:
    old = [_row(1 + n % 2, NOW - dt.timedelta(days=366, minutes=n)) for n in range(5)]
    kept = [_row(1, NOW - dt.timedelta(days=364)), _row(2, NOW)]
    stores.audit.record_audits([*old, *kept])
    cutoff = NOW - dt.timedelta(days=365)
    assert stores.audit.purge_before(cutoff, batch_size=batch) == 5
    assert stores.audit.purge_before(cutoff, batch_size=batch) == 0
    left = _activity(stores).events(EventQuery(tenant_id=1), 100) + _activity(stores).events(
        EventQuery(tenant_id=2), 100
    )
    assert sorted(event.event_id or "" for event in left) == sorted(row["event_id"] for row in kept)
    assert _activity(stores).purge(365) == 0
