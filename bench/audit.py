"""One-off measurement for issue 20: what keeping a request's audit row on disk before it answers costs.

`python -m bench.audit` times `Auditor.record` (a successful mint's row) in this process, rounds alternating:
`memory`, a writer without a spool (the row only in memory, as every row was before), and `journal`, the
writer as deployed (the row appended to the worker's journal file with one write(2)). The writer's thread
runs as in a worker, on a store that takes rows and does nothing, so only the request's share is timed.
Then `fsync`: the cost of one fsync after appending such a row in the same folder, which surviving power loss
would add to each request. Prints the median µs per row over the rounds for each: CPU time of the requesting
thread for the first two, wall time for fsync (a request waits for the disk without using the CPU).
Knobs: BENCH_ROUNDS (default 30), BENCH_ROWS (rows a round, default 1000), BENCH_SPOOL_DIR (default a fresh
temporary folder; name one on the disk that holds AUDIT_SPOOL_DIR, as fsync costs what that disk costs).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.procs import BenchError
from bench.run import _env_int
from service.audit.spool import AuditSpool
from service.audit.writer import AuditContext, Auditor, AuditWriter

_CONTEXT = AuditContext(
    request_id="0123456789abcdef0123456789abcdef",
    tenant_id=1,
    api_key_prefix="tbk_0123abcd",
    profile_id=3,
    kid="dev-es256-20261201T000000Z",
    payload={"organizationId": "org-1234", "employeeId": "emp-5678", "contact": {"id": "c-9012"}},
)
_DETAIL = {"ttl": 300, "alg": "ES256", "verify": False}


class _NullStore:
    """Takes every row and keeps none: the writer's thread costs what it costs, without a database."""

    def record_audits(self, rows: list[dict[str, Any]]) -> None:
        pass


def _round(auditor: Auditor, rows: int) -> float:
    """CPU µs of the calling thread per row of `rows` records; what they left is written afterwards, untimed.

    CPU time, not wall time: on a shared machine the wall clock also counts other processes' turns.
    """
    started = time.thread_time_ns()
    for _ in range(rows):
        auditor.record("token.minted", "ok", _CONTEXT, detail=_DETAIL)
    took = time.thread_time_ns() - started
    if not auditor.flush(timeout=30):
        raise BenchError("the audit writer did not keep up")
    return took / rows / 1000


def _fsync_round(folder: Path, rows: int) -> float:
    """Wall µs per row of appending a row-sized line and fsyncing the file (the wait is the disk's, not CPU)."""
    line = b"x" * 420 + b"\n"  # about a mint's row as JSON
    fd = os.open(folder / "fsync-probe", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        started = time.perf_counter_ns()
        for _ in range(rows):
            os.write(fd, line)
            os.fsync(fd)
        return (time.perf_counter_ns() - started) / rows / 1000
    finally:
        os.close(fd)
        (folder / "fsync-probe").unlink()


def main() -> None:
    rounds, rows = _env_int("BENCH_ROUNDS", 30), _env_int("BENCH_ROWS", 1000)
    folder = Path(os.environ.get("BENCH_SPOOL_DIR") or tempfile.mkdtemp(prefix="bench-audit-"))
    store: Any = _NullStore()
    auditors = {
        "memory": Auditor(AuditWriter(store), "bench-subject-hash-key-of-32-characters"),
        "journal": Auditor(AuditWriter(store, spool=AuditSpool(folder, 1024**3)), "bench-subject-hash-key-of-32-c"),
    }
    timings: dict[str, list[float]] = {name: [] for name in (*auditors, "fsync")}
    for _ in range(rounds):
        for name, auditor in auditors.items():
            timings[name].append(_round(auditor, rows))
        timings["fsync"].append(_fsync_round(folder, max(1, rows // 10)))
    print(f"audit rows, {rounds} rounds of {rows} (fsync: {max(1, rows // 10)}), spool in {folder}")
    for name, values in timings.items():
        print(f"  {name:8} median {statistics.median(values):7.2f} µs a row (best {min(values):.2f})")


if __name__ == "__main__":
    try:
        main()
    except BenchError as error:
        sys.exit(f"bench: {error}")
