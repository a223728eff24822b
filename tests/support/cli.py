"""The CLI in tests: run a command that must succeed, and read the JSON line it printed last."""

from __future__ import annotations

import json
from typing import Any

from flask.testing import FlaskCliRunner


def run(runner: FlaskCliRunner, *args: str) -> Any:
    """Invoke `flask --app service <args>`; the command must exit 0."""
    result = runner.invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result


def last_json(output: str) -> Any:
    return json.loads(output.strip().splitlines()[-1])
