"""/metrics under gunicorn: the same counts whichever of two workers answers, and a dead worker keeps its counts."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector

from service import metrics
from service.db import migrate as migrations
from service.wiring import services
from tests.support.api import bearer
from tests.support.apps import build_app, seed_dev
from tests.support.metrics import GENERATE_ROUTE, Samples, minted, parse, requests_of, value
from tests.support.paths import ROOT
from tests.support.ports import free_port
from tests.support.privacy import WATCH
from tests.support.servers import run_gunicorn
from tests.support.waiting import wait_until

WORKERS = 2


MINTS = 40


HEALTH_CHECKS = 15


SCRAPES = 8


_MAX_MINTS = 5 * MINTS


_START_TIMEOUT_SECONDS = 30


def _write_files(directory: Path, statement: str, pattern: str) -> list[Path]:
    """Run `statement` in another process writing metrics to `directory`; the files it made."""
    before = set(directory.glob(pattern))
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(directory)}
    subprocess.run([sys.executable, "-c", f"from service import metrics\n{statement}"], cwd=ROOT, env=env, check=True)
    made = sorted(set(directory.glob(pattern)) - before)
    assert made
    return made


@contextlib.contextmanager
def _gunicorn(emulator: str, tmp_path: Path, metrics_dir: Path | None) -> Iterator[dict[str, Any]]:
    """The broker under gunicorn with production settings, two workers and SQLite.

    With `metrics_dir`, the operator sets PROMETHEUS_MULTIPROC_DIR; without, gunicorn.conf.py makes its own.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    database_url = f"sqlite:///{tmp_path / 'broker.sqlite3'}"
    settings = {
        "BROKER_ENV": "production",
        "DATABASE_URL": database_url,
        "SUBJECT_HASH_KEY": secrets.token_urlsafe(36),
        "SERVER_SECRET": secrets.token_urlsafe(36),
        # Production wants https: TLS ends at a proxy in front of this port.
        "PUBLIC_BASE_URL": "https://broker.metrics.test",
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
    }
    migrations.upgrade(database_url)
    app = build_app(settings)
    # The generic profile delivers by URL: nothing calls the relying party, so its address is a dummy.
    creds = seed_dev(app, str(tmp_path), "http://127.0.0.1:9")
    services(app).db.engine.dispose()
    env = {**os.environ, **settings, "PORT": str(port), "WEB_CONCURRENCY": str(WORKERS)}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.pop("BROKER_OWNS_METRICS_DIR", None)
    if metrics_dir is not None:
        env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    # Polled on /metrics, which counts nothing, so every request counted is one the test made.
    with run_gunicorn(env, tmp_path / "gunicorn.log", ready_path="/metrics", timeout=_START_TIMEOUT_SECONDS):
        yield {"base": base, "creds": creds}


