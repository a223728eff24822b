"""A bounded on-disk spool for audit rows the database would not take: kept, in order, until it takes them.

Each process appends to a file of its own (`audit-<pid>-<random>.jsonl`, one JSON row a line, fsynced)
and holds an exclusive lock on it for as long as it lives. Replaying inserts the rows in their order and
then empties the file; a process also replays the files of processes that died (their locks are free), so a
restarted worker picks up where a killed one stopped. Only a full spool (`AUDIT_SPOOL_MAX_BYTES` across
its files) or a full disk loses rows, and that is logged at CRITICAL with the count.

Rows hold ids and hashes only (the audit writer strips them before they are queued), so the spool holds no
secret and no personal data either.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import secrets
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from service import metrics

log = logging.getLogger(__name__)

_PATTERN = "audit-*.jsonl"
_DATETIME_KEYS = ("at",)
# Replayed in batches as large as the writer's own.
_REPLAY_BATCH = 500


def _encode(row: dict[str, Any]) -> str:
    return json.dumps({k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in row.items()})


def _decode(line: str) -> dict[str, Any]:
    row: dict[str, Any] = json.loads(line)
    for key in _DATETIME_KEYS:
        if isinstance(row.get(key), str):
            row[key] = dt.datetime.fromisoformat(row[key])
    return row


class AuditSpool:
    def __init__(self, directory: Path, max_bytes: int) -> None:
        self._directory = directory
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._own: IO[str] | None = None
        self._own_pid = 0
        self._oldest: float | None = None
        self._own_rows = 0

    # --- writing -------------------------------------------------------------------------------------
    def append(self, rows: list[dict[str, Any]]) -> bool:
        """Keep rows the database refused; False (and a CRITICAL line) when the spool or the disk is full."""
        data = "".join(_encode(row) + "\n" for row in rows)
        with self._lock:
            try:
                if self.size_bytes() + len(data.encode()) > self._max_bytes:
                    log.critical("audit.spool_full rows_lost=%d max_bytes=%d", len(rows), self._max_bytes)
                    return False
                handle = self._own_file()
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as error:
                log.critical("audit.spool_write_failed rows_lost=%d error=%s", len(rows), type(error).__name__)
                return False
            if self._oldest is None:
                self._oldest = time.time()
            before, self._own_rows = self._own_rows, self._own_rows + len(rows)
        # One line each time the spool doubles, not one per batch: loud enough, and no flood during an outage.
        if before == 0 or before.bit_length() != self._own_rows.bit_length():
            log.warning("audit.spooled rows_waiting=%d (the database is not taking audit rows)", self._own_rows)
        self._observe()
        return True

    def _own_file(self) -> IO[str]:
        # A forked child must not write into its parent's file (the lock belongs to the parent's process).
        if self._own is None or self._own_pid != os.getpid():
            self._directory.mkdir(parents=True, exist_ok=True)
            path = self._directory / f"audit-{os.getpid()}-{secrets.token_hex(4)}.jsonl"
            handle = path.open("a+", encoding="utf-8")
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # held for this process's life: a dead owner frees it
            # Closed (and so unlocked) when this spool is collected, e.g. an app discarded in tests.
            weakref.finalize(self, handle.close)
            self._own, self._own_pid = handle, os.getpid()
        return self._own

    def holds_own_rows(self) -> bool:
        """Whether this process has rows waiting in its own file (new rows must go behind them)."""
        with self._lock:
            own = self._own
            return own is not None and self._own_pid == os.getpid() and os.fstat(own.fileno()).st_size > 0

    # --- replaying -----------------------------------------------------------------------------------
    def pending(self) -> bool:
        """Whether any file holds rows (this process's, or a dead process's)."""
        return any(path.stat().st_size > 0 for path in self._files())

    def replay(self, insert: Callable[[list[dict[str, Any]]], None]) -> int:
        """Insert every spooled row this process may take, oldest file first; returns how many went in.

        Stops at the first failed insert (the database is still away) and keeps what is left, in order.
        """
        replayed = 0
        with self._lock:
            for path in self._files():
                replayed += self._replay_file(path, insert)
            if not self.pending():
                self._oldest = None
        self._observe()
        if replayed:
            log.info("audit.replayed rows=%d", replayed)
        return replayed

    def _replay_file(self, path: Path, insert: Callable[[list[dict[str, Any]]], None]) -> int:
        own = self._own is not None and self._own_pid == os.getpid() and Path(self._own.name) == path
        if own:
            assert self._own is not None
            done = self._drain(self._own, insert, remove=None)
            self._own_rows = max(0, self._own_rows - done)
            return done
        try:
            handle = path.open("r+", encoding="utf-8")
        except FileNotFoundError:
            return 0
        with handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return 0  # a live process owns it and replays it itself
            return self._drain(handle, insert, remove=path)

    @staticmethod
    def _drain(handle: IO[str], insert: Callable[[list[dict[str, Any]]], None], remove: Path | None) -> int:
        handle.seek(0)
        lines = [line for line in handle.read().splitlines() if line.strip()]
        done = 0
        try:
            for start in range(0, len(lines), _REPLAY_BATCH):
                batch = lines[start : start + _REPLAY_BATCH]
                insert([_decode(line) for line in batch])
                done += len(batch)
        except Exception as error:  # noqa: BLE001 - the database is still away: keep the rest for later
            log.warning("audit.replay_paused rows_left=%d error=%s", len(lines) - done, type(error).__name__)
        # Rewrite what is left, in order (nothing when all went in); then the file is empty or gone. Emptied
        # first, then written: the own file is open for appending, where a write ignores the position.
        handle.flush()
        os.ftruncate(handle.fileno(), 0)
        handle.seek(0)
        handle.write("".join(line + "\n" for line in lines[done:]))
        handle.flush()
        os.fsync(handle.fileno())
        if remove is not None and done == len(lines):
            remove.unlink(missing_ok=True)
        return done

    # --- measuring -----------------------------------------------------------------------------------
    def _files(self) -> Iterator[Path]:
        if not self._directory.is_dir():
            return iter(())
        return iter(sorted(self._directory.glob(_PATTERN), key=lambda path: path.stat().st_mtime))

    def size_bytes(self) -> int:
        return sum(path.stat().st_size for path in self._files())

    def rows(self) -> int:
        count = 0
        for path in self._files():
            with path.open(encoding="utf-8") as handle:
                count += sum(1 for line in handle if line.strip())
        return count

    def _observe(self) -> None:
        # This process's own rows; the metric sums them over the workers.
        age = time.time() - self._oldest if self._oldest is not None and self._own_rows else 0.0
        metrics.observe_audit_spool(self._own_rows, age)
