"""Audit events: who minted what for which profile and when; subjects only as keyed hashes.

No answer without its row: a request's row (already stripped to hashes and ids) is appended to its process's
journal file (service/audit/spool.py) before the request answers, so it survives the process being killed
(SIGKILL, out of memory). That costs about 10 µs of CPU a row (docs/operations.md). One background thread per
process then inserts the rows in batches, in order, and removes the file; a failed batch is retried, then
kept in the on-disk spool and inserted, in order, when the database is back; a worker that exits
(gunicorn's worker_exit, or interpreter exit) first writes what it holds. What a killed process left is
inserted by the next worker of the instance (gunicorn's post_worker_init starts its writer at once). Every
row carries an event id the table keeps unique, so a row written twice (its process died between the insert
and removing the file) is kept once: at least once, and once in the table.
When a row cannot be kept on disk (the writer is stuck with MAX_QUEUED rows, the spool is full, the disk
fails), the request inserts its own row and fails if the database refuses it.
"""

from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import logging
import os
import secrets
import threading
import time
import weakref
from collections.abc import Mapping
from typing import Any

from service.apikeys.credentials import subject_hash
from service.audit.spool import AuditSpool
from service.audit.store import AuditStore

log = logging.getLogger(__name__)

MAX_QUEUED = 10_000
MAX_BATCH = 500
# How often the writer inserts what has gathered.
LINGER_SECONDS = 0.1
# A failed batch is retried this often before it goes to the spool (about 1.6 s of trying).
_RETRY_SECONDS = (0.1, 0.5, 1.0)
# How often rows in the spool, and files that dead processes left, are offered to the database again.
_REPLAY_EVERY_SECONDS = 1.0
# Every live writer, so process exit can flush them all without keeping one alive.
_WRITERS: weakref.WeakSet[AuditWriter] = weakref.WeakSet()


@dataclasses.dataclass(frozen=True)
class AuditContext:
    """Who acted, through which API key, on which profile and key: what every audit row of a request shares.

    `payload` never reaches the row: only a keyed hash of its subject identifiers does.
    """

    request_id: str
    tenant_id: int | None
    api_key_prefix: str | None
    profile_id: int | None = None
    kid: str | None = None
    payload: Mapping[str, Any] | None = None


def new_event_id() -> str:
    """A row's own id: 128 random bits as 32 hex digits (uuid4 costs three times as much, on the request path)."""
    return secrets.token_hex(16)


