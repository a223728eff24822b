"""`make bench`: generateJWT under gunicorn, against /healthz, a bare Flask app and a reference token server.

One run starts the Secrets Manager emulator (moto) and the broker with its production gunicorn
config on 127.0.0.1, seeds a throwaway database (PostgreSQL as in production when BENCH_DATABASE_URL
or a local server at 127.0.0.1:5432 answers: a database made for the run and dropped after it; else
SQLite in a temporary directory; the report says which), and drives each scenario with wrk. Two
references: node-oidc-provider (bench/reference/, installed with `npm ci` from its lock file when
needed) issuing JWT access tokens by the client_credentials grant with the same algorithm, payload
and lifetime as the broker's token, in a node:cluster of as many workers as gunicorn runs, started
for its own phase and stopped after it; and the bare-Flask app (bench/bare_app.py: marshmallow,
hmac.compare_digest, the same claims, joserfc ES256, nothing else) under the broker's own
gunicorn.conf.py, idle except in its phases.

Phases, interleaved so that slow drifts in machine noise hit the broker and the references alike:
GET /healthz, bare /healthz, ref ES256, bare ES256, ES256, ES256 launch link (an exorlive-main
form-mode mint: a launch link and its `created` event written per request), ES256 verify, ref
RS256-2048, RS256-2048, RS256-2048 verify, and with BENCH_SUSTAIN one more, long ES256 load. Every
phase has the same warm-up, duration, connections and threads. Each reports req/s, p50, p99, the
server's CPU ms per request, and its workers' resident memory at the end of the load; then come the
ratios (broker/bare, launch link/query mode, broker/reference, broker/trivial, the cost of
`verify`), throughput against what raw signing alone allows on the cores used, Secrets Manager calls
against the cache's refresh schedule, and issue 25's goal check. The table is printed and saved as
bench/results/latest.json. It measures: missed goals do not fail it; it exits non-zero only when it
cannot measure (including when a scenario does not answer one checked request before its load).

Environment knobs: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS
(default 16), BENCH_THREADS (wrk threads, default 2), BENCH_WORKERS (gunicorn workers, the broker's
and the bare app's; default: what gunicorn.conf.py picks), BENCH_REFERENCE_WORKERS (node:cluster
workers; default: as many as gunicorn runs), BENCH_REDIS_URL (the broker's rate-limit Redis; default
the local one, "" for none), BENCH_DATABASE_URL (a PostgreSQL URL whose server gets the run's
throwaway database; default postgresql://postgres@127.0.0.1:5432/postgres when it answers; "sqlite"
for SQLite), BENCH_LOG_LEVEL (default INFO, as deployed), BENCH_SUSTAIN (s, default 0 = off: one
extra sustained ES256 load, with its Secrets Manager calls), BENCH_SIGNATURES (in-process signatures
per timing, default 2000), BENCH_ROUNDS (default 1: rounds of the /healthz, bare, ES256 and launch-link
phases, alternating, each scenario's rounds pooled into its row; the issue's figures took 8).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

import boto3

from bench import bare, reference, report
from bench.bare import BareServer
from bench.jwtcheck import check_jwt
from bench.procs import (
    HOST,
    ROOT,
    BenchError,
    Children,
    CpuMeter,
    cores,
    cpu_usage,
    free_ports,
    http_request,
    loopback_env,
    tail,
    wait_until_ready,
)
from service import create_app
from service.dev import seed as devseed
from service.keys.jwks import jwks_document
from service.keys.material import generate_private_key_pem, parse_signing_key
from service.tokens import claims as tokens
from service.tokens import verifier
from service.wiring import Services, services

LUA_SCRIPT = Path(__file__).resolve().parent / "load.lua"
RS256_KEYSET = "bench-rs256"
RS256_PROFILE = "bench-rs256"
RS256_AUDIENCE = "bench-rp"
# The generic dev profile's sample payload: the broker scenarios send it, the reference adds it to its tokens.
SCENARIO_PAYLOAD: dict[str, Any] = devseed.SAMPLE_PAYLOADS["generic"]
# The broker's token lives 5 minutes (expireIn's default, within the profiles' max TTL); so does the reference's.
TOKEN_TTL_SECONDS = 300
# The default per-key limit (600/minute) would turn most of the load into 429s. The limiter still
# runs on every request, with local counters as in production without Redis; it just never refuses.
# In Redis it is leased 50 units at a time, where 600/minute leases 12 (service/apikeys/leases.py):
# `python -m bench.rate_limits` times both, 7 and 15 µs a check, against ~95 µs counted per request.
BENCH_RATE_LIMIT = "1000000/second"
# Production counts rate limits in Redis; BENCH_REDIS_URL="" measures per-process counters instead.
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
# The broker's database: a throwaway one on this server when it answers (trust auth), else SQLite.
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
# The launch-link scenario: an ExorLive form-mode profile, whose every mint writes a link and its event.
LINK_PROFILE = "exorlive-main"
LINK_PAYLOAD: dict[str, Any] = devseed.SAMPLE_PAYLOADS[LINK_PROFILE]
# werkzeug's access line for a Secrets Manager call: the JSON protocol POSTs every action to "/".
SECRETS_CALL_MARKER = '"POST / HTTP/1.1"'
RESULT_MARKER = "BENCH_RESULT "
# With BENCH_ROUNDS, the phases repeated and pooled: the broker against the bare app, and the launch link.
ROUND_SCENARIOS = ("GET /healthz", "bare /healthz", "bare ES256", "ES256", "ES256 launch link")
COUNTED = ("non2xx", "wrk_status_errors", "socket_errors", "secrets_manager_calls")
# The emulator writes its line after answering: time for a phase's last calls to land in its log.
EMULATOR_LOG_SETTLE_SECONDS = 0.2


@dataclasses.dataclass(frozen=True)
class BenchConfig:
    """Load shape of one run, from BENCH_* environment variables."""

    duration: int
    warmup: int
    connections: int
    threads: int
    workers: int | None
    reference_workers: int | None
    sustain: int
    # Rounds of the broker/bare and launch-link phases (the first is part of the whole sequence).
    rounds: int
    signatures: int
    # The broker's rate-limit Redis; "" counts in each process instead.
    redis_url: str


@dataclasses.dataclass(frozen=True)
class Scenario:
    """One load phase: the request wrk repeats, and which server answers it (the broker unless `reference`)."""

    name: str
    method: str
    path: str
    body: str | None = None
    content_type: str | None = None
    authorization: str | None = None
    alg: str | None = None
    verify: bool = False
    reference: reference.ReferenceSpec | None = None
    # Served by the bare-Flask reference (bench/bare_app.py) instead of the broker.
    bare: bool = False
    # The payload the token must carry (the generic profile's unless said).
    payload: Mapping[str, Any] = dataclasses.field(default_factory=lambda: SCENARIO_PAYLOAD)
    # generateJWT must answer with a launch link (linkId).
    link: bool = False

    @property
    def server(self) -> str:
        return "reference" if self.reference else "bare" if self.bare else "broker"

    @property
    def headers(self) -> dict[str, str]:
        """The headers sent with the body (none for a plain GET)."""
        headers = {"Authorization": self.authorization, "Content-Type": self.content_type}
        return {name: value for name, value in headers.items() if value}


@dataclasses.dataclass(frozen=True)
class Target:
    """The server a phase loads: where it listens and how its CPU and memory are read."""

    port: int
    meter: CpuMeter


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


def _optional_env_int(name: str) -> int | None:
    """A knob whose absence means "decide at run time"."""
    return _env_int(name, 0) if os.environ.get(name) else None


def config_from_env() -> BenchConfig:
    """Read the BENCH_* knobs; defaults keep the whole run around two to three minutes."""
    return BenchConfig(
        duration=_env_int("BENCH_DURATION", 10),
        warmup=_env_int("BENCH_WARMUP", 2, low=0),
        connections=_env_int("BENCH_CONNECTIONS", 16),
        threads=_env_int("BENCH_THREADS", 2),
        workers=_optional_env_int("BENCH_WORKERS"),
        reference_workers=_optional_env_int("BENCH_REFERENCE_WORKERS"),
        sustain=_env_int("BENCH_SUSTAIN", 0, low=0),
        rounds=_env_int("BENCH_ROUNDS", 1),
        signatures=_env_int("BENCH_SIGNATURES", 2000),
        redis_url=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
    )


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


def _wrk_version(wrk: str) -> str:
    """wrk's first `-v` line (it prints its usage and exits 1)."""
    out = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).splitlines()[0] if (out.stdout or out.stderr) else "unknown"


