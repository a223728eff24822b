"""`apikeys`: rate limits set and listed."""

from __future__ import annotations

from typing import Any

from flask import Flask

from service.apikeys import credentials


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
