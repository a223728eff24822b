"""`make run`: the broker with its embedded development defaults, in one command.

Starts the local Secrets Manager emulator (moto server), migrates the SQLite database, seeds the dev
data, starts the sandbox relying party, prints how to call the broker, and serves it with gunicorn.
Development only: it says so loudly.
"""

from __future__ import annotations

import http.client
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from service.dev import seed as devseed

ROOT = Path(__file__).resolve().parents[2]  # the project root: service/dev/run.py
_SANDBOX_GUNICORN_CONF = Path(__file__).resolve().parent / "sandbox" / "gunicorn_conf.py"
_EMULATOR_START_TIMEOUT_SECONDS = 30
_SANDBOX_START_TIMEOUT_SECONDS = 30


def _wait_for(
    ready: Callable[[], object], what: str, timeout: float, process: subprocess.Popen[bytes], name: str
) -> None:
    """Until `ready()` succeeds; one line and exit if the process dies or the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{name} exited early (code {process.returncode})")
        try:
            ready()
            return
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
    sys.exit(f"{name} did not {what} within {timeout:.0f} s")


def _wait_for_port(port: int, timeout: float, process: subprocess.Popen[bytes], name: str) -> None:
    def accepts() -> None:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()

    _wait_for(accepts, f"listen on 127.0.0.1:{port}", timeout, process, name)


def _wait_for_http(url: str, timeout: float, process: subprocess.Popen[bytes], name: str) -> None:
    """Until `url` answers over HTTP: a server may accept connections before it can serve them."""

    def answers() -> None:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - a loopback URL this module built
            pass

    _wait_for(answers, f"answer {url}", timeout, process, name)


def _sandbox_env(env: dict[str, str]) -> dict[str, str]:
    """The sandbox RP's settings: it trusts the broker's JWKS and iss, as the dev profiles expect."""
    base = env["PUBLIC_BASE_URL"].rstrip("/")
    sandbox = dict(env)
    sandbox.setdefault("SANDBOX_JWKS_URL", f"{base}/.well-known/jwks.json")
    sandbox.setdefault("SANDBOX_ISSUER", base)
    # The URL the dev profiles were seeded with, so exchange answers fall within their allowed origins.
    sandbox.setdefault("SANDBOX_PUBLIC_URL", env["SANDBOX_URL"])
    return sandbox


def _curl(base: object, api_key: object, body: dict[str, object]) -> str:
    return (
        f" curl -sS -X POST {base}/api/v1/generateJWT \\\n"
        f"   -H 'Authorization: Bearer {api_key}' -H 'Content-Type: application/json' \\\n"
        f"   -d '{json.dumps(body)}'"
    )


def _banner(credentials: dict[str, object], sandbox_url: str) -> str:
    """What `make run` prints: the test key and test profiles to start with first, then the live dev keys."""
    base = credentials["baseUrl"]
    test_profiles = credentials["testProfiles"]
    assert isinstance(test_profiles, dict)
    modes = {name: mode for name, (_kind, mode, _endpoint) in devseed.DEV_PROFILES.items()}
    # The curls use the test key and profiles too: what a builder is given, and what docs/bubble.md follows.
    curls = "\n\n".join(
        f" {name} ({modes[name]} delivery): open the `url` of the answer in a browser\n"
        + _curl(base, credentials["testApiKey"], {"profileKey": key, "payload": devseed.SAMPLE_PAYLOADS[name]})
        for name, key in test_profiles.items()
    )
    return f"""
================================================================================
 SSO token broker: DEVELOPMENT MODE (local Secrets Manager emulator, SQLite).
 Never use these settings or these keys in production.
--------------------------------------------------------------------------------
 START WITH THESE: the test key and test profiles, as a Bubble builder gets them
 (tokens for the sandbox relying party; mails kept in the test inbox, never sent).
 Test API key:  {credentials["testApiKey"]}
 Test profiles: {json.dumps(test_profiles)}
 Test inbox:    GET {base}/api/v1/test-inbox with the test API key
 Guides:        {base}/guides  (Bubble: {base}/guides/bubble)