# --- the broker's environment and data -----------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Broker:
    """The running broker, its credentials, and what the Secrets Manager schedule depends on."""

    port: int
    credentials: dict[str, Any]
    calls: SecretsCalls
    meter: CpuMeter
    workers: int
    keysets: int
    refresh_seconds: int
    bare: BareServer
    database: str


def broker_env(port: int, emulator_port: int, config: BenchConfig, database_url: str) -> dict[str, str]:
    """Production settings pointing at the emulator and a throwaway database."""
    # Only 127.0.0.1 traffic: no inherited proxy setting may divert the broker's calls to the emulator.
    env = loopback_env()
    env.update(
        BROKER_ENV="production",
        DATABASE_URL=database_url,
        SUBJECT_HASH_KEY=secrets.token_urlsafe(36)[:48],
        SERVER_SECRET=secrets.token_urlsafe(36)[:48],
        # Production requires an https public URL; the load goes to 127.0.0.1 directly, as behind a TLS proxy.
        PUBLIC_BASE_URL="https://broker.bench.test",
        AWS_ENDPOINT_URL_SECRETS_MANAGER=f"http://{HOST}:{emulator_port}",
        # The emulator accepts any credentials; these never reach AWS.
        AWS_ACCESS_KEY_ID="bench-emulator",
        AWS_SECRET_ACCESS_KEY="bench-emulator",  # noqa: S106 - a dummy for the local emulator
        AWS_REGION="eu-north-1",
        # As deployed: INFO writes one JSON access line per request (to the bench's log file).
        LOG_LEVEL=os.environ.get("BENCH_LOG_LEVEL", "INFO"),
        # The limiter counts every request (in Redis, as in production) but never refuses one.
        RATE_LIMIT=BENCH_RATE_LIMIT,
        NO_PROXY=HOST,
        HOST=HOST,
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)
    if config.redis_url:
        env["REDIS_URL"] = config.redis_url
    env.pop("WEB_CONCURRENCY", None)
    if config.workers is not None:
        env["WEB_CONCURRENCY"] = str(config.workers)
    return env


