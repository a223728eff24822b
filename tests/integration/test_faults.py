"""Faults under load (issue 13), an operator's chaos day in about a minute.

Two broker instances (gunicorn, 2 workers each) on PostgreSQL, a Redis and a Secrets Manager (moto) of the
test's own serve a steady load: generateJWT plain, with an Idempotency-Key and its replay on the other
instance, and launch links, each used twice at once. Meanwhile, one after the other: a worker is SIGKILLed
while its request holds an Idempotency-Key (its mail server hangs), PostgreSQL ends every connection of the
broker, Redis is away for a while, PostgreSQL ends them all again while requests wait inside it (on a lock
the test holds), and Secrets Manager is away for a while. The figures of the run are printed (pytest -s).

Then it holds that no answer was a 500; that a 503 (with Retry-After) or a 409 idempotency_in_progress came
only inside a fault's window (its start to GRACE_SECONDS after its end), and a broken connection only to the
killed request; that every request id that got 200 has exactly one audit row, "ok", that no other request has
an "ok" row and that only a request that got no answer may have a row anyway; that no Idempotency-Key stays
blocked past its lease (after it, a retry of every key used gets 200); and that no link was used twice.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import math
import os
import secrets
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests

from service.db import migrate as migrations
from service.wiring import services
from tests.support.apps import build_app, seed_dev
from tests.support.aws import Emulator
from tests.support.cluster import PUBLIC_URL, broker_cluster, production_settings
from tests.support.databases import POSTGRES_ADMIN_URL, PrivateRedis, postgres_database
from tests.support.links import FROM_ITS_PAGE
from tests.support.mail import FROM_QUERY, MEMBER
from tests.support.privacy import WATCH
from tests.support.processes import connected_to
from tests.support.servers import Gunicorn, mint_over_http
from tests.support.smtp import Collector, smtp_server
from tests.support.waiting import wait_until

# Short, so the test can wait one out: no request of this test runs longer, but the killed one never ends.
LEASE_SECONDS = 10
# A fault's effects may outlast it this long (a request sent just before it ended, a pool reconnecting).
GRACE_SECONDS = 2.0
# How long Redis and Secrets Manager stay away, and the load runs with nothing broken between two faults.
OUTAGE_SECONDS = 5.0
CALM_SECONDS = 4.0
# The load: threads, each pausing this long between two of its actions, and the least answers of a stretch.
LOAD_THREADS = 3
PACE_SECONDS = 0.1
STRETCH_ANSWERS = 20
REQUEST_TIMEOUT = 10.0

Send = Callable[[dict[str, str]], requests.Response]


@dataclasses.dataclass
class Cluster:
    """The test's world: two instances, their dev credentials, and the services it breaks and mends."""

    servers: list[Gunicorn]
    creds: dict[str, Any]
    database_url: str
    redis: PrivateRedis
    secrets_manager: Emulator
    mailbox: Collector
    smtp_port: int
    logs: Path

    def log(self) -> str:
        """What both instances have logged so far."""
        return "".join(path.read_text() for path in sorted(self.logs.glob("instance-*.log")))


@dataclasses.dataclass
class Call:
    """One request and what came back; `status` is None when the connection broke instead of answering."""

    kind: str
    request_id: str
    send: Send
    key: str | None = None
    sent: float = 0.0
    answered: float = 0.0
    status: int | None = None
    error: str | None = None
    retry_after: str | None = None
    code: str | None = None
    # For a 200: the request id whose audit row stands for it (the first request's, for a replay).
    audited_as: str | None = None
    replayed: bool = False
    link: str | None = None  # the path of the link it made or used


@dataclasses.dataclass
class Window:
    name: str
    start: float
    end: float = math.inf


class Faults:
    """The fault windows: each from the fault's start to GRACE_SECONDS after its end."""

    def __init__(self) -> None:
        self.windows: list[Window] = []

    @contextlib.contextmanager
    def window(self, name: str) -> Iterator[None]:
        window = Window(name, time.monotonic())
        self.windows.append(window)
        try:
            yield
        finally:
            window.end = time.monotonic() + GRACE_SECONDS

    def covering(self, call: Call) -> Window | None:
        """The window the call overlapped, if any."""
        return next((w for w in self.windows if call.sent <= w.end and call.answered >= w.start), None)


