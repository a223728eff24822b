"""`make run`'s own logic, in-process: its ports, the busy-port line, dev.env, the banner (the whole run is in
tests/integration/test_make_run.py)."""

from __future__ import annotations

import shlex
import socket
import subprocess
from pathlib import Path

import pytest

from service.dev import run

_PORT_NAMES = ("PORT", "SANDBOX_PORT", "SECRETS_EMULATOR_PORT", "MAIL_SMTP_PORT", "MAIL_HTTP_PORT")


def test_every_port_comes_from_its_variable_or_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PORT", "SANDBOX_PORT", "SECRETS_EMULATOR_PORT", "MAIL_SMTP_PORT", "MAIL_HTTP_PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SANDBOX_PORT", "9101")
    assert run._ports() == {
        "PORT": 8000,
        "SANDBOX_PORT": 9101,
        "SECRETS_EMULATOR_PORT": 4566,
        "MAIL_SMTP_PORT": 8025,
        "MAIL_HTTP_PORT": 8026,
    }


@pytest.mark.parametrize("value", ["eighty", "0", "70000"])
def test_a_port_that_is_no_port_is_one_line(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("MAIL_SMTP_PORT", value)
    with pytest.raises(SystemExit, match=f"make run: MAIL_SMTP_PORT='{value}' is not a port"):
        run._ports()


def test_the_busy_port_is_named_with_its_variable() -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        busy = squatter.getsockname()[1]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            free = probe.getsockname()[1]
        ports = {"PORT": free, "SANDBOX_PORT": busy, "SECRETS_EMULATOR_PORT": free, "MAIL_SMTP_PORT": free,
                 "MAIL_HTTP_PORT": free}  # fmt: skip
        assert run._busy_port(ports) == (
            f"make run: port {busy} (the sandbox relying party) is busy; free it or set SANDBOX_PORT to another port"
        )
    assert run._busy_port(dict.fromkeys(ports, free)) is None


def test_a_port_left_in_time_wait_after_ctrl_c_is_free() -> None:
    # A server that answered and then stopped, as the broker does on Ctrl-C: its side of the connection waits
    # in TIME-WAIT for a minute, but nothing listens, and the next server binds the port at once.
    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)) as client:
            accepted, _ = server.accept()
            accepted.close()  # the server closes first: its end is the one that waits
            assert client.recv(1) == b""
    waiting = subprocess.run(
        ["ss", "-Htan", "state", "time-wait", f"( sport = :{port} )"], capture_output=True, text=True, check=True
    ).stdout
    assert f"127.0.0.1:{port}" in waiting
    assert run._busy_port(dict.fromkeys(_PORT_NAMES, port)) is None


def test_dev_env_is_what_the_cli_needs_and_sources_in_a_shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "SMTP_URL", "PUBLIC_BASE_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name, raising=False)
    ports = {"PORT": 18000, "SANDBOX_PORT": 18001, "SECRETS_EMULATOR_PORT": 18566, "MAIL_SMTP_PORT": 18025,
             "MAIL_HTTP_PORT": 18026}  # fmt: skip
    env = run._dev_env(ports)
    assert env["AWS_ENDPOINT_URL_SECRETS_MANAGER"] == "http://127.0.0.1:18566"
    assert env["PUBLIC_BASE_URL"] == "http://127.0.0.1:18000"
    assert env["SMTP_URL"].startswith("smtp://127.0.0.1:18025?from=")
    path = tmp_path / "instance" / "dev.env"
    run.write_dev_env(env, path)
    sourced = subprocess.run(
        ["bash", "-c", f"set -a; . {shlex.quote(str(path))}; set +a; env"],
        capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin"},
    ).stdout  # fmt: skip
    for name in ("AWS_ENDPOINT_URL_SECRETS_MANAGER", "SMTP_URL", "DATABASE_URL", "AWS_ACCESS_KEY_ID", "PORT"):
        assert f"{name}={env[name]}\n" in sourced


