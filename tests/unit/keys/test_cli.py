"""`keysets`: import checks the key, rotation refuses early promotion and reports its windows."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask

from service.keys.rotation import (
    CURRENT_STAGE,
    PENDING_STAGE,
    PREVIOUS_STAGE,
)
from service.wiring import Services
from tests.support.cli import last_json, run
from tests.support.clock import Clock


def _cli(app: Flask, *args: str, exit_code: int = 0) -> Any:
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == exit_code, result.output
    return result


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
    imported = last_json(
        run(runner, "keysets", "import", "strong", "--secret-id", "imported/strong", "--alg", "PS256").stdout
    )
    assert imported["alg"] == "PS256"
    missing = runner.invoke(args=["keysets", "import", "gone", "--secret-id", "imported/nothing"])
    assert missing.exit_code != 0
    assert "ResourceNotFoundException" in missing.output


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
