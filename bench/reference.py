"""The reference token server for `make bench`: node-oidc-provider from the npm registry.

bench/reference/ is a small Node project (exact versions in package.json, everything pinned in
package-lock.json) whose server.mjs issues JWT access tokens by the client_credentials grant, in a
node:cluster of as many workers as the broker's gunicorn has. This module installs it (`npm ci`,
only when node_modules is missing or was installed from other manifests), starts it with a signing
key made for the run (never written to disk), waits until every worker listens, checks one token,
and stops it. Its CPU and memory are read from /proc like the broker's.

Each server runs as it would be deployed: oidc-provider keeps wrk's connections alive, while
gunicorn's sync workers close the connection after every response, so the broker's figures include
a TCP connect per request and the reference's do not.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import secrets
import shutil
import subprocess
import tempfile
import urllib.parse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.jwtcheck import check_jwt, verify_signature
from bench.procs import (
    HOST,
    BenchError,
    Children,
    CpuMeter,
    free_ports,
    http_request,
    loopback_env,
    wait_for_line,
    wait_until_ready,
)
from service.keys.material import generate_private_key_pem

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
PACKAGE_JSON = REFERENCE_DIR / "package.json"
LOCK_FILE = REFERENCE_DIR / "package-lock.json"
# Written after a successful `npm ci`: the manifests' hash, so changing either reinstalls.
INSTALL_STAMP = REFERENCE_DIR / "node_modules" / ".bench-installed.sha256"
PROVIDER_PACKAGE_JSON = REFERENCE_DIR / "node_modules" / "oidc-provider" / "package.json"
READY_MARKER = "REFERENCE_READY"
CLIENT_ID = "bench-client"
# An RFC 8707 resource indicator must be an absolute URI; this one is never contacted.
RESOURCE = "https://rp.bench.invalid/"
TOKEN_PATH = "/token"  # noqa: S105 - the token endpoint's path, not a secret
READY_PATH = "/.well-known/openid-configuration"
RSA_BITS = 2048
NPM_TIMEOUT_SECONDS = 300
# Settings that would change what is measured: debug logging (the `debug` package) and injected
# --require/--inspect flags (proxies are dropped too: all traffic here is loopback).
_DROPPED_ENV = ("DEBUG", "NODE_OPTIONS", "NODE_DEBUG")


@dataclasses.dataclass(frozen=True)
class NodeTools:
    """node and the installed reference project, found once per run."""

    node: str
    node_version: str
    provider_version: str


@dataclasses.dataclass(frozen=True)
class ReferenceSpec:
    """What one reference server issues: the scenario's algorithm, payload, audience and lifetime."""

    alg: str
    payload: Mapping[str, Any]
    audience: str
    ttl_seconds: int
    workers: int
    client_secret: str = dataclasses.field(repr=False)

    @property
    def authorization(self) -> str:
        """client_secret_basic (RFC 6749 2.3.1; the id and secret need no form-encoding here)."""
        pair = f"{CLIENT_ID}:{self.client_secret}".encode("ascii")
        return "Basic " + base64.b64encode(pair).decode("ascii")


@dataclasses.dataclass(frozen=True)
class ReferenceServer:
    """A running reference server and how to ask it for a token."""

    port: int
    meter: CpuMeter
    spec: ReferenceSpec
    private_key_pem: str = dataclasses.field(repr=False)


def new_client_secret() -> str:
    """A client secret for one run (client_secret_basic carries it; URL-safe, so no form-encoding)."""
    return secrets.token_urlsafe(32)


def token_request_body() -> str:
    """The client credentials token request, form-encoded, naming the one resource server."""
    return urllib.parse.urlencode({"grant_type": "client_credentials", "resource": RESOURCE})


