"""The admin CLI: tenants, API keys and their limits, keysets and their rotation, profiles, links, the dev seed."""

from __future__ import annotations

import json
import re
import secrets
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from service.apikeys import credentials
from service.keys.rotation import (
    CURRENT_STAGE,
    PENDING_STAGE,
    PREVIOUS_STAGE,
)
from service.links.models import LaunchLink
from service.wiring import Services
from tests.support.api import bearer, generate
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE
from tests.support.privacy import WATCH


def _run(runner: FlaskCliRunner, *args: str) -> Any:
    result = runner.invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result


def _last_json(output: str) -> Any:
    return json.loads(output.strip().splitlines()[-1])


def test_tenant_key_keyset_profile_lifecycle(app: Flask, svc: Services) -> None:
    runner = app.test_cli_runner()
    _run(runner, "tenants", "create", "acme")
    assert [t["name"] for t in map(json.loads, _run(runner, "tenants", "list").stdout.splitlines())] == ["acme"]

    keyset = _last_json(
        _run(runner, "keysets", "create", "acme-rs", "--alg", "RS256", "--rsa-bits", "2048", "--default").stdout
    )
    assert keyset["alg"] == "RS256"
    assert keyset["secretId"] == "sso-token-broker/keysets/acme-rs"

    created = _run(runner, "apikeys", "create", "--tenant", "acme", "--scope", "links:email", "--label", "ci")
    api_key = created.stdout.strip().splitlines()[-1]
    WATCH.watch(api_key)
    assert credentials.looks_like_api_key(api_key)
    listed = [json.loads(line) for line in _run(runner, "apikeys", "list").stdout.splitlines()]
    assert listed[0]["prefix"] == api_key[:12]
    assert listed[0]["scopes"] == ["links:email"]
    assert api_key not in json.dumps(listed)
    stored = svc.stores.api_keys.api_key_by_prefix(api_key[:12])
    assert stored is not None
    assert stored.key_hash != api_key
    assert api_key[12:] not in stored.key_hash

    profile = _last_json(
        _run(
            runner, "profiles", "create", "--tenant", "acme", "--name", "main", "--kind", "exorlive-main",
            "--mode", "query", "--iss", "https://acme.test", "--aud", "exorlive", "--rp-url",
            "https://rp.test/landing", "--allow-origin", "https://rp.test", "--max-ttl", "120",
        ).stdout
    )  # fmt: skip
    assert profile["profileKey"].startswith("pk_")
    shown = json.loads(_run(runner, "profiles", "list", "--tenant", "acme").stdout.splitlines()[-1])
    assert (shown["keyset"], shown["maxTokenTtl"], shown["allowedRedirectOrigins"]) == (
        "acme-rs",
        120,
        ["https://rp.test"],
    )

    client = app.test_client()
    minted = generate(client, {"apiKey": api_key}, payload={"a": 1}, profileKey=profile["profileKey"])
    # A generic payload on an exorlive-main profile is refused: the kind comes from the profile.
    assert minted.status_code == 422

    _run(runner, "apikeys", "revoke", api_key[:12])
    response = client.post("/api/v1/generateJWT", json={"payload": {}}, headers=bearer(api_key))
    assert response.status_code == 401


def test_keyset_import_checks_the_key(app: Flask, svc: Services) -> None:
    runner = app.test_cli_runner()
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - the weak key under test
    pem = weak.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    svc.secrets_client.create_secret(Name="imported/weak", SecretString=pem.decode())
    result = runner.invoke(args=["keysets", "import", "weak", "--secret-id", "imported/weak", "--alg", "RS256"])
    assert result.exit_code != 0
    assert "weak" in result.output
    assert "2048" in result.output
    assert "BEGIN" not in result.output
    assert svc.stores.keysets.find_keyset("weak") is None

    strong = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    raw_pem = strong.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    svc.secrets_client.create_secret(Name="imported/strong", SecretString=raw_pem)
    imported = _last_json(
        _run(runner, "keysets", "import", "strong", "--secret-id", "imported/strong", "--alg", "PS256").stdout
    )
    assert imported["alg"] == "PS256"
    missing = runner.invoke(args=["keysets", "import", "gone", "--secret-id", "imported/nothing"])
    assert missing.exit_code != 0
    assert "ResourceNotFoundException" in missing.output


def test_profile_create_refuses_bad_values(app: Flask) -> None:
    runner = app.test_cli_runner()
    _run(runner, "tenants", "create", "acme")
    _run(runner, "keysets", "create", "k")
    result = runner.invoke(
        args=["profiles", "create", "--tenant", "acme", "--name", "p", "--kind", "generic", "--mode", "query",
              "--iss", "i", "--aud", "a", "--rp-url", "ftp://rp.test", "--allow-origin", "https://rp.test/path"]
    )  # fmt: skip
    assert result.exit_code != 0
    assert "rpUrl" in result.output
    assert "allowOrigin" in result.output


