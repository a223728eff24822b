"""`apikeys`: rate limits set and listed; a script captures a new key and nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from flask import Flask

from service.apikeys import credentials
from tests.support.paths import ROOT
from tests.support.privacy import WATCH


def test_the_cli_sets_and_lists_limits(app: Flask, creds: dict[str, Any]) -> None:
    runner = app.test_cli_runner()
    prefix = credentials.api_key_prefix(creds["apiKey"])
    result = runner.invoke(args=["apikeys", "set-rate-limit", prefix, "50/second"])
    assert result.exit_code == 0, result.output
    assert '"rateLimit": "50/second"' in result.output
    bad = runner.invoke(args=["apikeys", "set-rate-limit", prefix, "50/fortnight"])
    assert bad.exit_code != 0
    assert "rate limit" in bad.output
    created = runner.invoke(args=["apikeys", "create", "--tenant", "dev", "--rate-limit", "7/minute"])
    assert created.exit_code == 0, created.output
    listed = runner.invoke(args=["apikeys", "list"]).output
    assert '"rateLimit": "7/minute"' in listed
    assert '"rateLimit": "50/second"' in listed
    result = runner.invoke(args=["apikeys", "set-rate-limit", prefix, "default"])
    assert '"effective": "600/minute"' in result.output


def test_a_scripts_captured_output_is_only_the_key(tmp_path: Path, emulator: str) -> None:
    # As a script runs it: KEY=$(flask --app service apikeys create …). Logs (alembic's, the emulator
    # warning) go to stderr; stdout is each command's answer.
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'broker.sqlite3'}",
        "AUDIT_SPOOL_DIR": str(tmp_path / "spool"),
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
        "AWS_ACCESS_KEY_ID": "x",
        "AWS_SECRET_ACCESS_KEY": "x",
        "LOG_LEVEL": "DEBUG",
    }
    script = """
    flask() { "$PYTHON" -m flask "$@"; }
    flask --app service db upgrade >"$OUT/upgrade.out" 2>"$OUT/upgrade.err"
    flask --app service tenants create acme >/dev/null 2>&1
    KEY=$(flask --app service apikeys create --tenant acme --scope links:long 2>"$OUT/create.err")
    printf '%s' "$KEY"
    """
    result = subprocess.run(
        ["bash", "-euc", script], cwd=ROOT, env={**env, "PYTHON": sys.executable, "OUT": str(tmp_path)},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert credentials.looks_like_api_key(result.stdout), result.stdout
    WATCH.watch(result.stdout)
    assert (tmp_path / "upgrade.out").read_text() == "database is at the latest revision\n"
    logged = (tmp_path / "upgrade.err").read_text().splitlines()
    assert logged
    assert all(json.loads(line)["logger"] for line in logged)
    assert "Store this key now" in (tmp_path / "create.err").read_text()
