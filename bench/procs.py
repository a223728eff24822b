"""What both servers under test need: child processes, readiness probes, and CPU and memory from /proc.

Shared by bench.run (the broker) and bench.reference (node-oidc-provider), so both are started,
probed, metered and stopped the same way.
"""

from __future__ import annotations

import ctypes
import dataclasses
import http.client
import os
import resource
import signal
import socket
import subprocess
import time
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
START_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 15.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class BenchError(Exception):
    """The benchmark cannot run or cannot trust what it measured; the message says why."""


def cores() -> int:
    """CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# --- child processes -----------------------------------------------------------------------------
class Children:
    """Processes started by the benchmark, stopped in reverse order: terminate, then kill."""

    def __init__(self) -> None:
        self._procs: list[subprocess.Popen[bytes]] = []

    def start(
        self, args: list[str], env: Mapping[str, str], log_path: Path, cwd: Path = ROOT
    ) -> subprocess.Popen[bytes]:
        # Output goes to files, not pipes: a pipe nobody reads fills up and stalls the server under load.
        # A session of its own: Ctrl-C reaches only the benchmark, which then stops children in order
        # (otherwise a child dying first turns the interrupt into a confusing connection error).
        with log_path.open("wb") as log:
            proc = subprocess.Popen(
                args,
                cwd=cwd,
                env=dict(env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        self._procs.append(proc)
        return proc

    def stop_all(self) -> None:
        """Terminate every child still running; kill those that do not exit in time."""
        for proc in reversed(self._procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in reversed(self._procs):
            try:
                proc.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._procs.clear()


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM it if the benchmark dies, even by SIGKILL (Linux only)."""
    with suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def free_ports(count: int) -> list[int]:
    """Ports the kernel just had free on 127.0.0.1, distinct because they are held open together."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind((HOST, 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


def loopback_env(drop: tuple[str, ...] = ()) -> dict[str, str]:
    """This process's environment without proxy settings (any case) or `drop`: every server here is on 127.0.0.1."""
    dropped = {name.upper() for name in (*_PROXY_VARIABLES, *drop)}
    return {k: v for k, v in os.environ.items() if k.upper() not in dropped}


def tail(path: Path, lines: int = 15) -> str:
    """The end of a child's log, for error messages."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def http_request(
    port: int, method: str, path: str, body: bytes | None = None, headers: Mapping[str, str] | None = None
) -> tuple[int, bytes]:
    """One plain HTTP request to 127.0.0.1 (http.client: no proxy settings can divert it)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=dict(headers or {}))
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_until_ready(proc: subprocess.Popen[bytes], port: int, path: str | None, log_path: Path, what: str) -> None:
    """Wait until `what` accepts connections (and answers 200 on `path`), or fail with its log."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"{what} exited early (code {proc.returncode}):\n{tail(log_path)}")
        try:
            if path is None:
                socket.create_connection((HOST, port), timeout=0.5).close()
                return
            if http_request(port, "GET", path)[0] == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    raise BenchError(f"{what} was not ready on {HOST}:{port} within {START_TIMEOUT_SECONDS:.0f} s:\n{tail(log_path)}")


def wait_for_line(proc: subprocess.Popen[bytes], marker: str, log_path: Path, what: str) -> str:
    """Wait until a line starting with `marker` appears in the child's log; that line, or BenchError."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"{what} exited early (code {proc.returncode}):\n{tail(log_path)}")
        with suppress(OSError):
            for line in log_path.read_text(errors="replace").splitlines():
                if line.startswith(marker):
                    return line
        time.sleep(0.1)
    raise BenchError(f"{what} did not report {marker!r} within {START_TIMEOUT_SECONDS:.0f} s:\n{tail(log_path)}")


# --- CPU and memory accounting -------------------------------------------------------------------
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclasses.dataclass(frozen=True)
class CpuSample:
    """CPU-seconds used so far: by the whole machine, by the server's processes, by our reaped children."""

    wall: float
    machine: float
    server: float
    children: float


class CpuMeter:
    """Where the CPU went during a phase: the server under test, wrk, or anything else on the machine.

    On a 2-core machine the load generator and any other workload compete with the server, so
    requests/s alone can mislead; the server's CPU time per request depends on that far less.
    The server is a master process (gunicorn's, or node:cluster's primary) and its worker children.
    """

    def __init__(self, master_pid: int) -> None:
        self.master_pid = master_pid

    def workers(self) -> list[int]:
        """The master's children, from /proc (empty where that is not readable)."""
        try:
            path = Path(f"/proc/{self.master_pid}/task/{self.master_pid}/children")
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []

    def sample(self) -> CpuSample:
        """CPU-seconds so far; wrk's show up in RUSAGE_CHILDREN once it has been waited for."""
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        server = sum(_process_cpu_seconds(pid) for pid in [self.master_pid, *self.workers()])
        return CpuSample(time.monotonic(), _machine_busy_seconds(), server, usage.ru_utime + usage.ru_stime)

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each worker, in MiB (workers that vanished are left out)."""
        sizes = (_rss_mb(pid) for pid in self.workers())
        return [size for size in sizes if size is not None]


def _machine_busy_seconds() -> float:
    """Busy CPU-seconds of all cores since boot: everything in /proc/stat's cpu line but idle and iowait."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / _TICKS_PER_SECOND


def _process_cpu_seconds(pid: int) -> float:
    """utime + stime of one process (all its threads); 0 if it is gone (a worker that exits mid-phase)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    # Fields after "pid (comm)"; comm may contain spaces, so split after its closing parenthesis.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS_PER_SECOND


def _rss_mb(pid: int) -> float | None:
    """VmRSS of one process in MiB, from /proc/<pid>/status; None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024  # reported in kB
    return None


def cpu_usage(before: CpuSample, after: CpuSample, requests: int) -> dict[str, float]:
    """Cores used by the server, by wrk and by everything else, and the server's CPU ms per request."""
    wall = after.wall - before.wall or 1e-9
    server = after.server - before.server
    load = after.children - before.children
    machine = after.machine - before.machine
    return {
        "server_cpu_ms_per_request": server * 1000 / requests if requests else 0.0,
        "server_cores": server / wall,
        "wrk_cores": load / wall,
        "other_cores": max(0.0, (machine - server - load) / wall),
    }