class Load:
    """Threads calling both instances until stopped; every call is kept with its timing and its answer."""

    def __init__(self, cluster: Cluster) -> None:
        self.bases = [server.base for server in cluster.servers]
        self.creds = cluster.creds
        self.calls: list[Call] = []
        self._ids = itertools.count()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(LOAD_THREADS)]

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(REQUEST_TIMEOUT * 3)

    def answered(self) -> int:
        with self._lock:
            return sum(call.status is not None for call in self.calls)

    def ok_ids(self) -> set[str]:
        """The request ids whose audit rows stand for the 200s so far."""
        with self._lock:
            return {call.audited_as for call in self.calls if call.audited_as}

    def call(self, kind: str, send: Send, key: str | None = None, link: str | None = None) -> Call:
        """Send one request under a request id of the test's, and keep what came back."""
        request_id = f"fault-{next(self._ids):05d}-{secrets.token_hex(4)}"
        call = Call(kind, request_id, send, key, sent=time.monotonic(), link=link)
        try:
            response = send({"X-Request-Id": call.request_id})
        except requests.RequestException as error:
            call.error = type(error).__name__
        else:
            _note_answer(call, response)
        call.answered = time.monotonic()
        with self._lock:
            self.calls.append(call)
        return call

    def mint(
        self, base: str, profile: str = "generic", key: str | None = None, credential: str = "apiKey", **extra: Any
    ) -> Send:
        """generateJWT on `base` for a seeded profile, with an Idempotency-Key if given; `extra` joins the body.

        `credential` names the dev seed's API key: "apiKey" (links:long, links:email) or "adminApiKey" (every scope).
        """
        api_key = self.creds[credential]
        idempotency = {"Idempotency-Key": key} if key else {}

        def send(headers: dict[str, str]) -> requests.Response:
            return mint_over_http(base, api_key, self.creds, profile, headers={**headers, **idempotency}, **extra)

        return send

    def _run(self, number: int) -> None:
        actions = (self._plain, self._idempotent, self._link)
        for step in itertools.count(number):
            # Pacing, and the signal to stop: a small steady load, not a flood.
            if self._stop.wait(PACE_SECONDS):
                return
            actions[step % len(actions)](self.bases[step % 2], self.bases[(step + 1) % 2])

    def _plain(self, base: str, _other: str) -> None:
        self.call("mint", self.mint(base))

    def _idempotent(self, base: str, other: str) -> None:
        key = f"load-{secrets.token_hex(8)}"
        self.call("keyed", self.mint(base, key=key), key)
        self.call("keyed", self.mint(other, key=key), key)

    def _link(self, base: str, other: str) -> None:
        made = self.call("link", self.mint(base, "exorlive-main"))
        if made.link is None:
            return
        second = threading.Thread(target=self._use, args=(other, made.link))
        second.start()
        self._use(base, made.link)
        second.join()

    def _use(self, base: str, path: str) -> None:
        def send(headers: dict[str, str]) -> requests.Response:
            return requests.post(
                base + path, headers={**FROM_ITS_PAGE, **headers}, allow_redirects=False, timeout=REQUEST_TIMEOUT
            )

        self.call("use", send, link=path)


def _note_answer(call: Call, response: requests.Response) -> None:
    call.status = response.status_code
    call.retry_after = response.headers.get("Retry-After")
    if response.headers.get("Content-Type") == "application/problem+json":
        call.code = response.json()["code"]
    if response.status_code != 200:
        return
    if call.kind == "use":
        call.audited_as = call.request_id
        return
    body = response.json()
    call.audited_as = body["requestId"]
    call.replayed = response.headers.get("Idempotent-Replayed") == "true"
    if "/l/" in body["url"]:
        call.link = "/l/" + body["url"].rsplit("/l/", 1)[1]
        WATCH.watch(call.link.rsplit("/", 1)[1])