class AuditWriter:
    """Keeps each row on disk before its request answers, and inserts them in batches from a background thread."""

    def __init__(self, store: AuditStore, max_queued: int = MAX_QUEUED, spool: AuditSpool | None = None) -> None:
        self._store = store
        self._spool = spool
        self._max_queued = max_queued
        self._replayed_at = float("-inf")
        # Rows submitted since the last batch, in order: the same rows as the current journal file.
        self._pending: list[dict[str, Any]] = []
        # Rows submitted and not yet inserted or spooled (what `flush` waits for).
        self._unfinished = 0
        self._lock = threading.Lock()
        # One batch at a time, from the thread or from `flush`: rows go in in the order they came.
        self._shipping = threading.Lock()
        self._thread: threading.Thread | None = None
        self._thread_pid = 0
        self._thread_lock = threading.Lock()
        _WRITERS.add(self)

    def submit(self, row: dict[str, Any]) -> None:
        """Keep a row: written to this process's journal when this returns (no fsync), inserted soon after."""
        if not row.get("event_id"):
            row = {**row, "event_id": new_event_id()}
        self.start()
        with self._lock:
            if len(self._pending) < self._max_queued and (self._spool is None or self._spool.journal(row)):
                self._pending.append(row)
                self._unfinished += 1
                return
        # Back-pressure instead of loss: this request waits for its own insert, and fails if the database
        # refuses it too, rather than answer without its row.
        self._store.record_audits([row])

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted row is written (or spooled); False if that took longer than `timeout`."""
        deadline = time.monotonic() + timeout
        while self._unfinished:
            if time.monotonic() > deadline:
                return False
            if self._thread is None or not self._thread.is_alive():
                self._write_pending()  # no thread (exiting interpreter, forked child): write here
            time.sleep(0.005)
        return True

    def start(self) -> None:
        """Start the writer's thread, if this process has none yet; its first round replays dead workers' files."""
        # Threads do not survive fork: a process that inherited this writer starts its own thread.
        if self._thread is not None and self._thread_pid == os.getpid() and self._thread.is_alive():
            return
        with self._thread_lock:
            if self._thread is None or self._thread_pid != os.getpid() or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, args=(weakref.ref(self),), daemon=True)
                self._thread_pid = os.getpid()
                self._thread.name = "audit-writer"
                self._thread.start()

    @staticmethod
    def _run(ref: weakref.ref[AuditWriter]) -> None:
        # Polls rather than waits: a request then never has a sleeping thread to wake (waking it on every
        # row cost more CPU than the insert), and rows gather into real batches.
        while True:
            time.sleep(LINGER_SECONDS)
            writer = ref()
            if writer is None:
                return
            writer._write_pending()
            del writer  # no strong reference while sleeping, so an unused writer can be collected

    def _write_pending(self) -> None:
        with self._shipping:
            self._replay_spool()
            with self._lock:
                rows, self._pending = self._pending, []
                journal = self._spool.rotate() if self._spool is not None else None
            shipped = False
            try:
                # Every batch is tried (a list, not a short-circuit): one refused does not hold back the rest.
                written = [self._write(rows[start : start + MAX_BATCH]) for start in range(0, len(rows), MAX_BATCH)]
                shipped = all(written)
            finally:
                # Whatever went wrong, the file is then left (unlocked) to a replay: its rows are not lost.
                if journal is not None:
                    assert self._spool is not None
                    self._spool.release(journal, shipped=shipped)
                with self._lock:
                    self._unfinished -= len(rows)

    def _write(self, batch: list[dict[str, Any]]) -> bool:
        """Insert a batch, or keep it in the spool; whether it is in one of them."""
        if self._spool is not None and self._spool.holds_own_rows():
            # Older rows wait in the spool: these go behind them, so the table gets them in order.
            return self._spool.append(batch)
        return self._insert(batch)

    def _insert(self, batch: list[dict[str, Any]]) -> bool:
        for attempt, pause in enumerate((*_RETRY_SECONDS, None)):
            try:
                self._store.record_audits(batch)
                return True
            except Exception as error:  # noqa: BLE001 - a database outage must not end the thread
                if pause is None:
                    break
                log.warning("audit.write_retry attempt=%d error=%s", attempt + 1, type(error).__name__)
                time.sleep(pause)
        if self._spool is not None:
            return self._spool.append(batch)
        # No spool (only tests build a writer without one): say so, loudly, without content.
        log.error("audit.write_failed rows=%d", len(batch))
        return False

    def _replay_spool(self) -> None:
        if self._spool is None or time.monotonic() - self._replayed_at < _REPLAY_EVERY_SECONDS:
            return
        self._replayed_at = time.monotonic()
        if self._spool.pending():
            self._spool.replay(self._store.record_audits)


def flush_all(timeout: float = 10.0) -> None:
    """Write every process-local queued audit row (gunicorn's worker_exit and interpreter exit call it)."""
    for writer in list(_WRITERS):
        writer.flush(timeout)


def start_all() -> None:
    """Start every writer's thread now (gunicorn's post_worker_init): what a killed worker left goes in at once."""
    for writer in list(_WRITERS):
        writer.start()


atexit.register(flush_all)


def subject_identifiers(payload: Mapping[str, Any]) -> list[str]:
    """The partner's ids of organisation, employee and contact, where the payload has them."""
    contact = payload.get("contact")
    ids = [payload.get("organizationId"), payload.get("employeeId")]
    if isinstance(contact, Mapping):
        ids.append(contact.get("id"))
    return [str(value) for value in ids if isinstance(value, str | int) and not isinstance(value, bool)]


class Auditor:
    def __init__(self, writer: AuditWriter, hash_key: str) -> None:
        self._writer = writer
        self._hash_key = hash_key

    def flush(self, timeout: float = 10.0) -> bool:
        return self._writer.flush(timeout)

    def record(self, action: str, outcome: str, context: AuditContext, detail: Mapping[str, Any] | None = None) -> None:
        ids = subject_identifiers(context.payload) if context.payload else []
        self._writer.submit(
            {
                "at": dt.datetime.now(dt.UTC),
                "action": action,
                "outcome": outcome,
                "request_id": context.request_id,
                "tenant_id": context.tenant_id,
                "api_key_prefix": context.api_key_prefix,
                "profile_id": context.profile_id,
                "kid": context.kid,
                "subject_hash": subject_hash(self._hash_key, *ids) if ids else None,
                "detail": dict(detail or {}),
                "event_id": new_event_id(),
            }
        )
