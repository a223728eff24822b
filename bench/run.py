"""`make bench`: generateJWT throughput and latency under gunicorn, against the trivial /healthz.

One run starts the Secrets Manager emulator (moto) and the broker with its production gunicorn
config on 127.0.0.1, seeds a throwaway SQLite database in a temporary directory, drives each
scenario with wrk, and prints a table (also saved as bench/results/latest.json). It measures; it
asserts nothing beyond "each scenario answers 200 before it is loaded".

Environment knobs: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS
(default 16), BENCH_THREADS (wrk threads, default 2), BENCH_WORKERS (gunicorn workers; default: what
gunicorn.conf.py picks), BENCH_SIGNATURES (in-process signatures per timing, default 2000).
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import functools
import http.client
import json
import os
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

import boto3

from service import create_app, devseed, tokens, verifier
from service.keys import generate_private_key_pem, jwks_document, parse_signing_key
from service.services import services

ROOT = Path(__file__).resolve().parent.parent
LUA_SCRIPT = Path(__file__).resolve().parent / "load.lua"
RESULTS_PATH = Path(__file__).resolve().parent / "results" / "latest.json"
HOST = "127.0.0.1"
RS256_KEYSET = "bench-rs256"
RS256_PROFILE = "bench-rs256"
START_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 15.0
# werkzeug's access line for a Secrets Manager call: the JSON protocol POSTs every action to "/".
SECRETS_CALL_MARKER = '"POST / HTTP/1.1"'
RESULT_MARKER = "BENCH_RESULT "
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class BenchError(Exception):
    """The benchmark cannot run or cannot trust what it measured; the message says why."""


@dataclasses.dataclass(frozen=True)
class BenchConfig:
    """Load shape of one run, from BENCH_* environment variables."""

    duration: int
    warmup: int
    connections: int
    threads: int
    workers: int | None
    signatures: int


@dataclasses.dataclass(frozen=True)
class Scenario:
    """One load phase: a request wrk repeats, and what its single check response must show."""

    name: str
    method: str
    path: str
    body: dict[str, Any] | None = None
    alg: str | None = None

    @property
    def verify(self) -> bool:
        """Whether the request asks the broker to self-verify the token."""
        return bool(self.body and self.body.get("verify"))


def _env_int(name: str, default: int, low: int = 1) -> int:
    """An integer knob from the environment ("10s" accepted for durations), or BenchError."""
    raw = os.environ.get(name, "")
    if not raw:
        return default
    try:
        value = int(raw.removesuffix("s"))
    except ValueError:
        raise BenchError(f"{name} must be an integer, got {raw!r}") from None
    if value < low:
        raise BenchError(f"{name} must be at least {low}, got {value}")
    return value


def config_from_env() -> BenchConfig:
    """Read the BENCH_* knobs; defaults keep the whole run under about two minutes."""
    workers = os.environ.get("BENCH_WORKERS")
    return BenchConfig(
        duration=_env_int("BENCH_DURATION", 10),
        warmup=_env_int("BENCH_WARMUP", 2, low=0),
        connections=_env_int("BENCH_CONNECTIONS", 16),
        threads=_env_int("BENCH_THREADS", 2),
        workers=_env_int("BENCH_WORKERS", 0) if workers else None,
        signatures=_env_int("BENCH_SIGNATURES", 2000),
    )


def cores() -> int:
    """CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# --- wrk -----------------------------------------------------------------------------------------
def ensure_wrk() -> str:
    """The path of wrk, installing Debian's package if needed (apt-get update only if that fails)."""
    found = shutil.which("wrk")
    if found:
        return found
    if not shutil.which("apt-get"):
        raise BenchError("wrk is not installed and apt-get is not available; install wrk and run again")
    print("wrk not found; installing Debian's package wrk", flush=True)
    if not _apt_get("install", "-y", "wrk"):
        # A fresh container may have no package lists yet; refresh them once and retry.
        _apt_get("update")
        _apt_get("install", "-y", "wrk")
    found = shutil.which("wrk")
    if not found:
        raise BenchError("could not install wrk (`apt-get install -y wrk` failed, also after apt-get update)")
    return found