@dataclasses.dataclass(frozen=True)
class BenchDatabase:
    """The broker's database for one run, and what to call it in the report."""

    url: str
    label: str


def _postgres_server() -> str | None:
    """The PostgreSQL server to make the throwaway database on: BENCH_DATABASE_URL, else the local one if it answers."""
    given = os.environ.get("BENCH_DATABASE_URL", "")
    if given == "sqlite":
        return None
    return given or DEFAULT_POSTGRES_URL


@contextmanager
def bench_database(tmp: Path) -> Iterator[BenchDatabase]:
    """A throwaway PostgreSQL database (created, then dropped), or a SQLite file in `tmp` when no server answers."""
    server = _postgres_server()
    sqlite = BenchDatabase(f"sqlite:///{tmp / 'broker.sqlite3'}", "SQLite")
    if server is None:
        yield sqlite
        return
    import psycopg

    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("BENCH_DATABASE_URL"):
            raise BenchError(f"BENCH_DATABASE_URL does not answer: {error}") from None
        print(f"no PostgreSQL at {DEFAULT_POSTGRES_URL} ({str(error).strip()[:120]}); using SQLite", flush=True)
        yield sqlite
        return
    name = f"broker_bench_{secrets.token_hex(6)}"
    with admin:
        row = admin.execute("SHOW server_version").fetchone()
        version = str(row[0]).split()[0] if row else ""
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield BenchDatabase(server.rsplit("/", 1)[0] + "/" + name, f"PostgreSQL {version}")
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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