@pytest.fixture
def secrets_manager() -> Iterator[Emulator]:
    """A moto server of this test's own, to stop and start (the session's emulator is shared)."""
    server = Emulator()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def cluster(private_redis: PrivateRedis, secrets_manager: Emulator, tmp_path: Path) -> Iterator[Cluster]:
    mailbox = Collector()
    with smtp_server(mailbox) as smtp_port, postgres_database() as database_url:
        migrations.upgrade(database_url)
        settings = production_settings(
            database_url,
            private_redis.url,
            secrets_manager.url,
            # Keys are re-read every second, so the refreshers really meet the Secrets Manager outage.
            SECRET_REFRESH_SECONDS="1",
            IDEMPOTENCY_LEASE_SECONDS=str(LEASE_SECONDS),
            RATE_LIMIT="1000000/minute",
            SMTP_URL=f"smtp://127.0.0.1:{smtp_port}?{FROM_QUERY}",
        )
        app = build_app(settings)
        creds = seed_dev(app, str(tmp_path), PUBLIC_URL)
        services(app).db.engine.dispose()
        with broker_cluster(settings, tmp_path) as servers:
            try:
                yield Cluster(
                    servers, creds, database_url, private_redis, secrets_manager, mailbox, smtp_port, logs=tmp_path
                )
            finally:
                mailbox.hold.clear()  # a test that failed mid-kill leaves no hanging handler behind


def _stretch(load: Load, seconds: float) -> None:
    """Let the load run for `seconds` and at least STRETCH_ANSWERS more answers."""
    until, goal = time.monotonic() + seconds, load.answered() + STRETCH_ANSWERS
    wait_until(
        lambda: time.monotonic() >= until and load.answered() >= goal,
        timeout=seconds + 30,
        what=f"{STRETCH_ANSWERS} answers in {seconds:g} s",
    )


def _database(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(url, autocommit=True, connect_timeout=5)


def _cut_connections(database_url: str, spare: int = 0) -> int:
    """End every connection PostgreSQL has open to the broker's database (but `spare`), as a failover would."""
    with _database(POSTGRES_ADMIN_URL) as admin:
        ended = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            (database_url.rsplit("/", 1)[1], spare),
        ).fetchall()
    return len(ended)


def _cut_connections_mid_statement(database_url: str) -> int:
    """As `_cut_connections`, while requests wait inside PostgreSQL: on a lock this test holds on launch_links.

    Idle connections are caught by the pool's pre-ping; these die under a statement (making or using a link,
    writes that are not retried), so their requests must answer 503 with Retry-After and use no link.
    """

    def waiting() -> bool:
        with _database(POSTGRES_ADMIN_URL) as admin:
            query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'"
            row = admin.execute(query, (database_url.rsplit("/", 1)[1],)).fetchone()
        return row is not None and row[0] > 0

    with _database(database_url) as holder, holder.transaction():
        holder.execute("LOCK TABLE launch_links IN EXCLUSIVE MODE")
        wait_until(waiting, timeout=REQUEST_TIMEOUT, what="a request to wait on the lock")
        return _cut_connections(database_url, spare=holder.info.backend_pid)


def _audit_rows(database_url: str) -> list[tuple[str, str, str, Any]]:
    """(request id, action, outcome, detail) of every audit row."""
    with _database(database_url) as connection:
        return connection.execute("SELECT request_id, action, outcome, detail FROM audit_events").fetchall()


def _all_audited(load: Load, cluster: Cluster) -> bool:
    """Whether every 200 so far has an audit row in the database."""
    return load.ok_ids() <= {row[0] for row in _audit_rows(cluster.database_url)}


def _away(load: Load, server: PrivateRedis | Emulator) -> None:
    """Stop `server` while the load runs for OUTAGE_SECONDS, then start it again on the same port."""
    server.stop()
    _stretch(load, OUTAGE_SECONDS)
    server.start()


