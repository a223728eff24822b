"""The AWS Secrets Manager rotation function for keyset secrets: createSecret, setSecret, testSecret, finishSecret.

Deploy this package as a Lambda function with the handler `service.keys.rotation_function.handler`, give it the
broker's SECRET_REFRESH_SECONDS and JWKS_MAX_AGE_SECONDS (the windows are derived from them, so they must
match the broker's), and attach it to a keyset's secret with a rotation schedule. Permissions on the secret:
secretsmanager:DescribeSecret, GetSecretValue, PutSecretValue, UpdateSecretVersionStage and TagResource.

The steps do what `keysets rotate` and `keysets promote` do (both use `service.rotation`):

- createSecret: a new key of the secret's algorithm as the AWSPENDING version with the event's token, so the
  broker publishes it in the JWKS. The algorithm comes from the current key: EC P-256 is ES256, RSA is RS256
  unless the secret's `sso-broker:alg` tag says PS256 (the same RSA key serves both); RSA keys keep the
  current key's size.
- setSecret: nothing. Relying parties are not told about new keys; they fetch the JWKS, which publishes the
  pending key already.
- testSecret: the pending key parses as a key for the algorithm and signs a probe that verifies with its
  public JWK, as relying parties will verify it.
- finishSecret: AWSCURRENT moves to the pending version, but only once it has been published for the publish
  window; before that the step fails with RotationNotReady.

The trade-off in finishSecret: a Lambda cannot wait out the publish window (SECRET_REFRESH_SECONDS +
JWKS_MAX_AGE_SECONDS, ten minutes by default) without paying for idle time and running close to its
15-minute limit, and signing earlier would let relying parties with a cached JWKS reject the new key's
tokens. So the first attempt stops after createSecret/setSecret/testSecret have published the key, and
"if any rotation step fails, Secrets Manager retries the entire rotation process multiple times during
the open rotation windows" (AWS docs). Each retry repeats the steps with the same token, they are
idempotent (createSecret finds its version, finishSecret on a current version is a no-op), and the publish
window counts from the pending version's creation, so a retry after the window finishes the rotation.
The costs: the early attempts show as failed rotations in CloudTrail and the Lambda's logs (alarm on
rotations still pending at the end of the window, not on RotationNotReady), and AWS chooses when to
retry, so the key may stay pending longer than the window (harmless: it is published and does not sign).
Give the schedule a window (`RotationRules.Duration`, e.g. "4h") much longer than the publish window, and
enable rotation with RotateImmediately=false, so that enabling it does not start a rotation right away
(Secrets Manager then only tests the function). If the retries run out, the key stays AWSPENDING:
`keysets status` shows it and `keysets promote` finishes the rotation.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from typing import Any

from joserfc import jws
from joserfc.errors import JoseError

from service.config import key_freshness
from service.errors import BadRequest, ConfigError, KeyMaterialError
from service.keys.material import ALGORITHMS, parse_signing_key
from service.keys.rotation import (
    CURRENT_STAGE,
    PENDING_STAGE,
    TAG_ALG,
    TAG_CURRENT_SINCE,
    TAG_CURRENT_VERSION,
    RotationRefused,
    RotationWindows,
    promote,
    put_pending_key,
)
from service.keys.secrets_manager import client_config, new_client
from service.keys.source import KeysetRef

__all__ = ["STEPS", "RotationFunction", "detect_alg", "handler", "make_client", "make_handler", "windows_from_env"]

log = logging.getLogger(__name__)

STEPS = ("createSecret", "setSecret", "testSecret", "finishSecret")

# A rotation step may take a while, but a hung call to Secrets Manager should fail the step, not the Lambda.
_CONNECT_TIMEOUT_SECONDS = 5
_READ_TIMEOUT_SECONDS = 10
_MAX_ATTEMPTS = 3
_PROBE = b"sso-token-broker rotation probe"

Event = Mapping[str, Any]
Handler = Callable[[Event, Any], None]


class InvalidRotationEvent(BadRequest):
    code = "invalid_rotation_event"
    title = "Invalid rotation event"


def detect_alg(secret_string: str, tags: Mapping[str, str], keyset_name: str) -> str:
    """The algorithm of a keyset's key: the `sso-broker:alg` tag if the key fits it, else ES256 or RS256."""
    tagged = tags.get(TAG_ALG)
    candidates = ([tagged] if tagged in ALGORITHMS else []) + ["ES256", "RS256"]
    for alg in candidates:
        try:
            parse_signing_key(secret_string, alg, keyset_name)
        except KeyMaterialError:
            continue
        return alg
    raise RotationRefused(f"Keyset {keyset_name!r}: the current key is not a usable ES256, RS256 or PS256 key.")