# --- installation --------------------------------------------------------------------------------
def prepare() -> NodeTools:
    """node and npm on PATH, and bench/reference/node_modules installed from the lock file."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        raise BenchError("the reference server needs node (>= 20.19) and npm on PATH; install them and run again")
    ensure_installed(npm)
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    provider = json.loads(PROVIDER_PACKAGE_JSON.read_text())["version"]
    return NodeTools(node=node, node_version=version, provider_version=str(provider))


def _manifest_digest() -> str:
    """Hash of package.json and package-lock.json: either changing means node_modules may not match."""
    digest = hashlib.sha256()
    for path in (PACKAGE_JSON, LOCK_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_installed(npm: str) -> None:
    """`npm ci` when node_modules is missing or was installed from another package.json or lock file."""
    digest = _manifest_digest()
    if INSTALL_STAMP.is_file() and INSTALL_STAMP.read_text().strip() == digest:
        return
    print("installing the reference server's packages (npm ci in bench/reference)", flush=True)
    # Quiet: errors only, no audit or funding notices. `npm ci` installs exactly the lock file.
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=REFERENCE_DIR,
        capture_output=True,
        text=True,
        timeout=NPM_TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode != 0 or not PROVIDER_PACKAGE_JSON.is_file():
        # npm states the cause first and appends the command's usage after it.
        output = "\n".join((result.stderr or result.stdout).splitlines()[:12])
        raise BenchError(f"`npm ci` in {REFERENCE_DIR} failed ({result.returncode}):\n{output}")
    INSTALL_STAMP.write_text(digest + "\n")


# --- lifecycle -----------------------------------------------------------------------------------
def reference_env(spec: ReferenceSpec, port: int, private_key_pem: str) -> dict[str, str]:
    """server.mjs's settings, on top of an environment without debug, injected flags or proxies."""
    env = loopback_env(_DROPPED_ENV)
    env.update(
        # Production mode for Koa and oidc-provider: no development-only behaviour or stack traces.
        NODE_ENV="production",
        NO_PROXY=HOST,
        REF_PORT=str(port),
        REF_WORKERS=str(spec.workers),
        REF_ALG=spec.alg,
        REF_PRIVATE_KEY_PEM=private_key_pem,
        REF_PAYLOAD=json.dumps(spec.payload),
        REF_CLIENT_ID=CLIENT_ID,
        REF_CLIENT_SECRET=spec.client_secret,
        REF_RESOURCE=RESOURCE,
        REF_AUDIENCE=spec.audience,
        REF_TTL_SECONDS=str(spec.ttl_seconds),
    )
    return env


@contextmanager
def running_reference(tools: NodeTools, spec: ReferenceSpec) -> Iterator[ReferenceServer]:
    """node-oidc-provider with a fresh key for `spec`, all workers listening; stopped whatever happens."""
    children = Children()
    with tempfile.TemporaryDirectory(prefix="reference-bench-") as tmp:
        log_path = Path(tmp) / "reference.log"
        what = f"the reference server ({spec.alg})"
        try:
            (port,) = free_ports(1)
            private_key_pem = generate_private_key_pem(spec.alg, RSA_BITS)
            env = reference_env(spec, port, private_key_pem)
            proc = children.start([tools.node, "server.mjs"], env, log_path, cwd=REFERENCE_DIR)
            # The primary reports once every worker listens; until then some would get no connections.
            wait_for_line(proc, READY_MARKER, log_path, what)
            wait_until_ready(proc, port, READY_PATH, log_path, what)
            yield ReferenceServer(port, CpuMeter(proc.pid), spec, private_key_pem)
            if proc.poll() is not None:
                raise BenchError(f"{what} exited during the run (code {proc.returncode})")
        finally:
            children.stop_all()


def check_token(server: ReferenceServer, what: str) -> dict[str, Any]:
    """One token request: 200, a Bearer JWT with the scenario's alg, payload and lifetime, signed by our key."""
    headers = {"Authorization": server.spec.authorization, "Content-Type": "application/x-www-form-urlencoded"}
    status, raw = http_request(server.port, "POST", TOKEN_PATH, token_request_body().encode(), headers)
    if status != 200:
        raise BenchError(f"{what}: expected 200 before load, got {status}: {raw[:500]!r}")
    answer = json.loads(raw)
    token = answer.get("access_token")
    if answer.get("token_type") != "Bearer" or not isinstance(token, str):
        raise BenchError(f"{what}: expected a Bearer access_token, got {raw[:500]!r}")
    claims = check_jwt(what, token, server.spec.alg, server.spec.payload)
    verify_signature(what, token, server.spec.alg, server.private_key_pem)
    return claims
