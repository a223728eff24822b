"""The CLI as an operator first meets it: a tenant, its key, a keyset and a profile, end to end."""

from __future__ import annotations

import json

from flask import Flask

from service.apikeys import credentials
from service.wiring import Services
from tests.support.api import bearer, generate
from tests.support.cli import last_json, run
from tests.support.privacy import WATCH


def test_tenant_key_keyset_profile_lifecycle(app: Flask, svc: Services) -> None:
    runner = app.test_cli_runner()
    run(runner, "tenants", "create", "acme")
    assert [t["name"] for t in map(json.loads, run(runner, "tenants", "list").stdout.splitlines())] == ["acme"]

    keyset = last_json(
        run(runner, "keysets", "create", "acme-rs", "--alg", "RS256", "--rsa-bits", "2048", "--default").stdout
    )
    assert keyset["alg"] == "RS256"
    assert keyset["secretId"] == "sso-token-broker/keysets/acme-rs"

    created = run(runner, "apikeys", "create", "--tenant", "acme", "--scope", "links:email", "--label", "ci")
    api_key = created.stdout.strip().splitlines()[-1]
    WATCH.watch(api_key)
    assert credentials.looks_like_api_key(api_key)
    listed = [json.loads(line) for line in run(runner, "apikeys", "list").stdout.splitlines()]
    assert listed[0]["prefix"] == api_key[:12]
    assert listed[0]["scopes"] == ["links:email"]
    assert api_key not in json.dumps(listed)
    stored = svc.stores.api_keys.api_key_by_prefix(api_key[:12])
    assert stored is not None
    assert stored.key_hash != api_key
    assert api_key[12:] not in stored.key_hash

    profile = last_json(
        run(
            runner, "profiles", "create", "--tenant", "acme", "--name", "main", "--kind", "exorlive-main",
            "--mode", "query", "--iss", "https://acme.test", "--aud", "exorlive", "--rp-url",
            "https://rp.test/landing", "--allow-origin", "https://rp.test", "--max-ttl", "120",
        ).stdout
    )  # fmt: skip
    assert profile["profileKey"].startswith("pk_")
    shown = json.loads(run(runner, "profiles", "list", "--tenant", "acme").stdout.splitlines()[-1])
    assert (shown["keyset"], shown["maxTokenTtl"], shown["allowedRedirectOrigins"]) == (
        "acme-rs",
        120,
        ["https://rp.test"],
    )

    client = app.test_client()
    minted = generate(client, {"apiKey": api_key}, payload={"a": 1}, profileKey=profile["profileKey"])
    # A generic payload on an exorlive-main profile is refused: the kind comes from the profile.
    assert minted.status_code == 422

    run(runner, "apikeys", "revoke", api_key[:12])
    response = client.post("/api/v1/generateJWT", json={"payload": {}}, headers=bearer(api_key))
    assert response.status_code == 401
