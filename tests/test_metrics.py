"""/metrics: exact counts in-process and across two gunicorn workers, and no personal data in any label."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import boto3
import botocore.config
import pytest
import requests
from flask.testing import FlaskClient
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from service import create_app, metrics
from service.db import migrate as migrations
from service.db.models import LaunchLink
from service.errors import KeyUnavailable
from service.wiring import Services, services
from tests.support.api import bearer, generate
from tests.support.apps import seed_dev
from tests.support.paths import ROOT
from tests.support.ports import free_port
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH
from tests.support.servers import run_gunicorn

GENERATE_ROUTE = "/api/v1/generateJWT"
LINK_ROUTE = "/l/<secret>"
# One scrape's samples: (sample name, sorted label pairs) -> value.
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def parse(text: str) -> Samples:
    """Every sample of an exposition, keyed by name and labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    """A sample's value, 0 when the series does not exist (yet)."""
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def scrape(client: FlaskClient) -> Samples:
    response = client.get("/metrics")
    assert response.status_code == 200
    return parse(response.get_data(as_text=True))


def delta(before: Samples, after: Samples, name: str, **labels: str) -> float:
    """How much a series grew: the default registry lives as long as the test session, so only growth counts."""
    return value(after, name, **labels) - value(before, name, **labels)


def minted(profile: str, outcome: str = "ok") -> dict[str, str]:
    return {"profile": profile, "alg": "ES256", "outcome": outcome}


def requests_of(route: str, method: str, status: int) -> dict[str, str]:
    return {"route": route, "method": method, "status": str(status)}


def link_path(response: Any) -> str:
    url = response.get_json()["url"]
    WATCH.watch(url.rsplit("/", 1)[1])
    return urlsplit(url).path


def test_metrics_are_prometheus_text_and_do_not_count_themselves(client: FlaskClient) -> None:
    client.get("/metrics")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == CONTENT_TYPE_LATEST
    samples = parse(response.get_data(as_text=True))
    assert not [key for key in samples if ("route", metrics.METRICS_PATH) in key[1]]


def test_generate_jwt_counts_tokens_and_latency_exactly(client: FlaskClient, creds: dict[str, Any]) -> None:
    before = scrape(client)
    for _ in range(3):
        assert generate(client, creds, "generic").status_code == 200
    assert generate(client, creds, "exorlive-go").status_code == 200
    assert generate(client, creds, "generic", profileKey="pk_" + "x" * 40).status_code == 404
    assert client.get("/healthz").status_code == 200
    after = scrape(client)

    assert delta(before, after, "broker_tokens_minted_total", **minted("generic")) == 3
    assert delta(before, after, "broker_tokens_minted_total", **minted("exorlive-go")) == 1
    # A request refused before minting (unknown profile) is a request, not a minting outcome.
    assert (
        sum(v for (name, _), v in after.items() if name == "broker_tokens_minted_total")
        - sum(v for (name, _), v in before.items() if name == "broker_tokens_minted_total")
        == 4
    )
    count = "broker_request_duration_seconds_count"
    assert delta(before, after, count, **requests_of(GENERATE_ROUTE, "POST", 200)) == 4
    assert delta(before, after, count, **requests_of(GENERATE_ROUTE, "POST", 404)) == 1
    assert delta(before, after, count, **requests_of("/healthz", "GET", 200)) == 1
    infinite = {**requests_of(GENERATE_ROUTE, "POST", 200), "le": "+Inf"}
    assert delta(before, after, "broker_request_duration_seconds_bucket", **infinite) == 4
    assert delta(before, after, "broker_request_duration_seconds_sum", **requests_of(GENERATE_ROUTE, "POST", 200)) > 0