@contextmanager
def in_process_services(env: Mapping[str, str]) -> Iterator[Services]:
    """The broker's services in this process, against the emulator and the bench's database."""
    client = boto3.session.Session(
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
        region_name=env["AWS_REGION"],
    ).client("secretsmanager", endpoint_url=env["AWS_ENDPOINT_URL_SECRETS_MANAGER"])
    # ERROR: keeps the "endpoint overridden" warning out of the table's output.
    app = create_app({**env, "LOG_LEVEL": "ERROR"}, secrets_client=client)
    svc = services(app)
    try:
        yield svc
    finally:
        svc.db.engine.dispose()


def seed_dev(env: Mapping[str, str], tmp: Path) -> dict[str, Any]:
    """The dev tenant, ES256 keyset, profiles and API key, with the credentials file in `tmp`.

    In-process, because `flask dev seed` writes into the package's instance folder (<project>/instance),
    which holds a developer's real dev credentials.
    """
    with in_process_services(env) as svc:
        return devseed.seed(svc, str(tmp))


def schedule_facts(env: Mapping[str, str]) -> tuple[int, int]:
    """How many keysets each worker refreshes, and how often: the Secrets Manager schedule's inputs."""
    with in_process_services(env) as svc:
        return len(svc.stores.keysets.list_keysets()), svc.settings.secret_refresh_seconds


def create_rs256_profile(env: Mapping[str, str]) -> str:
    """A 2048-bit RS256 keyset and a generic query-mode profile on it; returns the profile key."""
    flask_cli(env, "keysets", "create", RS256_KEYSET, "--alg", "RS256", "--rsa-bits", str(reference.RSA_BITS))
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
        RS256_AUDIENCE,
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

    def settled_count(self) -> int:
        """The count once the calls of the moment just past have been logged."""
        time.sleep(EMULATOR_LOG_SETTLE_SECONDS)
        return self.count()


# --- scenarios -----------------------------------------------------------------------------------
def broker_scenario(name: str, api_key: str, profile_key: str, alg: str, verify: bool) -> Scenario:
    """generateJWT with the scenario payload, optionally asking the broker to self-verify."""
    body: dict[str, Any] = {"profileKey": profile_key, "payload": SCENARIO_PAYLOAD}
    if verify:
        body["verify"] = True
    return Scenario(
        name,
        "POST",
        "/api/v1/generateJWT",
        body=json.dumps(body),
        content_type="application/json",
        authorization=f"Bearer {api_key}",
        alg=alg,
        verify=verify,
    )


def reference_scenario(name: str, spec: reference.ReferenceSpec) -> Scenario:
    """The client credentials token request to node-oidc-provider, form-encoded, client_secret_basic."""
    return Scenario(
        name,
        "POST",
        reference.TOKEN_PATH,
        body=reference.token_request_body(),
        content_type="application/x-www-form-urlencoded",
        authorization=spec.authorization,
        alg=spec.alg,
        reference=spec,
    )


def scenarios(credentials: Mapping[str, Any], reference_workers: int, bare_api_key: str) -> list[Scenario]:
    """The trivial endpoint (broker, bare), then per algorithm: the reference, (for ES256) the bare mint, the
    broker, (for ES256) the launch-link mint, the broker with verify.

    Each reference phase runs right before the broker phases it is compared with, and verify right
    after its plain phase, so a slow change in the machine's other load skews a ratio as little as
    the order allows.
    """
    api_key = str(credentials["apiKey"])
    profiles = credentials["profiles"]
    client_secret = reference.new_client_secret()

    def spec(alg: str, audience: str) -> reference.ReferenceSpec:
        return reference.ReferenceSpec(
            alg, SCENARIO_PAYLOAD, audience, TOKEN_TTL_SECONDS, reference_workers, client_secret
        )

    es256 = broker_scenario("ES256", api_key, profiles["generic"], "ES256", verify=False)
    link_body = json.dumps({"profileKey": profiles[LINK_PROFILE], "payload": LINK_PAYLOAD})
    return [
        Scenario("GET /healthz", "GET", "/healthz"),
        Scenario("bare /healthz", "GET", "/healthz", bare=True),
        reference_scenario("ref ES256", spec("ES256", devseed.SANDBOX_AUDIENCE)),
        dataclasses.replace(es256, name="bare ES256", authorization=f"Bearer {bare_api_key}", bare=True),
        es256,
        dataclasses.replace(es256, name="ES256 launch link", body=link_body, payload=LINK_PAYLOAD, link=True),
        broker_scenario("ES256 verify", api_key, profiles["generic"], "ES256", verify=True),
        reference_scenario("ref RS256-2048", spec("RS256", RS256_AUDIENCE)),
        broker_scenario("RS256-2048", api_key, profiles[RS256_PROFILE], "RS256", verify=False),
        broker_scenario("RS256-2048 verify", api_key, profiles[RS256_PROFILE], "RS256", verify=True),
    ]


