"""`make run` as a newcomer meets it: busy ports named up front, a CLI that reaches its emulator, Ctrl-C exits 0."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.support.paths import ROOT
from tests.support.ports import free_port
from tests.support.privacy import WATCH
from tests.support.waiting import wait_until

_READY_TIMEOUT_SECONDS = 90
_PORT_NAMES = ("PORT", "SANDBOX_PORT", "SECRETS_EMULATOR_PORT", "MAIL_SMTP_PORT", "MAIL_HTTP_PORT")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's files (no instance/ of the developer's), so the run writes its own instance/."""
    copy = tmp_path / "project"
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True, capture_output=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    return copy


def _ports() -> dict[str, str]:
    return {name: str(free_port()) for name in _PORT_NAMES}


def _env(ports: dict[str, str]) -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG")
    return {**{name: os.environ[name] for name in keep if name in os.environ}, **ports}


@pytest.fixture
def make_run(project: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], dict[str, str], Path]]:
    ports = _ports()
    log = tmp_path / "run.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "service.dev.run"], cwd=project, env=_env(ports), stdout=sink, stderr=sink,
            start_new_session=True,
        )  # fmt: skip
    try:
        yield process, ports, log
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        # Its JSON log lines; the banner's sample curl (dev data, shown by design) is not a log line.
        WATCH.add_text("\n".join(line for line in log.read_text().splitlines() if line.startswith("{")))


def test_make_run_serves_writes_dev_env_and_exits_0_on_ctrl_c(
    make_run: tuple[subprocess.Popen[bytes], dict[str, str], Path], project: Path
) -> None:
    process, ports, log = make_run
    jwks = f"http://127.0.0.1:{ports['PORT']}/.well-known/jwks.json"
    deadline = time.monotonic() + _READY_TIMEOUT_SECONDS
    while True:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            if requests.get(jwks, timeout=2).ok:
                break
        except requests.RequestException:
            pass
        assert time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.5)

    # The CLI in another terminal, after `set -a; . instance/dev.env; set +a`, reaches the same emulator.
    status = subprocess.run(
        ["bash", "-c", 'set -a; . instance/dev.env; set +a; exec "$0" -m flask --app service keysets status dev-es256',
         sys.executable],
        cwd=project, env=_env({}), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert status.returncode == 0, status.stderr
    assert '"AWSCURRENT"' in status.stdout
    dev_env = (project / "instance" / "dev.env").read_text()
    assert f"SECRETS_EMULATOR_PORT={ports['SECRETS_EMULATOR_PORT']}" in dev_env
    assert "AWS_ACCESS_KEY_ID=dev-emulator" in dev_env

    # The test key and test profiles come first, marked as the ones to start with (README, docs/bubble.md), and
    # they are the ones saved in dev-credentials.json; the printed curls use them.
    output = log.read_text()
    saved = json.loads((project / "instance" / "dev-credentials.json").read_text())
    WATCH.watch(saved["apiKey"], saved["adminApiKey"], saved["testApiKey"])
    assert "START WITH THESE: the test key and test profiles" in output
    assert f"Test API key:  {saved['testApiKey']}\n" in output
    assert f"Test profiles: {json.dumps(saved['testProfiles'])}\n" in output
    assert output.index(saved["testApiKey"]) < output.index(saved["apiKey"])
    assert output.count(f"-H 'Authorization: Bearer {saved['testApiKey']}'") == len(saved["testProfiles"])

    # The guides ship with the checkout and gunicorn serves them from it (docs/deploy.md).
    guide = requests.get(f"http://127.0.0.1:{ports['PORT']}/guides/bubble", timeout=10)
    assert guide.status_code == 200
    assert '<h1 id="the-broker-from-bubble">The broker from Bubble</h1>' in guide.text

    # The webhook dispatcher runs beside the broker, as the Procfile's `webhooks` process does.
    wait_until(lambda: "webhook dispatcher started" in log.read_text(), timeout=30, what="the webhook dispatcher")

    # A browser tab on the mailbox keeps its connection open; Ctrl-C closes it from the server's side, whose
    # end then waits in TIME-WAIT for a minute.
    browser = socket.create_connection(("127.0.0.1", int(ports["MAIL_HTTP_PORT"])), timeout=30)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    with browser:
        try:
            assert browser.recv(1) == b""  # the server closed its end (FIN), as a clean stop does
            reset = False
        except ConnectionResetError:
            reset = True  # a loaded machine's stop may reset the connection instead: closed all the same
    output = log.read_text()
    assert "configuration file should have a valid Python extension" not in output
    assert "alembic.runtime.plugins" not in output
    assert "Traceback" not in output
    # Once for the whole run (gunicorn's master), not once per worker, CLI command and dispatcher.
    assert output.count("Secrets Manager endpoint overridden") == 1

    # make run again at once, on the same ports: nothing listens, a connection waits in TIME-WAIT; it starts
    # instead of calling the port busy.
    waiting = subprocess.run(["ss", "-Htan", "state", "time-wait"], capture_output=True, text=True, check=True)
    # A reset leaves no TIME-WAIT behind; a clean close does, and that is the case the restart must survive.
    assert reset or f"127.0.0.1:{ports['MAIL_HTTP_PORT']} " in waiting.stdout
    again = subprocess.Popen(
        [sys.executable, "-m", "service.dev.run"], cwd=project, env=_env(ports),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        assert again.stdout is not None
        first = again.stdout.readline()
        assert first.startswith("starting the local mail sink"), first + again.stdout.read()
    finally:
        os.killpg(again.pid, signal.SIGKILL)
        again.wait(timeout=10)
        again.stdout.close()


def test_a_busy_port_is_named_before_anything_starts(project: Path, tmp_path: Path) -> None:
    ports = _ports()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", int(ports["MAIL_HTTP_PORT"])))
        squatter.listen()
        result = subprocess.run(
            [sys.executable, "-m", "service.dev.run"], cwd=project, env=_env(ports),
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    port = ports["MAIL_HTTP_PORT"]
    assert lines == [f"make run: port {port} (the mailbox page) is busy; free it or set MAIL_HTTP_PORT to another port"]
    assert not (project / "instance" / "dev-credentials.json").exists()