def _kill_a_worker_mid_request(cluster: Cluster, load: Load, faults: Faults) -> Call:
    """SIGKILL the worker whose request holds an Idempotency-Key while its mail server hangs; that request."""
    key = f"killed-{secrets.token_hex(8)}"
    send = load.mint(cluster.servers[0].base, key=key, credential="adminApiKey", email={"to": MEMBER})
    cluster.mailbox.hold.set()
    caller = threading.Thread(target=load.call, args=("killed", send, key))
    caller.start()
    wait_until(lambda: cluster.mailbox.held, timeout=REQUEST_TIMEOUT, what="the mail of the request to kill to hang")
    [victim] = connected_to(cluster.servers[0].workers(), cluster.smtp_port)
    # No wait for the rows of the answers so far: they are on disk (service/audit/writer.py), and the next worker
    # inserts what this one could not; the check at the end finds the row of every 200.
    with faults.window("worker killed"):
        os.kill(victim, signal.SIGKILL)
        caller.join(REQUEST_TIMEOUT)
        blocked = load.call("blocked", send, key)
        cluster.mailbox.hold.clear()
        wait_until(
            lambda: len(cluster.servers[0].workers()) == 2 and victim not in cluster.servers[0].workers(),
            timeout=30,
            what="gunicorn to replace the killed worker",
        )
    # The key is still held by the request that died: a retry has to wait for the lease.
    assert (blocked.status, blocked.code) == (409, "idempotency_in_progress"), blocked
    [killed] = [call for call in load.calls if call.kind == "killed"]
    assert killed.status is None, killed
    return killed


def _retry_every_key(load: Load, killed: Call) -> list[Call]:
    """Once the killed request's lease is over, the same request again for every Idempotency-Key used."""
    wait_until(lambda: time.monotonic() - killed.sent >= LEASE_SECONDS, timeout=LEASE_SECONDS, what="the lease")
    first = {call.key: call for call in reversed(load.calls) if call.key}
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda call: load.call("retry", call.send, call.key), first.values()))


def _check_answers(load: Load, faults: Faults) -> None:
    """No 500; 503 and 409 only in a window, with Retry-After; a broken connection only for the killed request."""
    allowed: dict[str, set[int | None]] = {"use": {200, 410}, "killed": {None}, "blocked": {409}}
    for call in load.calls:
        if call.kind not in ("killed", "blocked") and call.status in (503, 409):
            assert faults.covering(call) is not None, f"{call.status} outside every fault window: {call}"
            assert call.retry_after is not None, call
            assert int(call.retry_after) >= 1, call
            assert call.status == 503 or call.code == "idempotency_in_progress", call
            continue
        assert call.status in allowed.get(call.kind, {200}), call


def _check_retries(retries: list[Call], load: Load) -> None:
    """Every key is free again: a key that got 200 replays it, any other runs now, none is still running."""
    answered = {call.key for call in load.calls if call.status == 200 and call.kind != "retry"}
    for retry in retries:
        assert retry.status == 200, retry
        assert retry.replayed == (retry.key in answered), retry


def _check_audit(load: Load, rows: list[tuple[str, str, str, Any]]) -> None:
    """One row for each 200 ("ok"), none "ok" for another answer, rows only of requests this test sent."""
    rows_of = Counter(row[0] for row in rows)
    ok = {row[0] for row in rows if row[2] == "ok"}
    sent = {call.request_id for call in load.calls}
    assert set(rows_of) <= sent, f"rows of requests never sent: {set(rows_of) - sent}"
    assert [rid for rid, count in rows_of.items() if count > 1] == [], "request ids with more than one row"
    missing = [call for call in load.calls if call.status == 200 and call.audited_as not in ok]
    assert missing == [], "200s without their ok row"
    for call in load.calls:
        if call.status == 200 and not call.replayed:
            assert call.audited_as == call.request_id, call
        elif call.status is not None and call.status != 200:
            assert call.request_id not in ok, f"an ok row for a request that got {call.status}: {call}"


