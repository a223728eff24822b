"""Audit rows on disk: each process's journal, where a row is kept before its request answers, and the spool,
where rows the database would not take wait, in order, until it takes them.

Journal: the writer appends a row to its process's current journal file (`audit-<pid>-<random>-<n>.jsonl`, one
JSON row a line) with one write(2) before the request answers, and at each batch closes the file, inserts its
rows and removes it. A row written is the kernel's: it survives its process (SIGKILL, out of memory), not the
machine. No fsync: a process crash is the threat this meets, and an fsync would make every request wait about
200 µs for the disk, where the write costs about 10 µs of CPU (bench/audit.py, docs/operations.md).
Spool: a batch the database refused after retries is appended, fsynced, to the process's spool file
(`audit-<pid>-<random>.jsonl`); later rows go behind it, and it is inserted in order when the database is back.

Each process holds an exclusive lock (flock) on every file of its own for as long as it uses it. Any process
replays the files whose lock is free, which are those of processes that died, so a restarted worker inserts
what a killed one left. Such a row may already be in (its process died between inserting and removing the
file): the table skips a row whose event id it has, so a row goes in at least once and is kept once.

A full spool (`AUDIT_SPOOL_MAX_BYTES` across its files) takes no more: the batch stays in its journal file,
new requests insert their own rows, and fail while the database is away (no answer without its row); that
is logged at CRITICAL. Only a failing disk loses rows that were kept.

Rows hold ids and hashes only (the audit writer strips them before they are queued), so the spool holds no
secret and no personal data either.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import fcntl
import json
import logging
import os
import secrets
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from service import metrics

log = logging.getLogger(__name__)

_PATTERN = "audit-*.jsonl"
_DATETIME_KEYS = ("at",)
# Replayed in batches as large as the writer's own.
_REPLAY_BATCH = 500


def _datetime(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# One encoder for every row, datetimes by `default`: half the cost of copying each row to convert them first,
# and this runs on the request path.
_ENCODER = json.JSONEncoder(default=_datetime, separators=(",", ":"))


def _encode(row: dict[str, Any]) -> str:
    return _ENCODER.encode(row)


def _decode(line: str) -> dict[str, Any]:
    row: dict[str, Any] = json.loads(line)
    for key in _DATETIME_KEYS:
        if isinstance(row.get(key), str):
            row[key] = dt.datetime.fromisoformat(row[key])
    # Rows spooled before rows had event ids (they go in without one: nothing to skip them by).
    row.setdefault("event_id", None)
    return row


def _entries(text: str) -> list[tuple[str, dict[str, Any]]]:
    """A file's lines with their rows, in order; a torn line (a write a full disk cut short) is left out, and said."""
    entries: list[tuple[str, dict[str, Any]]] = []
    torn = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            entries.append((line, _decode(line)))
        except ValueError:
            torn += 1
    if torn:
        # Its request was told the write failed and inserted its row itself: nothing is lost with it.
        log.error("audit.spool_unreadable_lines lines=%d", torn)
    return entries


def _create_locked(path: Path) -> int:
    """Create `path` for appending and hold its exclusive lock; its descriptor."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        # Until it was locked, another process could take the new, empty file for a dead one's and remove it.
        with contextlib.suppress(FileNotFoundError):
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                return fd
        os.close(fd)


@dataclasses.dataclass
class JournalFile:
    """One of this process's journal files: open for appending and locked while this process uses it."""

    path: Path
    fd: int
    pid: int
    size: int = 0
    # Closed (and so unlocked) once: by `close`, or when dropped (a writer discarded with its app in tests).
    _closer: weakref.finalize[[int], JournalFile] = dataclasses.field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._closer = weakref.finalize(self, os.close, self.fd)
        # Not at interpreter exit: the writer's own flush at exit still ships this file and then removes it.
        self._closer.atexit = False

    def close(self) -> None:
        self._closer()