def _apt_get(*args: str) -> bool:
    """Run apt-get non-interactively; True if it succeeded."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(["apt-get", *args], env=env, stdout=subprocess.DEVNULL, check=False).returncode == 0


# --- child processes -----------------------------------------------------------------------------
class Children:
    """Processes started by the benchmark, stopped in reverse order: terminate, then kill."""

    def __init__(self) -> None:
        self._procs: list[subprocess.Popen[bytes]] = []

    def start(self, args: list[str], env: Mapping[str, str], log_path: Path) -> subprocess.Popen[bytes]:
        # Output goes to files, not pipes: a pipe nobody reads fills up and stalls the server under load.
        # A session of its own: Ctrl-C reaches only the benchmark, which then stops children in order
        # (otherwise a child dying first turns the interrupt into a confusing connection error).
        with log_path.open("wb") as log:
            proc = subprocess.Popen(
                args,
                cwd=ROOT,
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


# --- CPU accounting ------------------------------------------------------------------------------
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclasses.dataclass(frozen=True)
class CpuSample:
    """CPU-seconds used so far: by the whole machine, by the broker's processes, by our reaped children."""

    wall: float
    machine: float
    broker: float
    children: float


class CpuMeter:
    """Where the CPU went during a phase: the broker, wrk, or anything else on the machine.

    On a 2-core machine the load generator and any other workload compete with the broker, so
    requests/s alone can mislead; the broker's CPU time per request depends on that far less.
    """

    def __init__(self, master_pid: int) -> None:
        self.master_pid = master_pid

    def workers(self) -> list[int]:
        """The gunicorn master's children, from /proc (empty where that is not readable)."""
        try:
            path = Path(f"/proc/{self.master_pid}/task/{self.master_pid}/children")
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []

    def sample(self) -> CpuSample:
        """CPU-seconds so far; wrk's show up in RUSAGE_CHILDREN once it has been waited for."""
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        broker = sum(_process_cpu_seconds(pid) for pid in [self.master_pid, *self.workers()])
        return CpuSample(time.monotonic(), _machine_busy_seconds(), broker, usage.ru_utime + usage.ru_stime)


def _machine_busy_seconds() -> float:
    """Busy CPU-seconds of all cores since boot: everything in /proc/stat's cpu line but idle and iowait."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / _TICKS_PER_SECOND


def _process_cpu_seconds(pid: int) -> float:
    """utime + stime of one process; 0 if it is gone (a worker that exits mid-phase is not counted)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    # Fields after "pid (comm)"; comm may contain spaces, so split after its closing parenthesis.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS_PER_SECOND


def cpu_usage(before: CpuSample, after: CpuSample, requests: int) -> dict[str, float]:
    """Cores used by the broker, by wrk and by everything else, and the broker's CPU ms per request."""
    wall = after.wall - before.wall or 1e-9
    broker = after.broker - before.broker
    load = after.children - before.children
    machine = after.machine - before.machine
    return {
        "broker_cpu_ms_per_request": broker * 1000 / requests if requests else 0.0,
        "broker_cores": broker / wall,
        "wrk_cores": load / wall,
        "other_cores": max(0.0, (machine - broker - load) / wall),
    }