--------------------------------------------------------------------------------
 Broker:        {base}
 Sandbox RP:    {sandbox_url}
 JWKS:          {credentials["jwksUrl"]}
 Live API key:  {credentials["apiKey"]}  (the test key's live twin: the same scopes)
 Admin API key: {credentials["adminApiKey"]}  (every scope)
 Live profiles: {json.dumps(credentials["profiles"])}
 Mailbox:       {credentials.get("mailboxUrl")}  (every email the broker sends lands here)
 Console:       {credentials["consoleUrl"]}  (sign in as {credentials["consoleOwner"]}; the link is in the mailbox)
 Saved to:      instance/dev-credentials.json
 CLI:           set -a; . instance/dev.env; set +a   (then: flask --app service keysets status dev-es256)

 One call per test profile, with the test API key:

{curls}
================================================================================
"""


# Each port make run listens on, and the variable that moves it.
_PORTS = (
    ("PORT", 8000, "the broker"),
    ("SANDBOX_PORT", 8001, "the sandbox relying party"),
    ("SECRETS_EMULATOR_PORT", 4566, "the Secrets Manager emulator"),
    ("MAIL_SMTP_PORT", 8025, "the mail sink's SMTP"),
    ("MAIL_HTTP_PORT", 8026, "the mailbox page"),
)
# What the CLI needs to reach this run's emulator and database: `set -a; . instance/dev.env; set +a`.
_DEV_ENV_NAMES = (
    "BROKER_ENV",
    "DATABASE_URL",
    "PUBLIC_BASE_URL",
    "AWS_ENDPOINT_URL_SECRETS_MANAGER",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_REGION",
    "SMTP_URL",
    "SANDBOX_URL",
    *(name for name, _default, _what in _PORTS),
)


def _ports() -> dict[str, int]:
    """Every port of this run, from its variable or default; exits with one line if one is not a port."""
    ports = {}
    for name, default, _what in _PORTS:
        raw = os.environ.get(name, str(default))
        if not raw.isdigit() or not 1 <= int(raw) <= 65535:
            sys.exit(f"make run: {name}={raw!r} is not a port (1-65535)")
        ports[name] = int(raw)
    return ports


def _busy_port(ports: dict[str, int]) -> str | None:
    """A line naming the first port something else listens on, and the variable that moves it; None if all free.

    Probed as the servers bind, with SO_REUSEADDR: a port whose last connections wait in TIME-WAIT (for a
    minute after Ctrl-C) is free to them, and only a listener makes it busy.
    """
    for name, _default, what in _PORTS:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", ports[name]))
            except OSError:
                return f"make run: port {ports[name]} ({what}) is busy; free it or set {name} to another port"
    return None


def _dev_env(ports: dict[str, int]) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("BROKER_ENV", "development")
    env.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'instance' / 'broker.sqlite3'}")
    # PUBLIC_HOST (a LAN address or a tunnel's host name): the broker, the sandbox and the mailbox page listen on
    # every interface and their URLs use that host, so a phone or Bubble can reach them (and the phone can open
    # the emailed link). Loopback only otherwise; the emulator and the mail sink's SMTP stay on loopback always.
    public_host = env.get("PUBLIC_HOST", "").strip()
    host = public_host or "127.0.0.1"
    if public_host:
        env["HOST"] = env["SANDBOX_HOST"] = env["MAIL_HTTP_HOST"] = "0.0.0.0"  # noqa: S104 - asked for, dev only, warned
    env.setdefault("PUBLIC_BASE_URL", f"http://{host}:{ports['PORT']}")
    env.setdefault("SANDBOX_URL", f"http://{host}:{ports['SANDBOX_PORT']}")
    # The emulator accepts any credentials; these never reach AWS.
    env.setdefault("AWS_ACCESS_KEY_ID", "dev-emulator")
    env.setdefault("AWS_SECRET_ACCESS_KEY", "dev-emulator")
    env.setdefault("AWS_REGION", "eu-north-1")
    env["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = f"http://127.0.0.1:{ports['SECRETS_EMULATOR_PORT']}"
    sender = "SSO%20Broker%20%3Cno-reply%40broker.localhost%3E"
    env.setdefault("SMTP_URL", f"smtp://127.0.0.1:{ports['MAIL_SMTP_PORT']}?from={sender}")
    env.setdefault("DEV_MAILBOX_URL", f"http://{host}:{ports['MAIL_HTTP_PORT']}")
    env.update({name: str(port) for name, port in ports.items()})
    return env


def write_dev_env(env: dict[str, str], path: Path) -> None:
    """instance/dev.env: this run's settings as shell assignments, for the CLI in another terminal."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Written by make run for the CLI in another terminal: set -a; . instance/dev.env; set +a"]
    lines += [f"{name}={shlex.quote(env[name])}" for name in _DEV_ENV_NAMES if name in env]
    path.write_text("\n".join(lines) + "\n")


EXPOSED_WARNING = """
************************************************************************************************
  WARNING: PUBLIC_HOST is set. The broker ({broker}), the sandbox relying party ({sandbox})
  and the mailbox ({mailbox}) listen on every network interface, with DEVELOPMENT keys and
  credentials. Anyone who can reach this machine can mint tokens with them and open the emailed
  links. Use it only on a network you trust or behind a tunnel you control, and stop it when you
  are done. Never do this with production settings.
************************************************************************************************"""


def main() -> None:
    ports = _ports()
    busy = _busy_port(ports)
    if busy:
        sys.exit(busy)
    env = _dev_env(ports)
    if env.get("PUBLIC_HOST", "").strip():
        exposed = {"broker": env["PUBLIC_BASE_URL"], "sandbox": env["SANDBOX_URL"], "mailbox": env["DEV_MAILBOX_URL"]}
        print(EXPOSED_WARNING.format(**exposed), flush=True)
    write_dev_env(env, ROOT / "instance" / "dev.env")
    children: list[subprocess.Popen[bytes]] = []

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        # Unwind to the `finally` below; stopping children inside the handler would wait on a Popen
        # that the interrupted main code is already waiting on. Ctrl-C is how make run is meant to end: 0.
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        sys.exit(_serve(env, children))
    finally:
        _stop(children)


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    for child in reversed(children):
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()


def _serve(env: dict[str, str], children: list[subprocess.Popen[bytes]]) -> int:
    """Start the emulator and mail sink, migrate, seed, start the sandbox, the webhook dispatcher and the broker;
    return the broker's exit code."""
    smtp_port, mail_http_port = int(env["MAIL_SMTP_PORT"]), int(env["MAIL_HTTP_PORT"])
    emulator_port, sandbox_port = int(env["SECRETS_EMULATOR_PORT"]), int(env["SANDBOX_PORT"])
    print(f"starting the local mail sink: SMTP on 127.0.0.1:{smtp_port}, mailbox page {env['DEV_MAILBOX_URL']}")
    mail = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "service.dev.mail_sink",
            "--smtp-port",
            str(smtp_port),
            "--http-port",
            str(mail_http_port),
            "--http-host",
            env.get("MAIL_HTTP_HOST", "127.0.0.1"),
            "--url",
            env["DEV_MAILBOX_URL"],
        ],
        cwd=ROOT,
        env=env,
    )
    children.append(mail)
    print(f"starting the local Secrets Manager emulator (moto) on 127.0.0.1:{emulator_port}", flush=True)
    emulator = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(emulator_port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children.append(emulator)
    # moto answers its own API once its backends are loaded; Secrets Manager calls work from then on.
    emulator_api = f"http://127.0.0.1:{emulator_port}/moto-api/data.json"
    _wait_for_http(emulator_api, _EMULATOR_START_TIMEOUT_SECONDS, emulator, "the Secrets Manager emulator")
    _wait_for_port(smtp_port, _SANDBOX_START_TIMEOUT_SECONDS, mail, "the mail sink")

    flask = [sys.executable, "-m", "flask", "--app", "service"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True)
    subprocess.run([*flask, "dev", "seed"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    credentials = json.loads((ROOT / "instance" / "dev-credentials.json").read_text())

    print(f"starting the sandbox relying party on {env.get('SANDBOX_HOST', '127.0.0.1')}:{sandbox_port}", flush=True)
    sandbox_command = [sys.executable, "-m", "gunicorn", "-c", str(_SANDBOX_GUNICORN_CONF)]
    sandbox = subprocess.Popen(sandbox_command, cwd=ROOT, env=_sandbox_env(env))
    children.append(sandbox)
    _wait_for_port(sandbox_port, _SANDBOX_START_TIMEOUT_SECONDS, sandbox, "the sandbox relying party")
    print(_banner(credentials, env["SANDBOX_URL"]), flush=True)

    # The webhook dispatcher, as the Procfile's `webhooks` process: registered endpoints get their events.
    print("starting the webhook dispatcher", flush=True)
    children.append(subprocess.Popen([*flask, "webhooks", "dispatch"], cwd=ROOT, env=env))
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env)
    children.append(server)
    return server.wait()


if __name__ == "__main__":
    main()
