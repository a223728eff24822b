"""Audit rows are written off the request path, in batches, and none is lost."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import func, select

from service.audit.models import AuditEvent
from service.audit.spool import AuditSpool
from service.audit.writer import AuditWriter
from service.wiring import Services
from tests.support.api import generate


def _count(svc: Services) -> int:
    with svc.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _row(n: int) -> dict[str, Any]:
    return {"action": "token.minted", "outcome": "ok", "request_id": f"r{n}", "tenant_id": 1, "detail": {}}


def test_requests_do_not_write_audit_rows_themselves(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: Any
) -> None:
    writers: list[str] = []
    real = svc.stores.audit.record_audits
    monkeypatch.setattr(
        svc.stores.audit, "record_audits", lambda rows: (writers.append(threading.current_thread().name), real(rows))
    )
    for _ in range(5):
        assert generate(client, creds).status_code == 200
    assert svc.auditor.flush()
    assert _count(svc) == 5
    assert set(writers) == {"audit-writer"}


def test_a_full_queue_makes_the_request_write_its_own_row(svc: Services, monkeypatch: Any) -> None:
    gate, writing = threading.Event(), threading.Event()
    real = svc.stores.audit.record_audits
    callers: list[str] = []

    def slow(rows: list[dict[str, Any]]) -> None:
        callers.append(threading.current_thread().name)
        writing.set()
        if threading.current_thread().name == "audit-writer":
            gate.wait(10)
        real(rows)

    monkeypatch.setattr(svc.stores.audit, "record_audits", slow)
    writer = AuditWriter(svc.stores.audit, max_queued=1)
    writer.submit(_row(1))  # taken by the thread, which now blocks
    assert writing.wait(10), "the writer thread never took the first row"
    writer.submit(_row(2))  # fills the queue
    writer.submit(_row(3))  # no room: written by this thread
    assert callers[-1] == threading.current_thread().name
    gate.set()
    assert writer.flush()
    assert _count(svc) == 3


def test_a_failed_batch_is_retried(svc: Services, monkeypatch: Any) -> None:
    real = svc.stores.audit.record_audits
    failures = iter([RuntimeError("database restarting")])

    def flaky(rows: list[dict[str, Any]]) -> None:
        for failure in failures:
            raise failure
        real(rows)

    monkeypatch.setattr(svc.stores.audit, "record_audits", flaky)
    writer = AuditWriter(svc.stores.audit)
    for n in range(3):
        writer.submit(_row(n))
    assert writer.flush()
    assert _count(svc) == 3


def test_rows_written_again_after_a_crash_are_kept_once(svc: Services, tmp_path: Path) -> None:
    # A worker killed between inserting a batch and removing its journal file: the next one replays the file.
    rows = [{**_row(n), "event_id": f"{n:032x}"} for n in range(3)]
    svc.stores.audit.record_audits(rows[:2])
    directory = tmp_path / "spool"
    directory.mkdir()
    (directory / "audit-999999-dead-000001.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    assert AuditSpool(directory, max_bytes=1024 * 1024).replay(svc.stores.audit.record_audits) == 3
    assert _count(svc) == 3
    assert not (directory / "audit-999999-dead-000001.jsonl").exists()
