"""The Procfile's `release` and `web` lines, run as a Heroku-style platform runs them, on PostgreSQL and Redis."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import requests

from tests.support.api import bearer
from tests.support.paths import ROOT
from tests.support.ports import free_port
from tests.support.privacy import WATCH

PUBLIC_BASE_URL = "https://sso.broker.test"
_START_TIMEOUT_SECONDS = 30


def _procfile() -> dict[str, list[str]]:
    """Each process of the Procfile as an argv, with `python` meaning this interpreter."""
    processes = {}
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line and not line.startswith("#") and ":" in line:
            name, command = line.split(":", 1)
            argv = command.split()
            processes[name.strip()] = [sys.executable, *argv[1:]] if argv[0] == "python" else argv
    return processes


@pytest.fixture
def platform_env(emulator: str, postgres_url: str, redis_url: str) -> dict[str, str]:
    """What a platform gives the processes: production, its PORT, a postgres:// URL, Redis, the secrets."""
    return {
        "PATH": "/usr/bin:/bin",
        "BROKER_ENV": "production",
        "PORT": str(free_port()),
        "DATABASE_URL": "postgres://" + postgres_url.split("://", 1)[1],
        "REDIS_URL": redis_url,
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "SUBJECT_HASH_KEY": "subject-hash-key-for-the-deploy-test-0123456789",
        "SERVER_SECRET": "server-secret-for-the-deploy-test-0123456789ab",
        "METRICS_TOKEN": "metrics-token-for-the-deploy-test",
        "AWS_ACCESS_KEY_ID": "test-emulator",
        "AWS_SECRET_ACCESS_KEY": "test-emulator",
        "AWS_REGION": "eu-north-1",
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
    }


def _cli(env: dict[str, str], *args: str) -> str:
    """The command's answer: its whole stdout, as a script captures it (the broker's log lines go to stderr)."""
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "service", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    WATCH.add_text(result.stderr)  # the answer may be a new API key: shown once, by design
    answer = result.stdout.strip()
    assert '"logger"' not in answer, answer
    return answer


def _tables(postgres_url: str) -> set[str]:
    with psycopg.connect(postgres_url) as connection:
        rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {row[0] for row in rows}


def _wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, "the web process exited"
        try:
            if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    pytest.fail("the web process did not become ready")


def _reachable_from_another_host(port: int) -> str:
    """GET /healthz from a second network namespace over a veth pair; 'namespace' or, if not permitted, 'socket'."""
    ip = shutil.which("ip")
    name = f"brk{uuid.uuid4().hex[:8]}"
    host_if, peer_if = f"vh{name[3:]}", f"vp{name[3:]}"
    if ip is None or subprocess.run([ip, "netns", "add", name], capture_output=True, check=False).returncode != 0:
        return _listening_on_all_interfaces(port)
    try:
        for command in (
            [ip, "link", "add", host_if, "type", "veth", "peer", "name", peer_if],
            [ip, "link", "set", peer_if, "netns", name],
            [ip, "addr", "add", "10.231.0.1/30", "dev", host_if],
            [ip, "link", "set", host_if, "up"],
            [ip, "netns", "exec", name, ip, "addr", "add", "10.231.0.2/30", "dev", peer_if],
            [ip, "netns", "exec", name, ip, "link", "set", peer_if, "up"],
        ):
            subprocess.run(command, check=True, capture_output=True)
        probe = (
            "import urllib.request, sys; "
            f"sys.stdout.write(urllib.request.urlopen('http://10.231.0.1:{port}/healthz', timeout=5).read().decode())"
        )
        result = subprocess.run(
            [ip, "netns", "exec", name, sys.executable, "-c", probe], capture_output=True, text=True, timeout=30
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == {"status": "ok"}
        return "namespace"
    finally:
        subprocess.run([ip, "link", "del", host_if], capture_output=True, check=False)
        subprocess.run([ip, "netns", "del", name], capture_output=True, check=False)


def _listening_on_all_interfaces(port: int) -> str:
    print("network namespaces are not permitted here: checking the listening socket's address instead")
    listening = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=True).stdout
    assert f"0.0.0.0:{port}" in listening, listening
    return "socket"


def test_the_procfile_deploys_as_a_platform_runs_it(
    platform_env: dict[str, str], postgres_url: str, tmp_path: Path
) -> None:
    # The platform runs `release` before `web` takes traffic.
    release = subprocess.run(_procfile()["release"], cwd=ROOT, env=platform_env, capture_output=True, text=True)
    assert release.returncode == 0, release.stderr
    assert {"tenants", "api_keys", "keysets", "profiles", "launch_links", "alembic_version"} <= _tables(postgres_url)

    _cli(platform_env, "keysets", "create", "deploy-es256", "--default")
    _cli(platform_env, "tenants", "create", "acme")
    api_key = _cli(platform_env, "apikeys", "create", "--tenant", "acme", "--scope", "links:long").strip()
    WATCH.watch(api_key)
    profile = json.loads(
        _cli(platform_env, "profiles", "create", "--tenant", "acme", "--name", "portal", "--kind", "generic",
             "--mode", "query", "--iss", PUBLIC_BASE_URL, "--aud", "rp", "--rp-url", "https://rp.example.org/sso")
    )  # fmt: skip

    log = tmp_path / "web.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(_procfile()["web"], cwd=ROOT, env=platform_env, stdout=sink, stderr=sink)
    try:
        port = int(platform_env["PORT"])
        _wait_ready(f"http://127.0.0.1:{port}", server)
        how = _reachable_from_another_host(port)
        print(f"web process reachable on all interfaces (checked by {how})")
        body = {"profileKey": profile["profileKey"], "payload": {"userId": "u-1"}, "expireIn": 60}
        minted = requests.post(
            f"http://127.0.0.1:{port}/api/v1/generateJWT", json=body, headers=bearer(api_key), timeout=10
        )
        assert minted.status_code == 200, minted.text
        WATCH.watch(minted.json()["token"], minted.json()["url"].rsplit("/", 1)[1])
        assert minted.json()["url"].startswith(PUBLIC_BASE_URL + "/l/")
    finally:
        server.terminate()
        server.wait(timeout=15)
        text = log.read_text()
        WATCH.add_text(text)
    assert '"msg": "broker configured"' in text
    assert '"database": "postgresql"' in text
    assert "Traceback" not in text


def test_release_against_a_database_that_does_not_exist_is_one_line(platform_env: dict[str, str]) -> None:
    name = f"nc2_{uuid.uuid4().hex[:8]}"
    # The platform's URL, with a password (trust auth ignores it) that must never be shown.
    env = {**platform_env, "DATABASE_URL": f"postgres://postgres:pw-never-shown-0123@127.0.0.1:5432/{name}"}
    release = subprocess.run(_procfile()["release"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert release.returncode == 3, release.stderr
    assert release.stderr.splitlines() == [
        f'database error: cannot connect to 127.0.0.1:5432/{name} as postgres: database "{name}" does not exist'
    ]
    assert "pw-never-shown-0123" not in release.stdout + release.stderr


def test_without_public_base_url_the_web_process_stops_with_one_line(platform_env: dict[str, str]) -> None:
    env = {name: value for name, value in platform_env.items() if name != "PUBLIC_BASE_URL"}
    result = subprocess.run(_procfile()["web"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == ["config error: PUBLIC_BASE_URL must be set when BROKER_ENV=production: the https:// address "
                     "people reach the broker at (every launch link, emailed ones too, starts with it)"]  # fmt: skip
    assert "Traceback" not in result.stdout