def _int_env(environ: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = environ.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
    return value


def windows_from_env(environ: Mapping[str, str]) -> RotationWindows:
    """The windows from the same variables (and defaults and bounds) the broker reads."""
    refresh, staleness = key_freshness(environ)
    return RotationWindows(
        refresh_seconds=refresh,
        jwks_max_age_seconds=_int_env(environ, "JWKS_MAX_AGE_SECONDS", 300, 0, 86_400),
        max_staleness_seconds=staleness,
    )


def make_client(environ: Mapping[str, str]) -> Any:
    """A boto3 secretsmanager client; AWS_ENDPOINT_URL_SECRETS_MANAGER points it at an emulator."""
    return new_client(
        environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION"),
        environ.get("AWS_ENDPOINT_URL_SECRETS_MANAGER") or None,
        client_config(_CONNECT_TIMEOUT_SECONDS, _READ_TIMEOUT_SECONDS, _MAX_ATTEMPTS),
    )


class RotationFunction:
    """The rotation protocol's four steps for one Secrets Manager client, windows and clock."""

    def __init__(self, client: Any, windows: RotationWindows, clock: Callable[[], float]) -> None:
        self._client = client
        self._windows = windows
        self._clock = clock

    def __call__(self, event: Event, context: Any = None) -> None:
        secret_id, token, step = _parse_event(event)
        described = self._client.describe_secret(SecretId=secret_id)
        versions: dict[str, list[str]] = described.get("VersionIdsToStages") or {}
        stages = versions.get(token)
        keyset = self._keyset(secret_id, described)
        extra = {"keyset": keyset.name, "step": step, "version": token}
        if stages is not None and CURRENT_STAGE in stages:
            # A retried rotation that already finished: every step is a no-op, finishSecret completes records.
            if step == "finishSecret":
                self._complete_finish(keyset, token, stages, described)
            log.info("rotation step: version is already current", extra=extra)
            return
        if stages is None and step != "createSecret":
            raise RotationRefused(f"Keyset {keyset.name!r}: version {token} does not exist; createSecret first.")
        if stages is not None and PENDING_STAGE not in stages:
            raise RotationRefused(f"Keyset {keyset.name!r}: version {token} is not {PENDING_STAGE}.")
        log.info("rotation step", extra=extra)
        if step == "createSecret":
            self.create_secret(keyset, token, versions)
        elif step == "setSecret":
            self.set_secret(keyset, token)
        elif step == "testSecret":
            self.test_secret(keyset, token)
        else:
            self.finish_secret(keyset, token)

    def _keyset(self, secret_id: str, described: Mapping[str, Any]) -> KeysetRef:
        name = str(described.get("Name") or secret_id).rsplit("/", 1)[-1]
        current = self._client.get_secret_value(SecretId=secret_id, VersionStage=CURRENT_STAGE)
        tags = {tag["Key"]: tag["Value"] for tag in described.get("Tags") or []}
        return KeysetRef(name=name, secret_id=secret_id, alg=detect_alg(current.get("SecretString") or "", tags, name))

    def _current_rsa_bits(self, keyset: KeysetRef) -> int | None:
        current = self._client.get_secret_value(SecretId=keyset.secret_id, VersionStage=CURRENT_STAGE)
        raw = parse_signing_key(current["SecretString"], keyset.alg, keyset.name).key.raw_value
        return getattr(raw, "key_size", None)

    def create_secret(self, keyset: KeysetRef, token: str, versions: Mapping[str, list[str]]) -> None:
        """A new key as the AWSPENDING version with this token, unless that version already has a value."""
        try:
            self._client.get_secret_value(SecretId=keyset.secret_id, VersionId=token, VersionStage=PENDING_STAGE)
        except self._client.exceptions.ResourceNotFoundException:
            pass
        else:
            log.info("createSecret: the pending version exists already", extra={"keyset": keyset.name})
            return
        others = [v for v, s in versions.items() if v != token and PENDING_STAGE in s and CURRENT_STAGE not in s]
        if others:
            raise RotationRefused(
                f"Keyset {keyset.name!r}: version {others[0]} is already pending (from `keysets rotate`?); "
                "finish it with `keysets promote` first."
            )
        kid, _version = put_pending_key(self._client, keyset, self._current_rsa_bits(keyset), token=token)
        self._client.tag_resource(SecretId=keyset.secret_id, Tags=[{"Key": TAG_ALG, "Value": keyset.alg}])
        log.info("createSecret: new key pending", extra={"keyset": keyset.name, "kid": kid})

    def set_secret(self, keyset: KeysetRef, token: str) -> None:
        """Nothing to set: relying parties learn keys from the JWKS, which already publishes the pending key."""
        log.info("setSecret: nothing to set downstream", extra={"keyset": keyset.name, "version": token})

    def test_secret(self, keyset: KeysetRef, token: str) -> None:
        """The pending key is a usable key for the algorithm: it signs, and its public JWK verifies."""
        value = self._client.get_secret_value(SecretId=keyset.secret_id, VersionId=token, VersionStage=PENDING_STAGE)
        key = parse_signing_key(value.get("SecretString") or "", keyset.alg, keyset.name)
        public = type(key.key).import_key(key.public_jwk())
        header = {"alg": key.alg, "kid": key.kid, "typ": "JWT"}
        try:
            probe = jws.serialize_compact(header, _PROBE, key.key, algorithms=[key.alg])
            verified = jws.deserialize_compact(probe, public, algorithms=[key.alg])
        except (JoseError, ValueError):
            raise KeyMaterialError(f"keyset {keyset.name!r}: the pending key does not sign and verify") from None
        if verified.payload != _PROBE:
            raise KeyMaterialError(f"keyset {keyset.name!r}: the pending key's probe did not round-trip")
        log.info("testSecret: pending key signs and verifies", extra={"keyset": keyset.name, "kid": key.kid})

    def finish_secret(self, keyset: KeysetRef, token: str) -> None:
        """AWSCURRENT to the pending version once it has been published for the publish window."""
        result = promote(self._client, keyset, self._clock(), windows=self._windows, version_id=token)
        log.info("finishSecret: key promoted", extra={"keyset": keyset.name, "kid": result.current_kid})

    def _complete_finish(self, keyset: KeysetRef, token: str, stages: list[str], described: Mapping[str, Any]) -> None:
        # An earlier finishSecret moved AWSCURRENT but may have stopped before recording it or removing
        # AWSPENDING; now is a later bound of when it started signing, so the retire window stays safe.
        tags = {tag["Key"]: tag["Value"] for tag in described.get("Tags") or []}
        if tags.get(TAG_CURRENT_VERSION) != token:
            self._client.tag_resource(
                SecretId=keyset.secret_id,
                Tags=[
                    {"Key": TAG_CURRENT_VERSION, "Value": token},
                    {"Key": TAG_CURRENT_SINCE, "Value": str(int(self._clock()))},
                ],
            )
        if PENDING_STAGE in stages:
            self._client.update_secret_version_stage(
                SecretId=keyset.secret_id, VersionStage=PENDING_STAGE, RemoveFromVersionId=token
            )


def _parse_event(event: Event) -> tuple[str, str, str]:
    if not isinstance(event, Mapping):
        raise InvalidRotationEvent("The rotation event must be an object.")
    values = [event.get(name) for name in ("SecretId", "ClientRequestToken", "Step")]
    if not all(isinstance(value, str) and value for value in values):
        raise InvalidRotationEvent("The rotation event needs SecretId, ClientRequestToken and Step.")
    secret_id, token, step = (str(value) for value in values)
    if step not in STEPS:
        raise InvalidRotationEvent(f"Unknown rotation step {step!r}; expected one of {', '.join(STEPS)}.")
    return secret_id, token, step


def make_handler(client: Any, windows: RotationWindows, clock: Callable[[], float] = time.time) -> Handler:
    """A Lambda-style handler(event, context) over this client, windows and clock (tests pass their own)."""
    return RotationFunction(client, windows, clock)


def handler(event: Event, context: Any) -> None:
    """The Lambda entry point: client and windows from the environment, wall-clock time."""
    make_handler(make_client(os.environ), windows_from_env(os.environ))(event, context)
