"""Audit events: who minted what for which profile and when; subjects only as keyed hashes.

Rows are written off the request path: a request queues its row (already stripped to hashes and ids) and
one background thread per process inserts them in batches. None is dropped: when the queue is full the
request writes its row itself; a failed batch is retried, then kept in an on-disk spool (service/audit_spool)
and inserted, in order, when the database is back; a worker that exits (gunicorn's worker_exit, or
interpreter exit) first writes what is queued. Only a killed process (SIGKILL, OOM) loses its queue,
which holds at most the last LINGER_SECONDS (0.1 s) of rows, and only a full spool or disk loses rows.
"""

from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import logging
import os
import queue
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
# How often the writer inserts what has gathered; also about the most a killed process can lose.
LINGER_SECONDS = 0.1
# A failed batch is retried this often before it goes to the spool (about 1.6 s of trying).
_RETRY_SECONDS = (0.1, 0.5, 1.0)
# How often rows in the spool are offered to the database again.
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


class AuditWriter:
    """Inserts queued audit rows in batches from a background thread."""

    def __init__(self, store: AuditStore, max_queued: int = MAX_QUEUED, spool: AuditSpool | None = None) -> None:
        self._store = store
        self._spool = spool
        self._replayed_at = float("-inf")
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue(max_queued)
        self._thread: threading.Thread | None = None
        self._thread_pid = 0
        self._lock = threading.Lock()
        _WRITERS.add(self)

    def submit(self, row: dict[str, Any]) -> None:
        self._ensure_thread()
        try:
            self._queue.put_nowait(row)
        except queue.Full:
            # Back-pressure instead of loss: this request waits for its own insert.
            self._store.record_audits([row])

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued row is written; False if that took longer than `timeout`."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks:
            if time.monotonic() > deadline:
                return False
            if self._thread is None or not self._thread.is_alive():
                self._write_pending()  # no thread (exiting interpreter, forked child): write here
            time.sleep(0.005)
        return True

    def _ensure_thread(self) -> None:
        # Threads do not survive fork: a process that inherited this writer starts its own thread.
        if self._thread is not None and self._thread_pid == os.getpid() and self._thread.is_alive():
            return
        with self._lock:
            if self._thread is None or self._thread_pid != os.getpid() or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, args=(weakref.ref(self),), daemon=True)
                self._thread_pid = os.getpid()
                self._thread.name = "audit-writer"
                self._thread.start()

    @staticmethod
    def _run(ref: weakref.ref[AuditWriter]) -> None:
        # Polls rather than waits on the queue: a request's put then never has a sleeping thread to wake
        # (waking it on every row cost more CPU than the insert), and rows gather into real batches.
        while True:
            time.sleep(LINGER_SECONDS)
            writer = ref()
            if writer is None:
                return
            writer._write_pending()
            del writer  # no strong reference while sleeping, so an unused writer can be collected

    def _next_batch(self) -> list[dict[str, Any]]:
        batch: list[dict[str, Any]] = []
        while len(batch) < MAX_BATCH:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return batch

    def _write(self, batch: list[dict[str, Any]]) -> None:
        if self._spool is not None and self._spool.holds_own_rows():
            # Older rows wait in the spool: these go behind them, so the table gets them in order.
            self._spool.append(batch)
        else:
            self._insert(batch)
        for _ in batch:
            self._queue.task_done()

    def _insert(self, batch: list[dict[str, Any]]) -> None:
        for attempt, pause in enumerate((*_RETRY_SECONDS, None)):
            try:
                self._store.record_audits(batch)
                return
            except Exception as error:  # noqa: BLE001 - a database outage must not end the thread
                if pause is None:
                    break
                log.warning("audit.write_retry attempt=%d error=%s", attempt + 1, type(error).__name__)
                time.sleep(pause)
        if self._spool is None or not self._spool.append(batch):
            # No spool, or it is full: say so, loudly, without content.
            log.error("audit.write_failed rows=%d", len(batch))

    def _write_pending(self) -> None:
        self._replay_spool()
        while batch := self._next_batch():
            self._write(batch)

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
            }
        )
