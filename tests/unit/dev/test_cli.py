"""`dev`: its help and commands, and a seed that can run twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import Flask

from tests.support.cli import run
from tests.support.privacy import WATCH


def test_the_dev_group_shows_its_help_and_commands(app: Flask) -> None:
    """`dev` is listed without importing development code, and its commands appear when its help is asked for."""
    output = run(app.test_cli_runner(), "dev", "--help").stdout
    assert "Development helpers (never for production)." in output
    assert "seed  Create (or find) the dev tenant" in output


def test_dev_seed_is_idempotent(app: Flask) -> None:
    runner = app.test_cli_runner()

    def seed() -> Any:
        output = run(runner, "dev", "seed").stdout
        return json.loads(output[output.index("{") :])

    first, second = seed(), seed()
    WATCH.watch(first["apiKey"], first["adminApiKey"], first["testApiKey"])
    assert first == second
    assert set(first) == {
        "baseUrl", "apiKey", "adminApiKey", "testApiKey", "profiles", "testProfiles", "jwksUrl", "sandboxUrl",
        "consoleUrl", "consoleOwner",
    }  # fmt: skip
    assert set(first["profiles"]) == set(first["testProfiles"]) == {"exorlive-main", "exorlive-go", "generic"}
    assert first["testApiKey"].startswith("tbk_test_")
    assert json.loads((Path(app.instance_path) / "dev-credentials.json").read_text()) == first
    keys = [json.loads(line) for line in run(runner, "apikeys", "list").stdout.splitlines()]
    assert sorted((k["label"], tuple(k["scopes"])) for k in keys) == [
        ("dev", ("links:email", "links:long")),
        ("dev-admin", ("keys:admin", "links:admin", "links:email", "links:long", "webhooks:admin")),
        ("dev-test", ("links:email", "links:long")),
    ]  # fmt: skip