# --- the broker's environment and data -----------------------------------------------------------
def broker_env(tmp: Path, port: int, emulator_port: int, config: BenchConfig) -> dict[str, str]:
    """Production settings pointing at the emulator and a throwaway SQLite database."""
    # Only 127.0.0.1 traffic: no inherited proxy setting may divert the broker's calls to the emulator.
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update(
        BROKER_ENV="production",
        DATABASE_URL=f"sqlite:///{tmp / 'broker.sqlite3'}",
        SUBJECT_HASH_KEY=secrets.token_urlsafe(36)[:48],
        PUBLIC_BASE_URL=f"http://{HOST}:{port}",
        AWS_ENDPOINT_URL_SECRETS_MANAGER=f"http://{HOST}:{emulator_port}",
        # The emulator accepts any credentials; these never reach AWS.
        AWS_ACCESS_KEY_ID="bench-emulator",
        AWS_SECRET_ACCESS_KEY="bench-emulator",  # noqa: S106 - a dummy for the local emulator
        AWS_REGION="eu-north-1",
        # One JSON access line per request would make the benchmark measure logging.
        LOG_LEVEL="WARNING",
        NO_PROXY=HOST,
        HOST=HOST,
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    env.pop("WEB_CONCURRENCY", None)
    if config.workers is not None:
        env["WEB_CONCURRENCY"] = str(config.workers)
    return env


def flask_cli(env: Mapping[str, str], *args: str) -> str:
    """Run `flask --app service ARGS`; its stdout, or BenchError with its stderr."""
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "service", *args],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        start_new_session=True,
    )
    if result.returncode != 0:
        raise BenchError(f"`flask {' '.join(args[:2])}` failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return result.stdout


def last_json_line(stdout: str) -> dict[str, Any]:
    """The command's JSON result: its last line (JSON log lines may come before it)."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    if not lines:
        raise BenchError("a CLI command printed nothing")
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def seed_dev(env: Mapping[str, str], tmp: Path) -> dict[str, Any]:
    """The dev tenant, ES256 keyset, profiles and API key, with the credentials file in `tmp`.

    In-process, because `flask dev seed` writes into the package's instance folder (<project>/instance),
    which holds a developer's real dev credentials.
    """
    client = boto3.session.Session(
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
        region_name=env["AWS_REGION"],
    ).client("secretsmanager", endpoint_url=env["AWS_ENDPOINT_URL_SECRETS_MANAGER"])
    # ERROR: keeps the "endpoint overridden" warning out of the table's output.
    app = create_app({**env, "LOG_LEVEL": "ERROR"}, secrets_client=client)
    svc = services(app)
    try:
        return devseed.seed(svc, str(tmp))
    finally:
        svc.store.engine.dispose()


def create_rs256_profile(env: Mapping[str, str]) -> str:
    """A 2048-bit RS256 keyset and a generic query-mode profile on it; returns the profile key."""
    flask_cli(env, "keysets", "create", RS256_KEYSET, "--alg", "RS256", "--rsa-bits", "2048")
    out = flask_cli(
        env,
        "profiles",
        "create",
        "--tenant",
        "dev",
        "--name",
        RS256_PROFILE,
        "--kind",
        "generic",
        "--mode",
        "query",
        "--iss",
        env["PUBLIC_BASE_URL"],
        "--aud",
        "bench-rp",
        "--rp-url",
        "http://127.0.0.1:9/landing",
        "--keyset",
        RS256_KEYSET,
    )
    return str(last_json_line(out)["profileKey"])


# --- Secrets Manager calls -----------------------------------------------------------------------
class SecretsCalls:
    """Counts Secrets Manager calls from the emulator's request log (one werkzeug line per call)."""

    def __init__(self, log_path: Path) -> None:
        self._log_path = log_path

    def count(self) -> int:
        try:
            return self._log_path.read_text(errors="replace").count(SECRETS_CALL_MARKER)
        except OSError:
            return 0


# --- scenarios -----------------------------------------------------------------------------------
def scenarios(es256_profile: str, rs256_profile: str) -> list[Scenario]:
    """The trivial endpoint first, then generateJWT per algorithm, without and with self-verify."""

    def jwt(name: str, profile_key: str, alg: str, verify: bool) -> Scenario:
        body: dict[str, Any] = {"profileKey": profile_key, "payload": {"userId": "u-123"}}
        if verify:
            body["verify"] = True
        return Scenario(name, "POST", "/api/v1/generateJWT", body, alg)

    return [
        Scenario("GET /healthz", "GET", "/healthz"),
        jwt("ES256", es256_profile, "ES256", verify=False),
        jwt("ES256 verify", es256_profile, "ES256", verify=True),
        jwt("RS256-2048", rs256_profile, "RS256", verify=False),
        jwt("RS256-2048 verify", rs256_profile, "RS256", verify=True),
    ]


def check_once(port: int, scenario: Scenario, api_key: str) -> None:
    """One plain request: 200, and for generateJWT the expected alg (and `verified` when asked)."""
    body = json.dumps(scenario.body).encode() if scenario.body is not None else None
    headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"} if body else {}
    status, raw = http_request(port, scenario.method, scenario.path, body, headers)
    if status != 200:
        raise BenchError(f"{scenario.name}: expected 200 before load, got {status}: {raw[:500]!r}")
    if scenario.alg is None:
        return
    answer = json.loads(raw)
    if answer.get("alg") != scenario.alg or not answer.get("token"):
        raise BenchError(f"{scenario.name}: expected an {scenario.alg} token, got {raw[:500]!r}")
    if scenario.verify and answer.get("verified") is not True:
        raise BenchError(f"{scenario.name}: asked to verify but the answer has no verified=true")


def run_wrk(wrk: str, port: int, scenario: Scenario, api_key: str, seconds: int, config: BenchConfig) -> dict[str, Any]:
    """One wrk run of `scenario`; the numbers from load.lua's result line."""
    env = dict(os.environ, BENCH_METHOD=scenario.method, BENCH_BODY="", BENCH_AUTHORIZATION="")
    if scenario.body is not None:
        env.update(BENCH_BODY=json.dumps(scenario.body), BENCH_AUTHORIZATION=f"Bearer {api_key}")
    args = [
        wrk,
        f"-t{config.threads}",
        f"-c{config.connections}",
        f"-d{seconds}s",
        # Well above any expected latency, so a slow response counts as latency, not as a socket error.
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(LUA_SCRIPT),
        f"http://{HOST}:{port}{scenario.path}",
    ]
    result = subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=seconds + 60, check=False, start_new_session=True
    )
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith(RESULT_MARKER)), None)
    if result.returncode != 0 or line is None:
        raise BenchError(f"wrk failed for {scenario.name} ({result.returncode}):\n{result.stderr}{result.stdout}")
    numbers: dict[str, Any] = json.loads(line.removeprefix(RESULT_MARKER))
    numbers["wrk_output"] = result.stdout.replace(line + "\n", "")
    return numbers