class AuditSpool:
    def __init__(self, directory: Path, max_bytes: int) -> None:
        self._directory = directory
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._own: IO[str] | None = None
        self._own_path: Path | None = None
        self._own_pid = 0
        self._oldest: float | None = None
        self._own_rows = 0
        # Apart from `_lock`, which a replay holds while it inserts: a request never waits for the database.
        self._journal_lock = threading.Lock()
        self._journal: JournalFile | None = None
        self._journals = 0
        self._name = ""
        self._name_pid = 0
        # Set when the spool refused rows for its size, until a replay has made room: the journal then
        # refuses too, so no request answers on a row that could not be kept.
        self._full = False

    def _process_name(self) -> str:
        # pid and a random part: a later process that gets the same pid never takes this one's files for its own.
        if self._name_pid != os.getpid():
            self._name, self._name_pid = f"{os.getpid()}-{secrets.token_hex(4)}", os.getpid()
        return self._name

    # --- journalling ---------------------------------------------------------------------------------
    def journal(self, row: dict[str, Any]) -> bool:
        """Append a row to this process's journal with one write(2); False when it cannot be kept on disk."""
        data = (_encode(row) + "\n").encode()
        with self._journal_lock:
            if self._full:
                return False
            current = None
            try:
                current = self._current_journal()
                written = os.write(current.fd, data)
                if written != len(data):
                    raise OSError(errno.ENOSPC, "short write")
            except OSError as error:
                if current is not None:
                    # Cut off a torn line: the next row would be appended to it and be unreadable as well.
                    with contextlib.suppress(OSError):
                        os.ftruncate(current.fd, current.size)
                log.error("audit.journal_write_failed error=%s", type(error).__name__)
                return False
            current.size += written
        return True

    def _current_journal(self) -> JournalFile:
        current = self._journal
        if current is not None and current.pid == os.getpid():
            return current
        if current is not None:
            current.close()  # inherited across a fork: the file and its lock stay the parent's
        self._journals += 1
        path = self._directory / f"audit-{self._process_name()}-{self._journals:06d}.jsonl"
        self._journal = JournalFile(path, _create_locked(path), os.getpid())
        return self._journal

    def rotate(self) -> JournalFile | None:
        """The current journal file, closed to new rows (the next row starts another); None when there is none."""
        with self._journal_lock:
            current, self._journal = self._journal, None
        if current is not None and current.pid != os.getpid():
            current.close()
            return None
        return current

    def release(self, journal: JournalFile, shipped: bool) -> None:
        """Done with a rotated journal file: removed once its rows are in (table or spool), else left to a replay."""
        if shipped:
            # Removed before it is closed: its lock keeps every replay off it until it is gone.
            journal.path.unlink(missing_ok=True)
        else:
            # Its rows wait on disk now, as spooled rows do; closing frees its lock for the next replay.
            with contextlib.suppress(OSError):
                os.fsync(journal.fd)
        journal.close()

    # --- spooling ------------------------------------------------------------------------------------
    def append(self, rows: list[dict[str, Any]]) -> bool:
        """Keep rows the database refused; False (and a CRITICAL line) when the spool or the disk is full."""
        data = "".join(_encode(row) + "\n" for row in rows)
        with self._lock:
            try:
                if self.size_bytes() + len(data.encode()) > self._max_bytes:
                    self._full = True
                    log.critical(
                        "audit.spool_full rows=%d max_bytes=%d (they stay in their journal file; requests now "
                        "insert their own rows and fail while the database is away)",
                        len(rows),
                        self._max_bytes,
                    )
                    return False
                handle = self._own_file()
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as error:
                log.critical("audit.spool_write_failed rows=%d error=%s", len(rows), type(error).__name__)
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
            path = self._directory / f"audit-{self._process_name()}.jsonl"
            handle = os.fdopen(_create_locked(path), "a+", encoding="utf-8")
            # Closed (and so unlocked) when this spool is collected, e.g. an app discarded in tests.
            weakref.finalize(self, handle.close)
            self._own, self._own_path, self._own_pid = handle, path, os.getpid()
        return self._own

    def holds_own_rows(self) -> bool:
        """Whether this process has rows waiting in its own spool file (new rows must go behind them)."""
        with self._lock:
            own = self._own
            return own is not None and self._own_pid == os.getpid() and os.fstat(own.fileno()).st_size > 0

    # --- replaying -----------------------------------------------------------------------------------
    def pending(self) -> bool:
        """Whether any file holds rows (this process's, or a dead process's)."""
        return any(stat.st_size > 0 for _, stat in self._files())

    def replay(self, insert: Callable[[list[dict[str, Any]]], None]) -> int:
        """Insert every spooled row this process may take, oldest file first; returns how many went in.

        Stops at the first failed insert (the database is still away) and keeps what is left, in order.
        """
        replayed = 0
        with self._lock:
            for path, _ in self._files():
                replayed += self._replay_file(path, insert)
            if not self.pending():
                self._oldest = None
            if self._full and self.size_bytes() < self._max_bytes:
                self._full = False
        self._observe()
        if replayed:
            log.info("audit.replayed rows=%d", replayed)
        return replayed

    def _replay_file(self, path: Path, insert: Callable[[list[dict[str, Any]]], None]) -> int:
        if self._own is not None and self._own_pid == os.getpid() and self._own_path == path:
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
                return 0  # a live process owns it (this one's journal too) and replays it itself
            return self._drain(handle, insert, remove=path)

    @staticmethod
    def _drain(handle: IO[str], insert: Callable[[list[dict[str, Any]]], None], remove: Path | None) -> int:
        handle.seek(0)
        entries = _entries(handle.read())
        done = 0
        try:
            for start in range(0, len(entries), _REPLAY_BATCH):
                batch = entries[start : start + _REPLAY_BATCH]
                insert([row for _, row in batch])
                done += len(batch)
        except Exception as error:  # noqa: BLE001 - the database is still away: keep the rest for later
            log.warning("audit.replay_paused rows_left=%d error=%s", len(entries) - done, type(error).__name__)
        # Rewrite what is left, in order (nothing when all went in); then the file is empty or gone. Emptied
        # first, then written: the own file is open for appending, where a write ignores the position.
        handle.flush()
        os.ftruncate(handle.fileno(), 0)
        handle.seek(0)
        handle.write("".join(line + "\n" for line, _ in entries[done:]))
        handle.flush()
        os.fsync(handle.fileno())
        if remove is not None and done == len(entries):
            remove.unlink(missing_ok=True)
        return done

    # --- measuring -----------------------------------------------------------------------------------
    def _files(self) -> list[tuple[Path, os.stat_result]]:
        """Every file with its size and age, oldest first; one removed meanwhile (a batch shipped) is left out."""
        found = []
        for path in self._directory.glob(_PATTERN):
            with contextlib.suppress(FileNotFoundError):
                found.append((path, path.stat()))
        return sorted(found, key=lambda item: (item[1].st_mtime_ns, item[0].name))

    def size_bytes(self) -> int:
        return sum(stat.st_size for _, stat in self._files())

    def rows(self) -> int:
        count = 0
        for path, _ in self._files():
            with contextlib.suppress(FileNotFoundError), path.open(encoding="utf-8") as handle:
                count += sum(1 for line in handle if line.strip())
        return count

    def _observe(self) -> None:
        # This process's own rows; the metric sums them over the workers.
        age = time.time() - self._oldest if self._oldest is not None and self._own_rows else 0.0
        metrics.observe_audit_spool(self._own_rows, age)
