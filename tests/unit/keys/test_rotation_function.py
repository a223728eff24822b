"""The Secrets Manager rotation function: the four-step protocol, idempotent per step, held to the windows."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from service.errors import ConfigError, KeyMaterialError
from service.keys import rotation
from service.keys.rotation import (
    CURRENT_STAGE,
    PENDING_STAGE,
    PREVIOUS_STAGE,
    TAG_ALG,
    TAG_CURRENT_SINCE,
    TAG_CURRENT_VERSION,
    RotationNotReady,
    RotationRefused,
    RotationWindows,
)
from service.keys.rotation_function import InvalidRotationEvent, handler, make_handler, windows_from_env
from service.keys.source import KeysetRef
from tests.support.clock import Clock
from tests.support.keysets import WINDOWS, kid_at, new_keyset, stages_of, tags_of


# --- the Secrets Manager rotation function -------------------------------------------------------------------
def _event(keyset: KeysetRef, token: str, step: str) -> dict[str, str]:
    return {"SecretId": keyset.secret_id, "ClientRequestToken": token, "Step": step}


def test_rotation_function_runs_the_protocol_and_finishes_after_the_publish_window(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    a = kid_at(sm, keyset, CURRENT_STAGE)
    rotate = make_handler(sm, WINDOWS, clock)
    token = str(uuid.uuid4())

    rotate(_event(keyset, token, "createSecret"), None)
    assert stages_of(sm, keyset)[PENDING_STAGE] == token
    b = kid_at(sm, keyset, PENDING_STAGE)
    rotate(_event(keyset, token, "createSecret"), None)  # a retry: the same version, the same key
    assert kid_at(sm, keyset, PENDING_STAGE) == b
    assert len(sm.describe_secret(SecretId=keyset.secret_id)["VersionIdsToStages"]) == 2
    rotate(_event(keyset, token, "setSecret"), None)
    rotate(_event(keyset, token, "testSecret"), None)

    with pytest.raises(RotationNotReady, match="promote is allowed after 70 s"):
        rotate(_event(keyset, token, "finishSecret"), None)
    assert kid_at(sm, keyset, CURRENT_STAGE) == a

    # Secrets Manager retries the whole rotation later; every step repeats harmlessly.
    clock.advance(WINDOWS.publish_seconds)
    for step in ("createSecret", "setSecret", "testSecret", "finishSecret"):
        rotate(_event(keyset, token, step), None)
    assert set(stages_of(sm, keyset)) == {CURRENT_STAGE, PREVIOUS_STAGE}
    assert stages_of(sm, keyset)[CURRENT_STAGE] == token
    assert (kid_at(sm, keyset, CURRENT_STAGE), kid_at(sm, keyset, PREVIOUS_STAGE)) == (b, a)
    assert tags_of(sm, keyset)[TAG_CURRENT_VERSION] == token

    # A finished rotation retried again changes nothing.
    for step in ("createSecret", "setSecret", "testSecret", "finishSecret"):
        rotate(_event(keyset, token, step), None)
    assert kid_at(sm, keyset, CURRENT_STAGE) == b
    assert PENDING_STAGE not in stages_of(sm, keyset)


def test_rotation_function_keeps_the_algorithm_and_the_key_size(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm, "PS256", rsa_bits=2048, tags={TAG_ALG: "PS256"})
    rotate = make_handler(sm, WINDOWS, clock)
    token = str(uuid.uuid4())
    rotate(_event(keyset, token, "createSecret"), None)
    rotate(_event(keyset, token, "testSecret"), None)
    state = rotation.read_state(sm, keyset)
    assert state.pending is not None
    assert state.pending.rsa_bits == 2048
    assert tags_of(sm, keyset)[TAG_ALG] == "PS256"


def test_rotation_function_reads_an_untagged_ec_key_as_es256(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm, "ES256")
    rotate = make_handler(sm, WINDOWS, clock)
    token = str(uuid.uuid4())
    rotate(_event(keyset, token, "createSecret"), None)
    assert kid_at(sm, keyset, PENDING_STAGE)  # parses as ES256, so a P-256 key
    assert tags_of(sm, keyset)[TAG_ALG] == "ES256"


def test_rotation_function_refuses_a_broken_pending_key_in_test_secret(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    token = str(uuid.uuid4())
    sm.put_secret_value(
        SecretId=keyset.secret_id, ClientRequestToken=token, SecretString="not-a-key" * 8, VersionStages=[PENDING_STAGE]
    )
    rotate = make_handler(sm, WINDOWS, clock)
    with pytest.raises(KeyMaterialError, match="not a readable ES256 private key"):
        rotate(_event(keyset, token, "testSecret"), None)
    clock.advance(WINDOWS.publish_seconds)
    with pytest.raises(RotationRefused, match="not a usable ES256 key"):
        rotate(_event(keyset, token, "finishSecret"), None)


def test_rotation_function_refuses_unknown_versions_and_other_pending_keys(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    rotate = make_handler(sm, WINDOWS, clock)
    with pytest.raises(RotationRefused, match="does not exist; createSecret first"):
        rotate(_event(keyset, str(uuid.uuid4()), "setSecret"), None)
    current = stages_of(sm, keyset)[CURRENT_STAGE]
    rotation.rotate(sm, keyset, clock())  # a rotation from the CLI is in progress
    with pytest.raises(RotationRefused, match="is already pending"):
        rotate(_event(keyset, str(uuid.uuid4()), "createSecret"), None)
    # A version that is neither current nor pending: the old current after a promotion.
    clock.advance(WINDOWS.publish_seconds)
    rotation.promote(sm, keyset, clock(), windows=WINDOWS)
    with pytest.raises(RotationRefused, match="is not AWSPENDING"):
        rotate(_event(keyset, current, "testSecret"), None)


def test_rotation_function_refuses_a_secret_whose_current_key_is_unusable(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    sm.put_secret_value(SecretId=keyset.secret_id, SecretString="not-a-key" * 8)  # becomes AWSCURRENT
    with pytest.raises(RotationRefused, match="the current key is not a usable ES256, RS256 or PS256 key"):
        make_handler(sm, WINDOWS, clock)(_event(keyset, str(uuid.uuid4()), "createSecret"), None)
    assert PENDING_STAGE not in stages_of(sm, keyset)


@pytest.mark.parametrize(
    "event",
    [
        {"SecretId": "x", "ClientRequestToken": "t", "Step": "rotateEverything"},
        {"SecretId": "x", "Step": "createSecret"},
        {"SecretId": "", "ClientRequestToken": "t", "Step": "createSecret"},
        ["createSecret"],
    ],
)
def test_rotation_function_refuses_malformed_events(sm: Any, clock: Clock, event: Any) -> None:
    with pytest.raises(InvalidRotationEvent):
        make_handler(sm, WINDOWS, clock)(event, None)


def test_finish_secret_completes_an_interrupted_finish(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    rotate = make_handler(sm, WINDOWS, clock)
    token = str(uuid.uuid4())
    rotate(_event(keyset, token, "createSecret"), None)
    # The first finishSecret moved AWSCURRENT and then died before recording it or removing AWSPENDING.
    sm.update_secret_version_stage(
        SecretId=keyset.secret_id,
        VersionStage=CURRENT_STAGE,
        MoveToVersionId=token,
        RemoveFromVersionId=stages_of(sm, keyset)[CURRENT_STAGE],
    )
    now = clock()
    rotate(_event(keyset, token, "finishSecret"), None)
    assert set(stages_of(sm, keyset)) == {CURRENT_STAGE, PREVIOUS_STAGE}
    tags = tags_of(sm, keyset)
    assert tags[TAG_CURRENT_VERSION] == token
    assert int(tags[TAG_CURRENT_SINCE]) >= int(now)


def test_lambda_handler_takes_its_client_and_windows_from_the_environment(
    sm: Any, emulator: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyset = new_keyset(sm)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SECRETS_MANAGER", emulator)
    monkeypatch.setenv("SECRET_REFRESH_SECONDS", "1")
    monkeypatch.setenv("JWKS_MAX_AGE_SECONDS", "5")
    token = str(uuid.uuid4())
    handler(_event(keyset, token, "createSecret"), None)
    assert stages_of(sm, keyset)[PENDING_STAGE] == token
    with pytest.raises(RotationNotReady, match="promote is allowed after 6 s"):
        handler(_event(keyset, token, "finishSecret"), None)


def test_rotation_function_windows_are_validated_like_the_brokers() -> None:
    assert windows_from_env({}) == RotationWindows(300, 300, 3600)
    assert windows_from_env({"KEY_MAX_STALENESS_SECONDS": "600"}).max_staleness_seconds == 600
    with pytest.raises(ConfigError, match=r"KEY_MAX_STALENESS_SECONDS \(10\) must be at least SECRET_REFRESH_SECONDS"):
        windows_from_env({"KEY_MAX_STALENESS_SECONDS": "10"})
    with pytest.raises(ConfigError, match="SECRET_REFRESH_SECONDS must be between 1 and 86400"):
        windows_from_env({"SECRET_REFRESH_SECONDS": "0"})
    with pytest.raises(ConfigError, match="JWKS_MAX_AGE_SECONDS must be an integer"):
        windows_from_env({"JWKS_MAX_AGE_SECONDS": "soon"})