def check_broker(port: int, scenario: Scenario) -> None:
    """One plain request: 200, and for generateJWT a token with the expected alg and payload (and `verified`)."""
    body = scenario.body.encode() if scenario.body is not None else None
    status, raw = http_request(port, scenario.method, scenario.path, body, scenario.headers)
    if status != 200:
        raise BenchError(f"{scenario.name}: expected 200 before load, got {status}: {raw[:500]!r}")
    if scenario.alg is None:
        return
    answer = json.loads(raw)
    if answer.get("alg") != scenario.alg or not isinstance(answer.get("token"), str):
        raise BenchError(f"{scenario.name}: expected an {scenario.alg} token, got {raw[:500]!r}")
    check_jwt(scenario.name, answer["token"], scenario.alg, scenario.payload)
    if scenario.link != ("linkId" in answer):
        raise BenchError(f"{scenario.name}: expected {'a' if scenario.link else 'no'} launch link, got {raw[:500]!r}")
    if scenario.verify and answer.get("verified") is not True:
        raise BenchError(f"{scenario.name}: asked to verify but the answer has no verified=true")


def run_wrk(wrk: str, port: int, scenario: Scenario, seconds: int, config: BenchConfig) -> dict[str, Any]:
    """One wrk run of `scenario`; the numbers from load.lua's result line."""
    env = dict(
        os.environ,
        BENCH_METHOD=scenario.method,
        BENCH_BODY=scenario.body or "",
        BENCH_CONTENT_TYPE=scenario.content_type or "",
        BENCH_AUTHORIZATION=scenario.authorization or "",
    )
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


def summarise(
    scenario: Scenario, numbers: dict[str, Any], cpu: dict[str, float], secrets_calls: int, rss_mb: list[float]
) -> dict[str, Any]:
    """One table row from wrk's numbers (µs), the phase's CPU and Secrets Manager counts, and worker memory."""
    seconds = numbers["duration_us"] / 1e6
    return {
        "scenario": scenario.name,
        "server": scenario.server,
        "alg": scenario.alg,
        "verify": scenario.verify,
        "requests": numbers["requests"],
        "seconds": seconds,
        "rps": numbers["requests"] / seconds if seconds else 0.0,
        "p50_ms": numbers["p50_us"] / 1000,
        "p90_ms": numbers["p90_us"] / 1000,
        "p99_ms": numbers["p99_us"] / 1000,
        "max_ms": numbers["max_us"] / 1000,
        "non2xx": numbers["non2xx"],
        "wrk_status_errors": numbers["wrk_status_errors"],
        "socket_errors": numbers["socket_errors"],
        "secrets_manager_calls": secrets_calls,
        "worker_rss_mb": rss_mb,
        **cpu,
        "wrk_output": numbers["wrk_output"],
    }