def test_a_key_outage_counts_as_its_error_code(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_key(_ref: object) -> None:
        raise KeyUnavailable("down")

    before = scrape(client)
    monkeypatch.setattr(svc.key_source, "signing_key", no_key)
    assert generate(client, creds, "generic").status_code == 503
    after = scrape(client)
    assert delta(before, after, "broker_tokens_minted_total", **minted("generic", "key_unavailable")) == 1
    assert delta(before, after, "broker_tokens_minted_total", **minted("generic")) == 0


def test_launch_links_made_used_and_refused_by_state(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    before = scrape(client)
    used = link_path(generate(client, creds, "exorlive-main"))
    assert client.get(used).status_code == 200  # showing the page neither uses nor refuses it
    assert client.post(used).status_code == 200
    assert client.post(used).status_code == 410
    assert client.get("/l/" + "A" * 43).status_code == 404
    expired = link_path(generate(client, creds, "exorlive-main"))
    with svc.store.session() as session:
        session.query(LaunchLink).filter(LaunchLink.uses == 0).update(
            {"expires_at": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)}
        )
    assert client.post(expired).status_code == 410
    after = scrape(client)

    links = "broker_launch_links_total"
    assert delta(before, after, links, event="made", state="") == 2
    assert delta(before, after, links, event="used", state="") == 1
    assert delta(before, after, links, event="refused", state="used") == 1
    assert delta(before, after, links, event="refused", state="unknown") == 1
    assert delta(before, after, links, event="refused", state="expired") == 1
    # Two made by generateJWT, one minted afresh when the link was used.
    assert delta(before, after, "broker_tokens_minted_total", **minted("exorlive-main")) == 3
    count = "broker_request_duration_seconds_count"
    assert delta(before, after, count, **requests_of(LINK_ROUTE, "POST", 200)) == 1
    assert delta(before, after, count, **requests_of(LINK_ROUTE, "POST", 410)) == 2
    assert delta(before, after, count, **requests_of(LINK_ROUTE, "GET", 404)) == 1


def test_a_made_up_method_cannot_make_a_label(client: FlaskClient) -> None:
    before = scrape(client)
    client.open("/healthz", method="BREW")
    after = scrape(client)
    assert (
        delta(before, after, "broker_request_duration_seconds_count", **requests_of("<unmatched>", "other", 405)) == 1
    )
    assert not [key for key in after if ("method", "BREW") in key[1]]


def test_no_label_holds_personal_data_secrets_or_paths(client: FlaskClient, creds: dict[str, Any]) -> None:
    main = generate(client, creds, "exorlive-main")
    path = link_path(main)
    client.post(path)
    go = generate(client, creds, "exorlive-go").get_json()
    needles = [*SEED_PERSONAL_DATA, creds["apiKey"], creds["adminApiKey"], path.rsplit("/", 1)[1], go["token"]]
    needles += list(creds["profiles"].values())
    labels = {label for (name, pairs) in scrape(client) if name.startswith("broker_") for label in pairs}
    assert labels
    for label, text in labels:
        assert not [needle for needle in needles if needle in text], (label, text)
        if label == "route":
            assert text == "<unmatched>" or (text.startswith("/") and "?" not in text), text
    assert ("route", LINK_ROUTE) in labels


def test_secrets_manager_calls_and_failures_are_counted_once(client: FlaskClient, svc: Services) -> None:
    metrics.instrument_secrets_client(svc.secrets_client)  # the factory did it already; twice must not double
    before = scrape(client)
    svc.secrets_client.list_secrets()
    with pytest.raises(svc.secrets_client.exceptions.ResourceNotFoundException):
        svc.secrets_client.describe_secret(SecretId="broker/no-such-secret")
    after = scrape(client)
    calls, failures = "broker_secrets_manager_calls_total", "broker_secrets_manager_failures_total"
    assert delta(before, after, calls, operation="ListSecrets") == 1
    assert delta(before, after, failures, operation="ListSecrets") == 0
    assert delta(before, after, calls, operation="DescribeSecret") == 1
    assert delta(before, after, failures, operation="DescribeSecret") == 1


def test_an_unreachable_secrets_manager_counts_as_a_failure(client: FlaskClient) -> None:
    # Nothing listens on a port just freed; one attempt, so the test does not wait for retries.
    unreachable = boto3.session.Session().client(
        "secretsmanager",
        region_name="eu-north-1",
        endpoint_url=f"http://127.0.0.1:{free_port()}",
        config=botocore.config.Config(connect_timeout=1, retries={"max_attempts": 1, "mode": "standard"}),
    )
    metrics.instrument_secrets_client(unreachable)
    before = scrape(client)
    with pytest.raises(botocore.exceptions.EndpointConnectionError):
        unreachable.get_secret_value(SecretId="broker/anything")
    after = scrape(client)
    assert delta(before, after, "broker_secrets_manager_calls_total", operation="GetSecretValue") == 1
    assert delta(before, after, "broker_secrets_manager_failures_total", operation="GetSecretValue") == 1


def test_key_age_is_a_gauge_by_keyset_and_stage(client: FlaskClient) -> None:
    metrics.observe_key_age("metrics-test", "AWSPENDING", 12.5)
    metrics.observe_key_age("metrics-test", "AWSPENDING", 7.0)
    assert value(scrape(client), "broker_key_age_seconds", keyset="metrics-test", stage="AWSPENDING") == 7.0


# --- The check: the same counts whichever of two gunicorn workers answers the scrape. ---

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
        "PUBLIC_BASE_URL": base,
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
    }
    migrations.upgrade(database_url)
    app = create_app(settings)
    # The generic profile delivers by URL: nothing calls the relying party, so its address is a dummy.
    creds = seed_dev(app, str(tmp_path), "http://127.0.0.1:9")
    services(app).store.engine.dispose()
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
    deadline = time.monotonic() + _START_TIMEOUT_SECONDS
    while gauge.exists():
        assert time.monotonic() < deadline, "child_exit did not drop the dead worker's live gauges"
        time.sleep(0.1)
    assert (metrics_dir / f"counter_{victim}.db").exists()
    _assert_counts(base, mints, health_checks=None)