def summarise(scenario: Scenario, numbers: dict[str, Any], cpu: dict[str, float], secrets_calls: int) -> dict[str, Any]:
    """One table row from wrk's numbers (µs) and the phase's CPU and Secrets Manager counts."""
    seconds = numbers["duration_us"] / 1e6
    return {
        "scenario": scenario.name,
        "requests": numbers["requests"],
        "rps": numbers["requests"] / seconds if seconds else 0.0,
        "p50_ms": numbers["p50_us"] / 1000,
        "p90_ms": numbers["p90_us"] / 1000,
        "p99_ms": numbers["p99_us"] / 1000,
        "max_ms": numbers["max_us"] / 1000,
        "non2xx": numbers["non2xx"],
        "wrk_status_errors": numbers["wrk_status_errors"],
        "socket_errors": numbers["socket_errors"],
        "secrets_manager_calls": secrets_calls,
        **cpu,
        "wrk_output": numbers["wrk_output"],
    }


def measure(
    wrk: str, port: int, scenario: Scenario, api_key: str, config: BenchConfig, calls: SecretsCalls, meter: CpuMeter
) -> dict[str, Any]:
    """Check, warm up (worker caches, connections), then load one scenario and summarise it."""
    check_once(port, scenario, api_key)
    if config.warmup:
        run_wrk(wrk, port, scenario, api_key, config.warmup, config)
    before, cpu_before = calls.count(), meter.sample()
    numbers = run_wrk(wrk, port, scenario, api_key, config.duration, config)
    cpu = cpu_usage(cpu_before, meter.sample(), numbers["requests"])
    # The emulator writes its line after answering: give the last calls of the phase time to land.
    time.sleep(0.2)
    row = summarise(scenario, numbers, cpu, calls.count() - before)
    print(
        f"  {scenario.name:<18} {row['rps']:8.1f} req/s  p50 {row['p50_ms']:.1f} ms  p99 {row['p99_ms']:.1f} ms  "
        f"broker {row['broker_cores']:.2f} / wrk {row['wrk_cores']:.2f} / other {row['other_cores']:.2f} cores",
        flush=True,
    )
    return row


