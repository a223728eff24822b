"""Audit rows on disk: kept before their request answers, waiting in order while the database will not take them,
and going in when it is back: none is lost."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

import pytest

from service.audit.spool import AuditSpool
from service.audit.writer import AuditWriter
from tests.support.waiting import wait_until


class FlakyStore:
    """A store whose inserts fail while `down`; what went in, in order."""

    def __init__(self) -> None:
        self.down = False
        self.rows: list[dict[str, Any]] = []

    def record_audits(self, rows: list[dict[str, Any]]) -> None:
        if self.down:
            raise ConnectionError("database away")
        self.rows.extend(rows)


def _row(n: int) -> dict[str, Any]:
    return {"at": dt.datetime.now(dt.UTC), "action": "token.minted", "outcome": "ok", "request_id": f"r{n}",
            "tenant_id": 1, "api_key_prefix": "tbk_x", "profile_id": 1, "kid": "k", "subject_hash": None,
            "detail": {}}  # fmt: skip


def _ids(rows: list[dict[str, Any]]) -> list[str]:
    return [row["request_id"] for row in rows]


def test_rows_the_database_refused_wait_on_disk_and_go_in_in_order(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = FlakyStore()
    spool = AuditSpool(tmp_path / "spool", max_bytes=1024 * 1024)
    writer = AuditWriter(store, spool=spool)  # type: ignore[arg-type]
    store.down = True
    with caplog.at_level(logging.WARNING, logger="service.audit.spool"):
        for n in range(5):
            writer.submit(_row(n))
        assert writer.flush(timeout=20)
    assert store.rows == []
    assert spool.rows() == 5
    [file] = (tmp_path / "spool").glob("audit-*.jsonl")
    assert [json.loads(line)["request_id"] for line in file.read_text().splitlines()] == [f"r{n}" for n in range(5)]
    assert "audit.spooled rows_waiting=" in caplog.text
    # Rows made while older ones wait go behind them, never ahead.
    writer.submit(_row(5))
    assert writer.flush(timeout=20)
    store.down = False
    # The rows reach the store a moment before the spool counts them out: wait for both.
    wait_until(lambda: len(store.rows) == 6 and spool.rows() == 0, timeout=10, what="the spooled rows to go in")
    assert _ids(store.rows) == [f"r{n}" for n in range(6)]
    assert isinstance(store.rows[0]["at"], dt.datetime)


def test_a_dead_workers_spool_is_replayed_by_the_next(tmp_path: Path) -> None:
    directory = tmp_path / "spool"
    directory.mkdir()
    # What a killed worker left behind: its file, and no process holding its lock.
    orphan = directory / "audit-999999-dead.jsonl"
    orphan.write_text(
        "".join(json.dumps({**_row(n), "at": dt.datetime.now(dt.UTC).isoformat()}) + "\n" for n in range(3))
    )
    store = FlakyStore()
    replayed = AuditSpool(directory, max_bytes=1024 * 1024).replay(store.record_audits)
    assert replayed == 3
    assert _ids(store.rows) == ["r0", "r1", "r2"]
    assert not orphan.exists()


def test_a_live_workers_spool_is_left_to_it(tmp_path: Path) -> None:
    owner = AuditSpool(tmp_path / "spool", max_bytes=1024 * 1024)
    assert owner.append([_row(1)])
    store = FlakyStore()
    assert AuditSpool(tmp_path / "spool", max_bytes=1024 * 1024).replay(store.record_audits) == 0
    assert owner.replay(store.record_audits) == 1
    assert _ids(store.rows) == ["r1"]


def test_a_replay_that_fails_midway_keeps_the_rest_in_order(tmp_path: Path) -> None:
    spool = AuditSpool(tmp_path / "spool", max_bytes=1024 * 1024)
    assert spool.append([_row(n) for n in range(3)])
    store = FlakyStore()
    store.down = True
    assert spool.replay(store.record_audits) == 0
    assert spool.rows() == 3
    store.down = False
    assert spool.replay(store.record_audits) == 3
    assert _ids(store.rows) == ["r0", "r1", "r2"]


def test_a_full_spool_keeps_rows_in_their_journal_and_requests_insert_their_own(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = FlakyStore()
    store.down = True
    spool = AuditSpool(tmp_path / "spool", max_bytes=1024)
    writer = AuditWriter(store, spool=spool)  # type: ignore[arg-type]
    with caplog.at_level(logging.CRITICAL, logger="service.audit.spool"):
        writer.submit(_row(0))
        assert writer.flush(timeout=20)  # spooled
        for n in range(1, 6):
            writer.submit(_row(n))
        assert writer.flush(timeout=20)  # more than the spool takes: they stay in their journal file
    assert "audit.spool_full rows=" in caplog.text
    assert spool.rows() == 6
    # No room on disk: the request inserts its own row, and fails while the database is away.
    with pytest.raises(ConnectionError):
        writer.submit(_row(6))
    store.down = False
    wait_until(lambda: spool.rows() == 0, timeout=10, what="the spool and the journal file to be replayed")
    writer.submit(_row(7))
    assert writer.flush(timeout=20)
    assert sorted(_ids(store.rows)) == [f"r{n}" for n in (0, 1, 2, 3, 4, 5, 7)]


def test_a_row_is_on_disk_before_submit_returns_and_gone_once_inserted(tmp_path: Path) -> None:
    store = FlakyStore()
    spool = AuditSpool(tmp_path / "spool", max_bytes=1024 * 1024)
    writer = AuditWriter(store, spool=spool)  # type: ignore[arg-type]
    writer.submit(_row(1))
    # What a process killed now would leave: the row in a journal file whose lock its death frees.
    [journal] = (tmp_path / "spool").glob("audit-*.jsonl")
    [line] = journal.read_text().splitlines()
    assert json.loads(line)["request_id"] == "r1"
    assert json.loads(line)["event_id"]
    assert writer.flush()
    assert _ids(store.rows) == ["r1"]
    assert list((tmp_path / "spool").glob("audit-*.jsonl")) == []


def test_a_live_workers_journal_is_left_to_it(tmp_path: Path) -> None:
    owner = AuditSpool(tmp_path / "spool", max_bytes=1024 * 1024)
    assert owner.journal(_row(1))
    store = FlakyStore()
    assert AuditSpool(tmp_path / "spool", max_bytes=1024 * 1024).replay(store.record_audits) == 0
    assert store.rows == []


def test_a_torn_line_is_skipped_and_the_rest_replayed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    directory = tmp_path / "spool"
    directory.mkdir()
    whole = [json.dumps({**_row(n), "at": dt.datetime.now(dt.UTC).isoformat()}) for n in range(2)]
    # A write a full disk cut short, which its request was told about (it inserted its row itself).
    (directory / "audit-999999-dead-000001.jsonl").write_text(f"{whole[0]}\n{whole[1][:20]}\n{whole[1]}\n")
    store = FlakyStore()
    with caplog.at_level(logging.ERROR, logger="service.audit.spool"):
        assert AuditSpool(directory, max_bytes=1024 * 1024).replay(store.record_audits) == 2
    assert _ids(store.rows) == ["r0", "r1"]
    assert "audit.spool_unreadable_lines lines=1" in caplog.text
