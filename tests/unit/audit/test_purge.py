"""The hourly purge (`links purge`, and `audit purge` on its own) removes the audit rows past AUDIT_RETENTION_DAYS."""

from __future__ import annotations

import datetime as dt
import json
import secrets

import pytest
from flask import Flask
from sqlalchemy import func, select

from service.audit.models import AuditEvent
from service.wiring import Services


def _add(svc: Services, days_ago: float) -> None:
    at = dt.datetime.fromtimestamp(svc.clock(), dt.UTC) - dt.timedelta(days=days_ago)
    row = {"at": at, "action": "token.minted", "outcome": "ok", "request_id": "r", "tenant_id": 1}
    svc.stores.audit.record_audits([{**row, "detail": {}, "event_id": secrets.token_hex(16)}])


def _count(svc: Services) -> int:
    with svc.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _run(app: Flask, *args: str) -> dict[str, int]:
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    answer: dict[str, int] = json.loads(result.stdout.splitlines()[-1])
    return answer


def test_links_purge_removes_audit_rows_older_than_a_year_by_default(app: Flask, svc: Services) -> None:
    for days in (366, 400, 364, 0):
        _add(svc, days)
    assert _run(app, "links", "purge")["auditEventsPurged"] == 2
    assert _count(svc) == 2
    assert _run(app, "audit", "purge") == {"auditEventsPurged": 0}


@pytest.mark.settings(AUDIT_RETENTION_DAYS="31")
def test_the_retention_is_a_setting(app: Flask, svc: Services) -> None:
    for days in (32, 30, 0):
        _add(svc, days)
    assert _run(app, "audit", "purge") == {"auditEventsPurged": 1}
    assert _count(svc) == 2
