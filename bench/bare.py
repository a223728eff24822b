"""The bare-Flask reference server (bench/bare_app.py) for `make bench`: started, checked and stopped.

It runs under the broker's gunicorn.conf.py with the broker's environment (so the same worker count,
worker class, timeouts and keep-alive, resolved the same way), on a port of its own, with only the app
module swapped: `gunicorn -c gunicorn.conf.py bench.bare_app:app`. It stays up for the whole run; an idle
gunicorn costs no CPU, and each phase meters only the server it loads.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.jwtcheck import check_jwt, verify_signature
from bench.procs import BenchError, Children, CpuMeter, free_ports, http_request, wait_until_ready
from service.keys.material import generate_private_key_pem

APP = "bench.bare_app:app"
ALG = "ES256"


@dataclasses.dataclass(frozen=True)
class BareServer:
    port: int
    meter: CpuMeter
    api_key: str = dataclasses.field(repr=False)
    private_key_pem: str = dataclasses.field(repr=False)


def bare_env(broker_env: Mapping[str, str], port: int, api_key: str, private_key_pem: str) -> dict[str, str]:
    """The broker's environment (gunicorn.conf.py reads and checks it), another port, and the bare app's settings."""
    env = dict(broker_env)
    env.update(
        PORT=str(port),
        BARE_API_KEY=api_key,
        BARE_PRIVATE_KEY_PEM=private_key_pem,
        BARE_ISSUER=broker_env["PUBLIC_BASE_URL"],
        BARE_AUDIENCE="sandbox-rp",
        BARE_RP_URL="https://rp.bench.test/landing",
    )
    # Its own metrics directory (gunicorn.conf.py makes one when none is set), never the broker's.
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.pop("BROKER_OWNS_METRICS_DIR", None)
    return env


@contextmanager
def running_bare(broker_env: Mapping[str, str], tmp: Path) -> Iterator[BareServer]:
    """gunicorn serving bench.bare_app under gunicorn.conf.py; stopped whatever happens."""
    children = Children()
    log_path = tmp / "bare.log"
    try:
        (port,) = free_ports(1)
        api_key, pem = secrets.token_urlsafe(32), generate_private_key_pem(ALG)
        env = bare_env(broker_env, port, api_key, pem)
        proc = children.start([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", APP], env, log_path)
        wait_until_ready(proc, port, "/healthz", log_path, "the bare Flask app")
        yield BareServer(port, CpuMeter(proc.pid), api_key, pem)
        if proc.poll() is not None:
            raise BenchError(f"the bare Flask app exited during the run (code {proc.returncode})")
    finally:
        children.stop_all()


def check_token(server: BareServer, body: bytes, payload: Mapping[str, Any], what: str) -> None:
    """One mint: 200, an ES256 JWT with the payload, signed by the bare app's key."""
    headers = {"Authorization": f"Bearer {server.api_key}", "Content-Type": "application/json"}
    status, raw = http_request(server.port, "POST", "/api/v1/generateJWT", body, headers)
    if status != 200:
        raise BenchError(f"{what}: expected 200 before load, got {status}: {raw[:500]!r}")
    token = json.loads(raw).get("token")
    if not isinstance(token, str):
        raise BenchError(f"{what}: expected a token, got {raw[:500]!r}")
    check_jwt(what, token, ALG, payload)
    verify_signature(what, token, ALG, server.private_key_pem)
