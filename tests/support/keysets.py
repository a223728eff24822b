"""Keysets in Secrets Manager for the rotation tests: a new one, its stages, a stage's kid, its tags."""

from __future__ import annotations

import uuid
from typing import Any

from service.keys.material import encode_secret_string, generate_private_key_pem, parse_signing_key
from service.keys.rotation import CURRENT_STAGE, PENDING_STAGE, PREVIOUS_STAGE, RotationWindows
from service.keys.source import KeysetRef
from tests.support.privacy import WATCH

# Small windows for the unit tests: publish = 10 + 60 = 70 s, retire = 300 + 10 + 60 = 370 s.
WINDOWS = RotationWindows(refresh_seconds=10, jwks_max_age_seconds=60, max_staleness_seconds=10)


def new_keyset(sm: Any, alg: str = "ES256", rsa_bits: int = 2048, tags: dict[str, str] | None = None) -> KeysetRef:
    name = f"rot-{uuid.uuid4().hex[:8]}"
    secret_id = f"sso-token-broker/keysets/{name}"
    secret = encode_secret_string(generate_private_key_pem(alg, rsa_bits))
    WATCH.watch(secret)
    sm.create_secret(
        Name=secret_id, SecretString=secret, Tags=[{"Key": k, "Value": v} for k, v in (tags or {}).items()]
    )
    return KeysetRef(name=name, secret_id=secret_id, alg=alg)


def stages_of(sm: Any, keyset: KeysetRef) -> dict[str, str]:
    """Stage -> version id, for the three published stages."""
    versions = sm.describe_secret(SecretId=keyset.secret_id)["VersionIdsToStages"]
    return {
        s: v for v, stages in versions.items() for s in stages if s in (CURRENT_STAGE, PENDING_STAGE, PREVIOUS_STAGE)
    }


def kid_at(sm: Any, keyset: KeysetRef, stage: str) -> str:
    secret = sm.get_secret_value(SecretId=keyset.secret_id, VersionStage=stage)["SecretString"]
    WATCH.watch(secret)
    return parse_signing_key(secret, keyset.alg, keyset.name).kid


def tags_of(sm: Any, keyset: KeysetRef) -> dict[str, str]:
    return {t["Key"]: t["Value"] for t in sm.describe_secret(SecretId=keyset.secret_id).get("Tags") or []}