def measure(
    wrk: str,
    target: Target,
    scenario: Scenario,
    config: BenchConfig,
    calls: SecretsCalls,
    seconds: int | None = None,
    warmup: int | None = None,
) -> dict[str, Any]:
    """Warm up (worker caches, connections), then load one scenario and summarise it.

    Memory is read right after the load, while the workers still hold what it made them allocate.
    """
    warmup = config.warmup if warmup is None else warmup
    if warmup:
        run_wrk(wrk, target.port, scenario, warmup, config)
    before, cpu_before = calls.count(), target.meter.sample()
    numbers = run_wrk(wrk, target.port, scenario, seconds or config.duration, config)
    cpu = cpu_usage(cpu_before, target.meter.sample(), numbers["requests"])
    rss = target.meter.worker_rss_mb()
    row = summarise(scenario, numbers, cpu, calls.settled_count() - before, rss)
    print(
        f"  {scenario.name:<18} {row['rps']:8.1f} req/s  p50 {row['p50_ms']:.1f} ms  p99 {row['p99_ms']:.1f} ms  "
        f"server {row['server_cores']:.2f} / wrk {row['wrk_cores']:.2f} / other {row['other_cores']:.2f} cores",
        flush=True,
    )
    return row


def run_phase(
    wrk: str, tools: reference.NodeTools, broker: Broker, scenario: Scenario, config: BenchConfig
) -> dict[str, Any]:
    """One scenario on its server: the reference is started for it and stopped after; the broker idles meanwhile."""
    if scenario.bare:
        if scenario.alg is not None:
            bare.check_token(broker.bare, (scenario.body or "").encode(), scenario.payload, scenario.name)
        return measure(wrk, Target(broker.bare.port, broker.bare.meter), scenario, config, broker.calls)
    if scenario.reference is None:
        check_broker(broker.port, scenario)
        return measure(wrk, Target(broker.port, broker.meter), scenario, config, broker.calls)
    with reference.running_reference(tools, scenario.reference) as server:
        reference.check_token(server, scenario.name)
        return measure(wrk, Target(server.port, server.meter), scenario, config, broker.calls)


def repeat_rounds(
    rows: list[dict[str, Any]],
    again: list[Scenario],
    config: BenchConfig,
    wrk: str,
    tools: reference.NodeTools,
    broker: Broker,
) -> list[dict[str, Any]]:
    """BENCH_ROUNDS - 1 more rounds of `again` in order (broker and bare alternate); each scenario's rounds pooled."""
    if config.rounds < 2:
        return rows
    extra: dict[str, list[dict[str, Any]]] = {scenario.name: [] for scenario in again}
    for number in range(2, config.rounds + 1):
        print(f"round {number} of {config.rounds}", flush=True)
        for scenario in again:
            extra[scenario.name].append(run_phase(wrk, tools, broker, scenario, config))
    return [pooled([row, *extra[row["scenario"]]]) if row["scenario"] in extra else row for row in rows]


