"""`profiles` (and the tenant names they show): refused values, names, locales and renewals."""

from __future__ import annotations

import json
import secrets

import pytest
from flask import Flask

from tests.support.cli import run


def test_profile_create_refuses_bad_values(app: Flask) -> None:
    runner = app.test_cli_runner()
    run(runner, "tenants", "create", "acme")
    run(runner, "keysets", "create", "k")
    result = runner.invoke(
        args=["profiles", "create", "--tenant", "acme", "--name", "p", "--kind", "generic", "--mode", "query",
              "--iss", "i", "--aud", "a", "--rp-url", "ftp://rp.test", "--allow-origin", "https://rp.test/path"]
    )  # fmt: skip
    assert result.exit_code != 0
    assert "rpUrl" in result.output
    assert "allowOrigin" in result.output


@pytest.mark.parametrize(
    "name",
    ["Dev\r\nBcc: x@evil.example", "Dev\nPhysio", "Tab\there", "Line\u2028sep", "  ", "Dev =?utf-8?q?=0D=0ABcc=3A_x?="],
)
def test_display_names_refuse_control_characters_and_encoded_words_at_every_way_in(app: Flask, name: str) -> None:
    runner = app.test_cli_runner()
    run(runner, "tenants", "create", "acme", "--display-name", "Acme Physio")
    run(runner, "keysets", "create", f"names-{secrets.token_hex(4)}")
    profile = ["--tenant", "acme", "--name", "go"]
    run(runner, "profiles", "create", *profile, "--kind", "generic", "--mode", "query", "--iss", "i", "--aud", "a",
         "--rp-url", "https://rp.test/x")  # fmt: skip
    attempts = [
        ["tenants", "create", "other", "--display-name", name],
        ["tenants", "update", "acme", "--display-name", name],
        ["profiles", "update", *profile, "--display-name", name],
        ["profiles", "create", "--tenant", "acme", "--name", "go2", "--kind", "generic", "--mode", "query", "--iss",
         "i", "--aud", "a", "--rp-url", "https://rp.test/x", "--display-name", name],
    ]  # fmt: skip
    for args in attempts:
        refused = runner.invoke(args=args)
        assert refused.exit_code == 1, (args, refused.output)
        assert "displayName" in refused.output, refused.output
        assert "Traceback" not in refused.output
    assert [t["name"] for t in map(json.loads, run(runner, "tenants", "list").stdout.splitlines())] == ["acme"]
    assert json.loads(run(runner, "tenants", "list").stdout.splitlines()[-1])["displayName"] == "Acme Physio"
    rows = [json.loads(line) for line in run(runner, "profiles", "list", "--tenant", "acme").stdout.splitlines()]
    assert [(row["name"], row["displayName"]) for row in rows] == [("go", None)]


def test_names_locales_and_renewals_of_tenants_and_profiles(app: Flask) -> None:
    runner = app.test_cli_runner()
    made = json.loads(run(runner, "tenants", "create", "acme", "--display-name", "Acme Physio").stdout)
    assert made["displayName"] == "Acme Physio"
    run(runner, "tenants", "update", "acme", "--display-name", "Acme Fysio")
    listed = json.loads(run(runner, "tenants", "list").stdout.splitlines()[-1])
    assert listed["displayName"] == "Acme Fysio"
    run(runner, "keysets", "create", f"names-{secrets.token_hex(4)}")
    run(
        runner, "profiles", "create", "--tenant", "acme", "--name", "go", "--kind", "exorlive-go", "--mode",
        "exchange", "--iss", "i", "--aud", "a", "--rp-url", "https://rp.test/x", "--allow-origin",
        "https://rp.test", "--display-name", "ExorLive Go", "--locale", "nb",
    )  # fmt: skip
    updated = json.loads(
        run(
            runner, "profiles", "update", "--tenant", "acme", "--name", "go", "--link-renewals", "0",
            "--refresh-url", "https://rp.test/start", "--time-zone", "Europe/Oslo",
        ).stdout
    )  # fmt: skip
    assert (updated["displayName"], updated["locale"], updated["linkRenewals"]) == ("ExorLive Go", "nb", 0)
    assert (updated["refreshUrl"], updated["timeZone"]) == ("https://rp.test/start", "Europe/Oslo")
    refused = runner.invoke(
        args=["profiles", "update", "--tenant", "acme", "--name", "go", "--refresh-url", "https://elsewhere.test/",
              "--time-zone", "Mars/Olympus"]
    )  # fmt: skip
    assert refused.exit_code != 0
    assert "refreshUrl" in refused.output
    assert "timeZone" in refused.output