# --- raw signing ---------------------------------------------------------------------------------
def signing_costs(count: int) -> dict[str, dict[str, float]]:
    """In-process µs per token for service.tokens.sign, and for the self-verify's JWKS parse + verify."""
    costs: dict[str, dict[str, float]] = {}
    for label, alg in (("ES256", "ES256"), ("RS256-2048", "RS256")):
        key = parse_signing_key(generate_private_key_pem(alg, 2048), alg, "bench")
        now = int(time.time())
        claims = tokens.build_claims(
            {"userId": "u-123"}, issuer="bench", audience="bench-rp", issued_at=now, ttl_seconds=300
        )
        token = tokens.sign(claims, key)
        # The JWKS as JSON, as Minter._self_verify parses it back on every request.
        document = json.loads(json.dumps(jwks_document([key])))
        expect = verifier.Expectations(issuer="bench", audience="bench-rp")
        costs[label] = {
            "sign_us": _best_us(functools.partial(tokens.sign, claims, key), count),
            "verify_us": _best_us(
                functools.partial(_verify_like_minter, token, expect, document, now), max(count // 4, 100)
            ),
        }
    return costs


def _verify_like_minter(token: str, expect: verifier.Expectations, document: dict[str, Any], now: int) -> None:
    verifier.verify(token, expect, verifier.StaticKeys(document), now=now)


def _best_us(fn: Callable[[], object], number: int, repeat: int = 3) -> float:
    """Fastest of `repeat` timings, in µs per call: the least disturbed by other processes."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


# --- report --------------------------------------------------------------------------------------
RATIO_PAIRS = (
    ("ES256 verify", "ES256"),
    ("RS256-2048 verify", "RS256-2048"),
    ("RS256-2048", "ES256"),
    ("RS256-2048 verify", "ES256 verify"),
)


def ratios(rows: list[dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    """Scenario against scenario, by requests/s and by broker CPU per request (robust to other load)."""
    by_name = {row["scenario"]: row for row in rows}

    def ratio(a: str, b: str, field: str) -> float | None:
        top, bottom = by_name.get(a, {}).get(field), by_name.get(b, {}).get(field)
        return top / bottom if top is not None and bottom else None

    return {
        f"{a} / {b}": {
            "requests_per_second": ratio(a, b, "rps"),
            "broker_cpu_per_request": ratio(a, b, "broker_cpu_ms_per_request"),
        }
        for a, b in RATIO_PAIRS
    }


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return "n/a" if value is None else format(value, spec)


def print_table(rows: list[dict[str, Any]]) -> None:
    """One line per scenario; throughput also relative to the trivial endpoint (the first row)."""
    base = rows[0]["rps"] or 1.0
    print(
        f"\n{'scenario':<18} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'non-2xx':>7} {'SM calls':>8} "
        f"{'vs healthz':>10} {'CPU ms/req':>10} {'other cores':>11}"
    )
    for row in rows:
        print(
            f"{row['scenario']:<18} {row['rps']:>8.1f} {row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f} "
            f"{row['non2xx']:>7} {row['secrets_manager_calls']:>8} {row['rps'] / base:>10.3f} "
            f"{row['broker_cpu_ms_per_request']:>10.2f} {row['other_cores']:>11.2f}"
        )
    print("(CPU ms/req: broker processes' CPU time per request; other cores: CPU used by neither broker nor wrk)")


def print_ratios(table: dict[str, dict[str, float | None]]) -> None:
    print(f"\n{'ratio':<34} {'req/s':>6} {'CPU/req':>8}")
    for name, pair in table.items():
        print(f"{name:<34} {_fmt(pair['requests_per_second']):>6} {_fmt(pair['broker_cpu_per_request']):>8}")


def print_signing(signing: dict[str, dict[str, float]], rows: list[dict[str, Any]], n_cores: int) -> None:
    """Raw signing cost, the throughput it alone would allow, and its share of a request's CPU."""
    by_name = {row["scenario"]: row for row in rows}
    print()
    for alg, cost in signing.items():
        row = by_name.get(alg)
        share = cost["sign_us"] / (row["broker_cpu_ms_per_request"] * 1000) if row else None
        print(
            f"raw {alg:<10} sign {cost['sign_us']:7.1f} µs/token (<= {n_cores * 1e6 / cost['sign_us']:,.0f} "
            f"tokens/s on {n_cores} cores), JWKS parse + verify {cost['verify_us']:6.1f} µs; "
            f"signing is {_fmt(share and share * 100, '.1f')}% of generateJWT's broker CPU"
        )


def warnings(rows: list[dict[str, Any]], n_cores: int) -> list[str]:
    """What makes this run's numbers less trustworthy."""
    found = [f"{row['scenario']}: {row['socket_errors']} socket errors" for row in rows if row["socket_errors"]]
    found += [
        f"{row['scenario']}: wrk counted {row['wrk_status_errors']} 4xx/5xx, load.lua {row['non2xx']} non-2xx"
        for row in rows
        if row["wrk_status_errors"] != row["non2xx"]
    ]
    busiest = max(rows, key=lambda row: row["other_cores"])
    # Anything beyond a sliver of one core means another workload took CPU the broker would have used.
    if busiest["other_cores"] > 0.25:
        found.append(
            f"other processes used up to {busiest['other_cores']:.2f} of {n_cores} cores ({busiest['scenario']}); "
            "requests/s are depressed and noisy, compare CPU ms/req or rerun on a quiet machine"
        )
    return found


def print_report(result: dict[str, Any]) -> None:
    """The table, the ratios, the raw signing costs and any warnings, on stdout."""
    rows, n_cores = result["scenarios"], result["machine"]["cores"]
    print_table(rows)
    print_ratios(result["ratios"])
    print_signing(result["signing"], rows, n_cores)
    for warning in warnings(rows, n_cores):
        print(f"warning: {warning}")
    print(f"\nsaved to {RESULTS_PATH.relative_to(ROOT)}")


def write_results(result: dict[str, Any]) -> None:
    """The result document as JSON at bench/results/latest.json (git-ignored)."""
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(result, indent=2) + "\n")