@pytest.mark.parametrize("name", ["Dev\r\nBcc: x@evil.example", "Dev\nPhysio", "Tab\there", "Line\u2028sep", "  "])
def test_display_names_refuse_line_breaks_and_control_characters_at_every_way_in(app: Flask, name: str) -> None:
    runner = app.test_cli_runner()
    _run(runner, "tenants", "create", "acme", "--display-name", "Acme Physio")
    _run(runner, "keysets", "create", f"names-{secrets.token_hex(4)}")
    profile = ["--tenant", "acme", "--name", "go"]
    _run(runner, "profiles", "create", *profile, "--kind", "generic", "--mode", "query", "--iss", "i", "--aud", "a",
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
    assert [t["name"] for t in map(json.loads, _run(runner, "tenants", "list").stdout.splitlines())] == ["acme"]
    assert json.loads(_run(runner, "tenants", "list").stdout.splitlines()[-1])["displayName"] == "Acme Physio"
    rows = [json.loads(line) for line in _run(runner, "profiles", "list", "--tenant", "acme").stdout.splitlines()]
    assert [(row["name"], row["displayName"]) for row in rows] == [("go", None)]


def test_names_locales_and_renewals_of_tenants_and_profiles(app: Flask) -> None:
    runner = app.test_cli_runner()
    made = json.loads(_run(runner, "tenants", "create", "acme", "--display-name", "Acme Physio").stdout)
    assert made["displayName"] == "Acme Physio"
    _run(runner, "tenants", "update", "acme", "--display-name", "Acme Fysio")
    listed = json.loads(_run(runner, "tenants", "list").stdout.splitlines()[-1])
    assert listed["displayName"] == "Acme Fysio"
    _run(runner, "keysets", "create", f"names-{secrets.token_hex(4)}")
    _run(
        runner, "profiles", "create", "--tenant", "acme", "--name", "go", "--kind", "exorlive-go", "--mode",
        "exchange", "--iss", "i", "--aud", "a", "--rp-url", "https://rp.test/x", "--allow-origin",
        "https://rp.test", "--display-name", "ExorLive Go", "--locale", "nb",
    )  # fmt: skip
    updated = json.loads(
        _run(
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


def test_dev_seed_is_idempotent(app: Flask) -> None:
    runner = app.test_cli_runner()

    def seed() -> Any:
        output = _run(runner, "dev", "seed").stdout
        return json.loads(output[output.index("{") :])

    first, second = seed(), seed()
    WATCH.watch(first["apiKey"], first["adminApiKey"], first["testApiKey"])
    assert first == second
    assert set(first) == {
        "baseUrl", "apiKey", "adminApiKey", "testApiKey", "profiles", "testProfiles", "jwksUrl", "sandboxUrl",
    }  # fmt: skip
    assert set(first["profiles"]) == set(first["testProfiles"]) == {"exorlive-main", "exorlive-go", "generic"}
    assert first["testApiKey"].startswith("tbk_test_")
    assert json.loads((Path(app.instance_path) / "dev-credentials.json").read_text()) == first
    keys = [json.loads(line) for line in _run(runner, "apikeys", "list").stdout.splitlines()]
    assert sorted((k["label"], tuple(k["scopes"])) for k in keys) == [
        ("dev", ("links:email", "links:long")),
        ("dev-admin", ("keys:admin", "links:admin", "links:email", "links:long", "webhooks:admin")),
        ("dev-test", ("links:email", "links:long")),
    ]  # fmt: skip


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


def test_cli_lists_revokes_and_purges(app: Flask, client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    runner = app.test_cli_runner()
    used = generate(client, creds, "exorlive-main").get_json()["url"]
    kept = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey").get_json()["url"]
    WATCH.watch(used.rsplit("/", 1)[1], kept.rsplit("/", 1)[1])
    client.post(urlsplit(used).path, headers=FROM_ITS_PAGE)
    listed = [json.loads(line) for line in runner.invoke(args=["links", "list", "--tenant", "dev"]).stdout.splitlines()]
    assert sorted(link["state"] for link in listed) == ["usable", "used"]
    purged = json.loads(runner.invoke(args=["links", "purge"]).stdout.splitlines()[-1])
    assert purged["linksPurged"] == 1
    with svc.db.session() as session:
        sealed = {row.uses: row.sealed_payload for row in session.query(LaunchLink)}
    assert sealed[1] is None
    assert sealed[0] is not None
    usable = next(link for link in listed if link["state"] == "usable")
    result = runner.invoke(args=["links", "revoke", usable["id"]])
    assert json.loads(result.stdout.splitlines()[-1])["state"] == "revoked"
    assert json.loads(runner.invoke(args=["links", "purge"]).stdout.splitlines()[-1])["linksPurged"] == 1
    assert client.get(urlsplit(kept).path).status_code == 410


# --- the CLI -------------------------------------------------------------------------------------------------
def _cli(app: Flask, *args: str, exit_code: int = 0) -> Any:
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == exit_code, result.output
    return result


def test_cli_rotates_refuses_early_promotes_and_reports(app: Flask, svc: Services, clock: Clock) -> None:
    name = f"cli-{uuid.uuid4().hex[:8]}"
    a = json.loads(_cli(app, "keysets", "create", name).stdout)["kid"]
    rotated = json.loads(_cli(app, "keysets", "rotate", name).stdout)
    b = rotated["pendingKid"]
    assert rotated["promoteAllowedInSeconds"] in (599, 600)  # defaults: 300 s refresh + 300 s max-age

    clock.advance(40)
    refused = _cli(app, "keysets", "promote", name, exit_code=1)
    assert re.search(
        rf"Error: Keyset '{name}': the pending key has been published for 4[01] s; "
        r"promote is allowed after 600 s \(in 5[56]\d s\), when every cached JWKS contains it\. Or use --force\.",
        refused.stderr,
    ), refused.stderr
    again = _cli(app, "keysets", "rotate", name, exit_code=1)
    assert "already has a pending key" in again.stderr

    report = json.loads(_cli(app, "keysets", "status", name).stdout)
    assert (report["stages"][CURRENT_STAGE]["kid"], report["stages"][PENDING_STAGE]["kid"]) == (a, b)
    assert report["promote"]["allowedInSeconds"] in range(559, 561)

    clock.advance(560)
    promoted = json.loads(_cli(app, "keysets", "promote", name).stdout)
    assert promoted == {
        "name": name,
        "currentKid": b,
        "previousKid": a,
        "unpublishedKid": None,
        "forcedEarlyBySeconds": 0,
    }
    report = json.loads(_cli(app, "keysets", "status", name).stdout)
    assert report["stages"][PREVIOUS_STAGE]["kid"] == a
    # defaults: 300 s token lifetime + 3600 s key staleness + 300 s max-age
    assert report["stages"][PREVIOUS_STAGE]["unpublishableInSeconds"] in (4199, 4200)
    # The JWKS publishes both: B signs, A's last tokens still verify.
    assert set(json.loads(_cli(app, "keysets", "list").stdout)["publishedKids"]) == {a, b}


def test_cli_force_promotes_at_once_with_a_loud_warning(app: Flask, svc: Services, clock: Clock) -> None:
    name = f"cli-{uuid.uuid4().hex[:8]}"
    a = json.loads(_cli(app, "keysets", "create", name).stdout)["kid"]
    b = json.loads(_cli(app, "keysets", "rotate", name).stdout)["pendingKid"]
    clock.advance(600)
    _cli(app, "keysets", "promote", name)
    c = json.loads(_cli(app, "keysets", "rotate", name).stdout)["pendingKid"]

    forced = _cli(app, "keysets", "promote", name, "--force")
    body = json.loads(forced.stdout)
    assert (body["currentKid"], body["previousKid"], body["unpublishedKid"]) == (c, b, a)
    assert body["forcedEarlyBySeconds"] in range(4198, 4201)  # A's retire window binds (4200 s by default)
    assert f"WARNING: --force promoted kid {c}" in forced.stderr
    assert f"tokens signed by kid {a} (no longer published) may be rejected" in forced.stderr


def test_cli_rotation_of_an_unknown_keyset_is_a_clear_error(app: Flask) -> None:
    for command in ("rotate", "promote", "status"):
        result = _cli(app, "keysets", command, "nope", exit_code=1)
        assert "Error:" in result.stderr
        assert "nope" in result.stderr
        assert "Traceback" not in result.output


def test_webhooks_from_the_cli(app: Flask, creds: dict[str, Any]) -> None:
    from tests.support.webhooks import Receiver

    runner, receiver = app.test_cli_runner(), Receiver()
    created = _last_json(
        _run(runner, "webhooks", "create", "--tenant", "dev", "--url", receiver.url, "--event", "link.created").stdout
    )
    WATCH.watch(created["secret"])
    assert (created["events"], created["state"]) == (["link.created"], "enabled")
    refused = runner.invoke(args=["webhooks", "create", "--tenant", "dev", "--url", "http://hooks.example.com/"])
    assert refused.exit_code != 0
    assert "url" in refused.output
    (listed,) = [json.loads(line) for line in _run(runner, "webhooks", "list", "--tenant", "dev").stdout.splitlines()]
    assert listed["id"] == created["id"]
    assert _last_json(_run(runner, "webhooks", "show", created["id"]).stdout)["url"] == receiver.url
    client = app.test_client()
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    with receiver.serving():
        assert _last_json(_run(runner, "webhooks", "dispatch", "--once").stdout) == {"attempted": 1}
    (delivery,) = [
        json.loads(line) for line in _run(runner, "webhooks", "deliveries", created["id"]).stdout.splitlines()
    ]
    assert delivery["state"] == "delivered"
    again = _last_json(_run(runner, "webhooks", "redeliver", created["id"], delivery["id"]).stdout)
    assert again["eventId"] == delivery["eventId"]
    rotated = _last_json(_run(runner, "webhooks", "rotate-secret", created["id"]).stdout)
    WATCH.watch(rotated["secret"])
    assert rotated["secret"] != created["secret"]
    _run(runner, "webhooks", "delete", created["id"])
    assert runner.invoke(args=["webhooks", "show", created["id"]]).exit_code != 0