def pooled(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """One row from a scenario's rounds: requests and seconds summed (so req/s and CPU per request are over all
    of them), latencies the median round's, memory the last round's; `rounds` keeps each round's own figures."""
    requests, seconds = sum(row["requests"] for row in rounds), sum(row["seconds"] for row in rounds)
    cpu_ms = sum(row["server_cpu_ms_per_request"] * row["requests"] for row in rounds)
    row = dict(rounds[-1])
    row.update(
        requests=requests,
        seconds=seconds,
        rps=requests / seconds if seconds else 0.0,
        server_cpu_ms_per_request=cpu_ms / requests if requests else 0.0,
        **{name: statistics.median(r[name] for r in rounds) for name in ("p50_ms", "p90_ms", "p99_ms", "max_ms")},
        **{name: statistics.fmean(r[name] for r in rounds) for name in ("server_cores", "wrk_cores", "other_cores")},
        **{name: sum(r[name] for r in rounds) for name in COUNTED},
        rounds=[
            {"rps": r["rps"], "server_cpu_ms_per_request": r["server_cpu_ms_per_request"], "p99_ms": r["p99_ms"]}
            for r in rounds
        ],
    )
    return row


def loaded_period(started: float, calls_before: int, broker: Broker) -> dict[str, Any]:
    """Secrets Manager calls between the first phase's start and the last phase's end, with the schedule's inputs."""
    calls = broker.calls.settled_count() - calls_before
    return {
        "seconds": round(time.monotonic() - started, 1),
        "secrets_manager_calls": calls,
        "workers": broker.workers,
        "keysets": broker.keysets,
        "refresh_seconds": broker.refresh_seconds,
    }


def sustained_phase(wrk: str, broker: Broker, config: BenchConfig) -> dict[str, Any]:
    """BENCH_SUSTAIN seconds of ES256 without warm-up (the workers are warm): Secrets Manager calls over time."""
    api_key, profile_key = str(broker.credentials["apiKey"]), broker.credentials["profiles"]["generic"]
    scenario = broker_scenario("ES256 sustained", api_key, profile_key, "ES256", verify=False)
    print(f"sustained ES256 load for {config.sustain} s", flush=True)
    check_broker(broker.port, scenario)
    started = time.monotonic()
    row = measure(wrk, Target(broker.port, broker.meter), scenario, config, broker.calls, config.sustain, warmup=0)
    row["sustained"] = True
    row["loaded_seconds"] = round(time.monotonic() - started, 1)
    return row


# --- raw signing ---------------------------------------------------------------------------------
def signing_costs(count: int) -> dict[str, dict[str, float]]:
    """In-process µs per token for service.tokens.claims.sign, and for the self-verify against the parsed JWKS."""
    costs: dict[str, dict[str, float]] = {}
    for label, alg in (("ES256", "ES256"), ("RS256-2048", "RS256")):
        key = parse_signing_key(generate_private_key_pem(alg, reference.RSA_BITS), alg, "bench")
        now = int(time.time())
        claims = tokens.build_claims(
            SCENARIO_PAYLOAD, issuer="bench", audience="bench-rp", issued_at=now, ttl_seconds=TOKEN_TTL_SECONDS
        )
        token = tokens.sign(claims, key)
        # As Minter._self_verify: the published JWKS parsed once (it keeps it per ETag), then one verify per token.
        keys = verifier.StaticKeys(json.loads(json.dumps(jwks_document([key]))))
        expect = verifier.Expectations(issuer="bench", audience="bench-rp")
        costs[label] = {
            "sign_us": _best_us(functools.partial(tokens.sign, claims, key), count),
            "verify_us": _best_us(functools.partial(verifier.verify, token, expect, keys, now=now), count),
        }
    return costs


def _best_us(fn: Callable[[], object], number: int, repeat: int = 3) -> float:
    """Fastest of `repeat` timings, in µs per call: the least disturbed by other processes."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


# --- orchestration -------------------------------------------------------------------------------
def _raise_on_sigterm(signum: int, _frame: FrameType | None) -> None:
    # SIGTERM becomes an exception, so the `finally` that stops the children runs as for Ctrl-C.
    raise SystemExit(128 + signum)


@contextmanager
def running_broker(
    config: BenchConfig, prepare: Callable[[Mapping[str, str], dict[str, Any]], None] | None = None
) -> Iterator[Broker]:
    """Emulator, database, seed, RS256 profile and gunicorn; stopped again whatever happens.

    `prepare(env, credentials)` adds a scenario's own data (bench/webhooks.py) before gunicorn starts.
    """
    children = Children()
    with tempfile.TemporaryDirectory(prefix="broker-bench-") as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        try:
            emulator_port, port = free_ports(2)
            database = stack.enter_context(bench_database(tmp))
            env = broker_env(port, emulator_port, config, database.url)
            emulator_log = tmp / "emulator.log"
            print(f"starting the Secrets Manager emulator on {HOST}:{emulator_port}", flush=True)
            emulator = children.start(
                [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(emulator_port)], env, emulator_log
            )
            wait_until_ready(emulator, emulator_port, None, emulator_log, "the Secrets Manager emulator")
            calls = SecretsCalls(emulator_log)

            print(f"migrating and seeding a temporary {database.label} database", flush=True)
            flask_cli(env, "db", "upgrade")
            credentials = seed_dev(env, tmp)
            print("creating the RS256-2048 keyset and profile", flush=True)
            credentials["profiles"][RS256_PROFILE] = create_rs256_profile(env)
            if prepare is not None:
                prepare(env, credentials)
            keysets, refresh_seconds = schedule_facts(env)
            if calls.count() == 0:
                raise BenchError(
                    f"no Secrets Manager calls seen in the emulator's log; cannot count them:\n{tail(emulator_log)}"
                )

            broker_log = tmp / "gunicorn.log"
            print(f"starting gunicorn (gunicorn.conf.py) on {HOST}:{port}", flush=True)
            server = children.start([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], env, broker_log)
            wait_until_ready(server, port, "/healthz", broker_log, "gunicorn")
            meter = CpuMeter(server.pid)
            workers = settled_worker_count(meter)
            if not workers:
                raise BenchError(f"cannot see gunicorn's workers in /proc; cannot meter them:\n{tail(broker_log)}")
            bare_server = stack.enter_context(bare.running_bare(env, tmp))
            print(f"bare Flask app (bench/bare_app.py) under gunicorn.conf.py on {HOST}:{bare_server.port}", flush=True)
            yield Broker(
                port, credentials, calls, meter, workers, keysets, refresh_seconds, bare_server, database.label
            )
            if server.poll() is not None:
                raise BenchError(f"gunicorn exited during the run:\n{tail(broker_log)}")
        finally:
            children.stop_all()


def settled_worker_count(meter: CpuMeter, quiet_seconds: float = 0.5, timeout: float = 10.0) -> int:
    """How many workers gunicorn runs: it spawns them a random pause (up to 0.1 s) apart, so the first one
    may answer before the last exists; the count is taken once it has not changed for `quiet_seconds`."""
    count, stable_since, deadline = len(meter.workers()), time.monotonic(), time.monotonic() + timeout
    while time.monotonic() - stable_since < quiet_seconds and time.monotonic() < deadline:
        time.sleep(0.05)
        now_count = len(meter.workers())
        if now_count != count:
            count, stable_since = now_count, time.monotonic()
    return count


def run(config: BenchConfig) -> dict[str, Any]:
    """The whole benchmark: setup, every phase in order, raw signing costs; the result document."""
    wrk = ensure_wrk()
    tools = reference.prepare()
    rows: list[dict[str, Any]] = []
    with running_broker(config) as broker:
        reference_workers = config.reference_workers or broker.workers
        print(
            f"workers: gunicorn {broker.workers}, node-oidc-provider {tools.provider_version} "
            f"(node {tools.node_version}) {reference_workers}; load: wrk -t{config.threads} -c{config.connections}, "
            f"{config.warmup} s warm-up + {config.duration} s per scenario; broker rate limits counted in "
            f"{'Redis' if config.redis_url else 'each process'}",
            flush=True,
        )
        started, calls_before = time.monotonic(), broker.calls.count()
        phases = scenarios(broker.credentials, reference_workers, broker.bare.api_key)
        for scenario in phases:
            rows.append(run_phase(wrk, tools, broker, scenario, config))
        rows = repeat_rounds(rows, [s for s in phases if s.name in ROUND_SCENARIOS], config, wrk, tools, broker)
        period = loaded_period(started, calls_before, broker)
        if config.sustain:
            rows.append(sustained_phase(wrk, broker, config))
    print(f"timing raw signing in-process ({config.signatures} signatures per timing)", flush=True)
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cores": cores(),
            "python": sys.version.split()[0],
            "wrk": _wrk_version(wrk),
            "node": tools.node_version,
        },
        "config": {
            **dataclasses.asdict(config),
            "gunicorn_workers": broker.workers,
            "reference_workers": reference_workers,
            "reference": f"oidc-provider {tools.provider_version}",
            "database": broker.database,
        },
        "scenarios": rows,
        "loaded_period": period,
        "signing": signing_costs(config.signatures),
    }


def main() -> int:
    """Run, save and print the benchmark; exit status 1 if it could not measure."""
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
    report.derive(result)
    report.write_results(result)
    report.print_report(result)
    print(f"whole run: {result['elapsed_seconds']} s")
    with suppress(BrokenPipeError):
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