# --- orchestration -------------------------------------------------------------------------------
def _raise_on_sigterm(signum: int, _frame: FrameType | None) -> None:
    # SIGTERM becomes an exception, so the `finally` that stops the children runs as for Ctrl-C.
    raise SystemExit(128 + signum)


def _wrk_version(wrk: str) -> str:
    """wrk's first `-v` line (it prints its usage and exits 1)."""
    out = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).splitlines()[0] if (out.stdout or out.stderr) else "unknown"


@contextmanager
def running_broker(config: BenchConfig) -> Iterator[tuple[int, dict[str, Any], SecretsCalls, CpuMeter]]:
    """Emulator, database, seed, RS256 profile and gunicorn; stopped again whatever happens."""
    children = Children()
    with tempfile.TemporaryDirectory(prefix="broker-bench-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            emulator_port, port = free_ports(2)
            env = broker_env(tmp, port, emulator_port, config)
            emulator_log = tmp / "emulator.log"
            print(f"starting the Secrets Manager emulator on {HOST}:{emulator_port}", flush=True)
            emulator = children.start(
                [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(emulator_port)], env, emulator_log
            )
            wait_until_ready(emulator, emulator_port, None, emulator_log, "the Secrets Manager emulator")
            calls = SecretsCalls(emulator_log)

            print("migrating and seeding a temporary SQLite database", flush=True)
            flask_cli(env, "db", "upgrade")
            credentials = seed_dev(env, tmp)
            print("creating the RS256-2048 keyset and profile", flush=True)
            credentials["profiles"][RS256_PROFILE] = create_rs256_profile(env)
            if calls.count() == 0:
                raise BenchError(
                    f"no Secrets Manager calls seen in the emulator's log; cannot count them:\n{tail(emulator_log)}"
                )

            broker_log = tmp / "gunicorn.log"
            print(f"starting gunicorn (gunicorn.conf.py) on {HOST}:{port}", flush=True)
            server = children.start([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], env, broker_log)
            wait_until_ready(server, port, "/healthz", broker_log, "gunicorn")
            yield port, credentials, calls, CpuMeter(server.pid)
            if server.poll() is not None:
                raise BenchError(f"gunicorn exited during the run:\n{tail(broker_log)}")
        finally:
            children.stop_all()


def run(config: BenchConfig) -> dict[str, Any]:
    """The whole benchmark: setup, every scenario in order, raw signing costs; the result document."""
    wrk = ensure_wrk()
    rows: list[dict[str, Any]] = []
    workers: int | None = None
    with running_broker(config) as (port, credentials, calls, meter):
        api_key = str(credentials["apiKey"])
        plan = scenarios(credentials["profiles"]["generic"], credentials["profiles"][RS256_PROFILE])
        print(
            f"load: wrk -t{config.threads} -c{config.connections}, {config.warmup} s warm-up + "
            f"{config.duration} s per scenario",
            flush=True,
        )
        for scenario in plan:
            rows.append(measure(wrk, port, scenario, api_key, config, calls, meter))
            # After the first phase every worker has booted and served.
            workers = workers or len(meter.workers()) or None
    print(f"timing raw signing in-process ({config.signatures} signatures per timing)", flush=True)
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"cores": cores(), "python": sys.version.split()[0], "wrk": _wrk_version(wrk)},
        "config": {**dataclasses.asdict(config), "gunicorn_workers": workers},
        "scenarios": rows,
        "ratios": ratios(rows),
        "signing": signing_costs(config.signatures),
    }


def main() -> int:
    """Run, save and print the benchmark; exit status 1 if it could not run."""
    signal.signal(signal.SIGTERM, _raise_on_sigterm)
    started = time.monotonic()
    try:
        result = run(config_from_env())
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted; child processes stopped", file=sys.stderr)
        return 130
    except SystemExit:
        print("bench: terminated; child processes stopped", file=sys.stderr)
        raise
    result["elapsed_seconds"] = round(time.monotonic() - started, 1)
    write_results(result)
    print_report(result)
    print(f"whole run: {result['elapsed_seconds']} s")
    with suppress(BrokenPipeError):
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
