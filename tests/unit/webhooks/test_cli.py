"""`webhooks`: endpoints from the CLI; the dispatcher process logs where the web process does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from flask import Flask

from tests.support.api import generate
from tests.support.cli import last_json, run
from tests.support.paths import ROOT
from tests.support.privacy import WATCH


def test_webhooks_from_the_cli(app: Flask, creds: dict[str, Any]) -> None:
    from tests.support.webhooks import Receiver

    runner, receiver = app.test_cli_runner(), Receiver()
    created = last_json(
        run(runner, "webhooks", "create", "--tenant", "dev", "--url", receiver.url, "--event", "link.created").stdout
    )
    WATCH.watch(created["secret"])
    assert (created["events"], created["state"]) == (["link.created"], "enabled")
    refused = runner.invoke(args=["webhooks", "create", "--tenant", "dev", "--url", "http://hooks.example.com/"])
    assert refused.exit_code != 0
    assert "url" in refused.output
    (listed,) = [json.loads(line) for line in run(runner, "webhooks", "list", "--tenant", "dev").stdout.splitlines()]
    assert listed["id"] == created["id"]
    assert last_json(run(runner, "webhooks", "show", created["id"]).stdout)["url"] == receiver.url
    client = app.test_client()
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    with receiver.serving():
        assert last_json(run(runner, "webhooks", "dispatch", "--once").stdout) == {"attempted": 1}
    (delivery,) = [
        json.loads(line) for line in run(runner, "webhooks", "deliveries", created["id"]).stdout.splitlines()
    ]
    assert delivery["state"] == "delivered"
    again = last_json(run(runner, "webhooks", "redeliver", created["id"], delivery["id"]).stdout)
    assert again["eventId"] == delivery["eventId"]
    rotated = last_json(run(runner, "webhooks", "rotate-secret", created["id"]).stdout)
    WATCH.watch(rotated["secret"])
    assert rotated["secret"] != created["secret"]
    run(runner, "webhooks", "delete", created["id"])
    assert runner.invoke(args=["webhooks", "show", created["id"]]).exit_code != 0


def test_the_dispatcher_process_logs_to_stdout_as_the_web_process_does(
    db_url: str, emulator: str, tmp_path: Path
) -> None:
    # A Procfile process, not a command whose output a script reads: the platform reads its logs on stdout.
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": db_url,
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": emulator,
        "AWS_ACCESS_KEY_ID": "x",
        "AWS_SECRET_ACCESS_KEY": "x",
        "AUDIT_SPOOL_DIR": str(tmp_path / "spool"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "service", "webhooks", "dispatch"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        first = json.loads(process.stdout.readline())
        assert (first["logger"], first["msg"]) == ("service.webhooks.cli", "webhook dispatcher started")
    finally:
        process.terminate()
        out, err = process.communicate(timeout=30)
    assert "webhook dispatcher stopped" in out
    assert err == ""