def _check_links(load: Load, rows: list[tuple[str, str, str, Any]], database_url: str) -> None:
    """No link used twice: not over HTTP, not in the audit, not in the database."""
    made = {call.link for call in load.calls if call.kind == "link" and call.link}
    uses = Counter(call.link for call in load.calls if call.kind == "use" and call.status == 200)
    assert made, "the load made no link"
    assert uses, "the load used no link"
    assert [link for link, count in uses.items() if count > 1] == [], "links used twice over HTTP"
    used = Counter(row[3]["link"] for row in rows if row[1] == "link.used" and row[2] == "ok")
    assert [link for link, count in used.items() if count > 1] == [], "links audited as used twice"
    with _database(database_url) as connection:
        overused = connection.execute("SELECT public_id FROM launch_links WHERE uses > max_uses").fetchall()
        assert overused == []
        assert connection.execute("SELECT max(max_uses) FROM launch_links").fetchone() == (1,)


# What the broker logs when it meets each fault: proof that the fault really happened to it.
FELT = {
    "worker killed": "was sent SIGKILL",
    "Redis away": "rate_limit.redis_unreachable",
    "Secrets Manager away": "secrets manager read failed",
}
# What it logs when a cut connection met a statement: retried, or (not retried) answered 503.
CUT_MID_STATEMENT = ("database connection lost; retrying once on a fresh one", "database unavailable")


def _report(load: Load, faults: Faults, cut: list[int], took: float, log: str) -> None:
    failed = (None, 409, 503)
    statuses = Counter((call.kind, call.status) for call in load.calls)
    print(f"fault test: {len(load.calls)} requests in {took:.1f} s; connections cut: {cut}")
    print("  by kind and status: " + ", ".join(f"{k} {s}: {n}" for (k, s), n in sorted(statuses.items(), key=str)))
    for window in faults.windows:
        hit = Counter(call.status for call in load.calls if faults.covering(call) is window and call.status in failed)
        print(f"  {window.name}: {window.end - window.start - GRACE_SECONDS:.1f} s (+{GRACE_SECONDS:g} s), {dict(hit)}")
    broken = [f"{call.kind} {call.error}" for call in load.calls if call.status is None]
    print(f"  broken connections: {broken}")
    print("  broker log: " + ", ".join(f"{line!r} x{log.count(line)}" for line in (*FELT.values(), *CUT_MID_STATEMENT)))


def test_faults_under_load_lose_nothing_and_block_nothing(cluster: Cluster) -> None:
    faults, cut = Faults(), []
    started = time.monotonic()
    with Load(cluster) as load:
        _stretch(load, CALM_SECONDS)
        killed = _kill_a_worker_mid_request(cluster, load, faults)
        schedule: list[tuple[str, Callable[[], object]]] = [
            ("connections cut", lambda: cut.append(_cut_connections(cluster.database_url))),
            ("Redis away", lambda: _away(load, cluster.redis)),
            ("connections cut mid-statement", lambda: cut.append(_cut_connections_mid_statement(cluster.database_url))),
            ("Secrets Manager away", lambda: _away(load, cluster.secrets_manager)),
        ]
        for name, fault in schedule:
            _stretch(load, CALM_SECONDS)
            with faults.window(name):
                fault()
        _stretch(load, CALM_SECONDS)
    retries = _retry_every_key(load, killed)
    # Rows go in off the request path (and after an outage from a spool): wait for those of every 200.
    wait_until(lambda: _all_audited(load, cluster), timeout=20, what="an audit row for every 200")
    rows = _audit_rows(cluster.database_url)
    log = cluster.log()
    _report(load, faults, cut, time.monotonic() - started, log)
    assert all(cut), "the database had no connection of the broker to cut"
    assert [fault for fault, line in FELT.items() if line not in log] == [], "faults the broker never met"
    # The killed request's mail never went out (its server hung before the recipient); the retry's did.
    assert len(cluster.mailbox.envelopes) == 1
    _check_answers(load, faults)
    _check_retries(retries, load)
    with _database(cluster.database_url) as connection:
        assert connection.execute("SELECT count(*) FROM idempotency_records WHERE state = 'running'").fetchone() == (0,)
    _check_audit(load, rows)
    _check_links(load, rows, cluster.database_url)