@pytest.fixture
def gunicorn_broker(emulator: str, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """As deployed by the Procfile and `make run`: gunicorn.conf.py makes the metrics directory."""
    with _gunicorn(emulator, tmp_path, None) as broker:
        yield broker


@pytest.fixture
def metrics_dir(tmp_path: Path) -> Path:
    """An operator's metrics directory, holding what a previous run left: 1000 tokens gunicorn must wipe."""
    directory = tmp_path / "metrics"
    directory.mkdir()
    _write_files(directory, "for _ in range(1000): metrics.count_minted('generic', 'ES256', 'ok')", "counter_*.db")
    return directory


@pytest.fixture
def gunicorn_broker_in(emulator: str, tmp_path: Path, metrics_dir: Path) -> Iterator[dict[str, Any]]:
    """The broker under gunicorn writing its metrics to `metrics_dir`, which the test can look into."""
    with _gunicorn(emulator, tmp_path, metrics_dir) as broker:
        yield broker


def _scrape_http(base: str) -> Samples:
    response = requests.get(f"{base}/metrics", timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == CONTENT_TYPE_LATEST
    return parse(response.text)


def _minted_by_worker(directory: Path) -> Counter[str]:
    """Tokens minted per worker pid, from each worker's own counter file (named counter_<pid>.db)."""
    by_pid: Counter[str] = Counter()
    for path in directory.glob("counter_*.db"):
        for family in MultiProcessCollector.merge([str(path)]):
            for sample in family.samples:
                if sample.name == "broker_tokens_minted_total":
                    by_pid[path.stem.removeprefix("counter_")] += int(sample.value)
    return by_pid


def _assert_counts(base: str, mints: int = MINTS, health_checks: int | None = HEALTH_CHECKS) -> None:
    """The same totals in every scrape, whichever worker answers it; /metrics itself never counted."""
    count = "broker_request_duration_seconds_count"
    for _ in range(SCRAPES):
        samples = _scrape_http(base)
        assert value(samples, "broker_tokens_minted_total", **minted("generic")) == mints
        assert value(samples, count, **requests_of(GENERATE_ROUTE, "POST", 200)) == mints
        if health_checks is not None:
            assert value(samples, count, **requests_of("/healthz", "GET", 200)) == health_checks
        assert not [key for key in samples if ("route", metrics.METRICS_PATH) in key[1]]


def _mint(broker: dict[str, Any], count: int) -> None:
    """`count` generateJWT calls, concurrent, so both sync workers are busy and both take some."""
    base, creds = broker["base"], broker["creds"]
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-123"}}

    def mint(_: int) -> int:
        response = requests.post(f"{base}{GENERATE_ROUTE}", json=body, headers=bearer(creds["apiKey"]), timeout=10)
        if response.ok:
            WATCH.watch(response.json()["token"])
        return response.status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(mint, range(count)))
    assert statuses == [200] * count


def test_counts_match_the_requests_across_two_gunicorn_workers(gunicorn_broker: dict[str, Any]) -> None:
    _mint(gunicorn_broker, MINTS)
    assert all(requests.get(f"{gunicorn_broker['base']}/healthz", timeout=5).ok for _ in range(HEALTH_CHECKS))
    _assert_counts(gunicorn_broker["base"])


def test_each_worker_counts_its_share_and_a_dead_worker_keeps_its_counts(
    gunicorn_broker_in: dict[str, Any], metrics_dir: Path
) -> None:
    base = gunicorn_broker_in["base"]
    mints = 0
    by_worker: Counter[str] = Counter()
    # A worker still booting may miss a batch: more batches until both minted some.
    while len(by_worker) < WORKERS and mints < _MAX_MINTS:
        _mint(gunicorn_broker_in, MINTS)
        mints, by_worker = mints + MINTS, _minted_by_worker(metrics_dir)
    assert len(by_worker) == WORKERS, by_worker  # the previous run's file was wiped, and both workers minted
    assert all(by_worker.values()), by_worker
    assert sum(by_worker.values()) == mints
    _assert_counts(base, mints, health_checks=None)

    # A worker that dies keeps its counts (its counter file stays, so totals never go down), and
    # gunicorn's child_exit drops its live gauges (a frozen key age would otherwise stay the maximum).
    victim = next(iter(by_worker))
    gauge = metrics_dir / f"gauge_livemax_{victim}.db"
    if not gauge.exists():
        # This worker never set a key age: stand in a file of the same name, as if it had.
        made = _write_files(metrics_dir, "metrics.observe_key_age('dev-es256', 'AWSCURRENT', 99999)", "gauge_*.db")
        made[0].rename(gauge)
    assert value(_scrape_http(base), "broker_key_age_seconds", keyset="dev-es256", stage="AWSCURRENT") > 0
    os.kill(int(victim), signal.SIGKILL)
    wait_until(
        lambda: not gauge.exists(),
        timeout=_START_TIMEOUT_SECONDS,
        what="child_exit to drop the dead worker's live gauges",
    )
    assert (metrics_dir / f"counter_{victim}.db").exists()
    _assert_counts(base, mints, health_checks=None)
