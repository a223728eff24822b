"""The admin CLI: tenants, API keys, keysets, profiles, and the idempotent dev seed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask
from flask.testing import FlaskCliRunner

from service.apikeys import credentials
from service.wiring import Services
from tests.support.api import bearer, generate
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
    stored = svc.store.api_key_by_prefix(api_key[:12])
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
    assert svc.store.find_keyset("weak") is None

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


def test_dev_seed_is_idempotent(app: Flask) -> None:
    runner = app.test_cli_runner()

    def seed() -> Any:
        output = _run(runner, "dev", "seed").stdout
        return json.loads(output[output.index("{") :])

    first, second = seed(), seed()
    WATCH.watch(first["apiKey"], first["adminApiKey"])
    assert first == second
    assert set(first) == {"baseUrl", "apiKey", "adminApiKey", "profiles", "jwksUrl", "sandboxUrl"}
    assert set(first["profiles"]) == {"exorlive-main", "exorlive-go", "generic"}
    assert json.loads((Path(app.instance_path) / "dev-credentials.json").read_text()) == first
    keys = [json.loads(line) for line in _run(runner, "apikeys", "list").stdout.splitlines()]
    assert sorted((k["label"], tuple(k["scopes"])) for k in keys) == [
        ("dev", ()), ("dev-admin", ("keys:admin", "links:admin", "links:email", "links:long")),
    ]  # fmt: skip