def test_public_host_listens_everywhere_and_names_itself_in_the_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PUBLIC_BASE_URL", "SANDBOX_URL", "HOST", "SANDBOX_HOST", "MAIL_HTTP_HOST", "DEV_MAILBOX_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PUBLIC_HOST", "192.168.1.20")
    ports = {"PORT": 18000, "SANDBOX_PORT": 18001, "SECRETS_EMULATOR_PORT": 18566, "MAIL_SMTP_PORT": 18025,
             "MAIL_HTTP_PORT": 18026}  # fmt: skip
    env = run._dev_env(ports)
    assert (env["HOST"], env["SANDBOX_HOST"], env["MAIL_HTTP_HOST"]) == ("0.0.0.0", "0.0.0.0", "0.0.0.0")
    assert env["PUBLIC_BASE_URL"] == "http://192.168.1.20:18000"
    assert env["SANDBOX_URL"] == "http://192.168.1.20:18001"
    # The phone that opens the link can open the mailbox too.
    assert env["DEV_MAILBOX_URL"] == "http://192.168.1.20:18026"
    assert "http://192.168.1.20:18026" in run.EXPOSED_WARNING.format(
        broker="", sandbox="", mailbox=env["DEV_MAILBOX_URL"]
    )
    # A tunnel's https URL wins over the host's http one.
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://broker-dev.example-tunnel.test")
    assert run._dev_env(ports)["PUBLIC_BASE_URL"] == "https://broker-dev.example-tunnel.test"
    # The emulator and the mail sink stay on loopback.
    assert env["AWS_ENDPOINT_URL_SECRETS_MANAGER"] == "http://127.0.0.1:18566"
    monkeypatch.delenv("PUBLIC_HOST")
    monkeypatch.delenv("PUBLIC_BASE_URL")
    assert "HOST" not in run._dev_env(ports)
    assert "MAIL_HTTP_HOST" not in run._dev_env(ports)
    assert run._dev_env(ports)["DEV_MAILBOX_URL"] == "http://127.0.0.1:18026"
    assert "WARNING" in run.EXPOSED_WARNING


def test_the_banner_starts_with_the_test_key_and_test_profiles_and_curls_with_them() -> None:
    credentials = {
        "baseUrl": "http://127.0.0.1:8000",
        "apiKey": "tbk_dev",
        "adminApiKey": "tbk_admin",
        "profiles": {"generic": "pk_generic"},
        "testApiKey": "tbk_test_dev",
        "testProfiles": {"exorlive-go": "pk_go_test", "generic": "pk_generic_test"},
        "jwksUrl": "http://127.0.0.1:8000/.well-known/jwks.json",
        "consoleUrl": "http://127.0.0.1:8000/console",
        "consoleOwner": "owner@dev.example",
    }
    banner = run._banner(credentials, "http://127.0.0.1:8001")
    assert "DEVELOPMENT MODE" in banner
    lines = [line.strip() for line in banner.splitlines()]
    start = lines.index("START WITH THESE: the test key and test profiles, as a Bubble builder gets them")
    # First the test credentials, before any live key.
    assert lines[start + 2] == "Test API key:  tbk_test_dev"
    assert lines[start + 3] == 'Test profiles: {"exorlive-go": "pk_go_test", "generic": "pk_generic_test"}'
    assert banner.index("tbk_test_dev") < banner.index("Live API key:  tbk_dev") < banner.index("tbk_admin")
    assert "Guides:        http://127.0.0.1:8000/guides" in banner
    assert "Console:       http://127.0.0.1:8000/console  (sign in as owner@dev.example;" in banner
    # A curl per test profile, with the test key and the kind's sample payload.
    assert banner.count("curl -sS -X POST http://127.0.0.1:8000/api/v1/generateJWT") == 2
    assert banner.count("-H 'Authorization: Bearer tbk_test_dev'") == 2
    assert '"profileKey": "pk_go_test", "payload": {"organizationName": "Tatooine"' in banner
    assert "Bearer tbk_dev'" not in banner
    assert "set -a; . instance/dev.env; set +a" in banner


def test_the_sandbox_trusts_the_brokers_jwks_and_issuer() -> None:
    env = run._sandbox_env({"PUBLIC_BASE_URL": "http://127.0.0.1:8000/", "SANDBOX_URL": "http://127.0.0.1:8001"})
    assert env["SANDBOX_JWKS_URL"] == "http://127.0.0.1:8000/.well-known/jwks.json"
    assert env["SANDBOX_ISSUER"] == "http://127.0.0.1:8000"
    assert env["SANDBOX_PUBLIC_URL"] == "http://127.0.0.1:8001"
