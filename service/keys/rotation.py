"""Key rotation for keysets: the publish and retire windows, and rotate, promote and status on an injected clock.

A keyset is one Secrets Manager secret; each rotation adds a version. The stages say what a version does:
AWSPENDING is published in the JWKS but does not sign, AWSCURRENT signs, AWSPREVIOUS is published for tokens
it signed. Two rules keep relying parties (which cache the JWKS) from ever rejecting a good token:

- a new key is published for at least the publish window before it may sign, so every cached JWKS a relying
  party still holds when the key starts signing already contains it;
- an old key stays published for at least the retire window after it stopped signing, so every token it
  signed has expired before a relying party can fetch a JWKS without it.

`rotate` adds a pending key; `promote` makes the pending key current once both rules allow it (`force` skips
the windows, for emergencies). The CLI (`keysets rotate|promote|status`) and the Secrets Manager rotation
function (`service.keys.rotation_function`) both go through these functions.

When did the current key start signing? The secret is tagged by `promote` with the version that was made
current and when (`sso-broker:current-version`, `sso-broker:current-since`): the moment the AWSCURRENT key
started signing is the moment the AWSPREVIOUS key stopped. Tags rather than anything else: they live on the
secret itself, so the CLI and the rotation function (which has no database) see the same record; they are
read by the DescribeSecret the broker already needs; and they change no version. A custom staging label
would keep every labelled version alive forever, and the description is free text people edit in the
console. A secret made current by other means has no matching tag; then the later of its creation and the
secret's last change is used, which errs towards keeping the old key published longer.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import uuid
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa

from service.config import Settings
from service.errors import ConfigError, KeyMaterialError, RotationNotReady, RotationRefused
from service.keys.lifetimes import LEEWAY_SECONDS, MAX_TOKEN_TTL_SECONDS
from service.keys.material import (
    DEFAULT_RSA_BITS,
    SIGNING_STAGE,
    SigningKey,
    encode_secret_string,
    generate_private_key_pem,
    parse_signing_key,
)
from service.keys.source import KeysetRef

__all__ = [
    "CURRENT_STAGE",
    "PENDING_STAGE",
    "PREVIOUS_STAGE",
    "TAG_ALG",
    "TAG_CURRENT_SINCE",
    "TAG_CURRENT_VERSION",
    "KeyVersion",
    "KeysetState",
    "PromoteResult",
    "RotationNotReady",
    "RotationRefused",
    "RotationWindows",
    "jwks_max_age",
    "promote",
    "promote_allowed_at",
    "publish_window",
    "put_pending_key",
    "read_state",
    "retire_window",
    "rotate",
    "status",
]

log = logging.getLogger(__name__)

CURRENT_STAGE = SIGNING_STAGE
PENDING_STAGE = "AWSPENDING"
PREVIOUS_STAGE = "AWSPREVIOUS"

# Written on the secret by `promote` (see the module docstring); tag keys and values stay within AWS's
# allowed characters (letters, digits, space and _ . : / = + - @).
TAG_CURRENT_VERSION = "sso-broker:current-version"
TAG_CURRENT_SINCE = "sso-broker:current-since"
# The keyset's algorithm, for the rotation function (which has no database). RS256 and PS256 use the same
# RSA key, so the tag only tells them apart; an EC P-256 key is always ES256.
TAG_ALG = "sso-broker:alg"


# --- windows -------------------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class RotationWindows:
    """The two rotation windows, derived from the broker's cache settings.

    `refresh_seconds`: a broker instance notices a new stage of a secret within this long
    (SECRET_REFRESH_SECONDS). `jwks_max_age_seconds`: relying parties may cache the JWKS this long
    (JWKS_MAX_AGE_SECONDS, the Cache-Control max-age). `max_staleness_seconds`: an instance cut off from
    Secrets Manager keeps signing with the keys it last read this long (KEY_MAX_STALENESS_SECONDS). The
    rotation function must be given the same values as the broker it rotates for.
    """

    refresh_seconds: int
    jwks_max_age_seconds: int
    max_staleness_seconds: int

    @classmethod
    def from_settings(cls, settings: Settings) -> RotationWindows:
        return cls(settings.secret_refresh_seconds, settings.jwks_max_age_seconds, settings.key_max_staleness_seconds)

    @property
    def publish_seconds(self) -> int:
        """How long a new key is published (AWSPENDING) before it may sign.

        The broker publishes a new version within `refresh_seconds` of its creation; a relying party that
        fetched the JWKS just before that keeps the copy without it for `jwks_max_age_seconds`. After both,
        every cached JWKS contains the new key.
        """
        return self.refresh_seconds + self.jwks_max_age_seconds

    @property
    def retire_seconds(self) -> int:
        """How long a key stays published (AWSPREVIOUS) after it stopped signing.

        An instance that reaches Secrets Manager notices the promotion within `refresh_seconds`; one cut off
        from it keeps signing with the keys it last read until they are `max_staleness_seconds` old, and its
        last read was before the promotion. So no instance signs with the key after `max(refresh, staleness)`
        (the settings keep staleness >= refresh), and a token it signed then lives `MAX_TOKEN_TTL_SECONDS`
        (launch links mint a fresh token when used, so none lives longer). The JWKS max-age term is kept as
        margin: it also covers the relying party's clock leeway on `exp`, and never less than that leeway is
        used, also when the max-age is 0. The key is unpublished only after all of it.
        """
        signs_until = max(self.refresh_seconds, self.max_staleness_seconds)
        return MAX_TOKEN_TTL_SECONDS + signs_until + max(self.jwks_max_age_seconds, LEEWAY_SECONDS)


def publish_window(settings: Settings) -> int:
    """Seconds a new key must be published before `promote` lets it sign."""
    return RotationWindows.from_settings(settings).publish_seconds


def retire_window(settings: Settings) -> int:
    """Seconds a key must stay published after it stopped signing."""
    return RotationWindows.from_settings(settings).retire_seconds


def jwks_max_age(settings: Settings) -> int:
    """The JWKS Cache-Control max-age: a JWKS cached that long never misses a key that signs.

    A new key becomes visible in the JWKS at most `secret_refresh_seconds` after it is added, and may sign
    `publish_window` after it is added. A copy of the JWKS fetched just before the key became visible must
    therefore expire before the key signs: max-age <= publish_window - secret_refresh_seconds. The publish
    window is derived from the max-age (publish = refresh + max-age), so the configured
    JWKS_MAX_AGE_SECONDS always satisfies this and is returned as it is; the check guards the relation if
    either formula changes. (A broker instance serving a stale JWKS during a Secrets Manager outage is
    outside this bound: it should serve its stale JWKS with a short max-age.)
    """
    max_age = settings.jwks_max_age_seconds
    bound = publish_window(settings) - settings.secret_refresh_seconds
    if max_age > bound:
        raise ConfigError(
            f"JWKS_MAX_AGE_SECONDS ({max_age}) exceeds the publish window minus SECRET_REFRESH_SECONDS ({bound})"
        )
    return max_age


# --- reading a keyset's secret -------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class KeyVersion:
    """One version of a keyset's secret: its id, stages, creation time and kid (None if unreadable)."""

    version_id: str
    stages: tuple[str, ...]
    created_at: float
    kid: str | None
    rsa_bits: int | None = None


@dataclasses.dataclass(frozen=True)
class KeysetState:
    """The published versions of a keyset's secret and when the current one started signing."""

    keyset: KeysetRef
    current: KeyVersion
    pending: KeyVersion | None
    previous: KeyVersion | None
    # When AWSCURRENT started signing, which is when AWSPREVIOUS stopped.
    current_since: float
    # "tag" when `promote` recorded it; "estimate" when the secret was changed by other means.
    current_since_source: str
    tags: Mapping[str, str]


def _timestamp(value: Any) -> float:
    # boto3 parses timestamps into aware datetimes; a raw number is accepted too.
    return float(value.timestamp()) if hasattr(value, "timestamp") else float(value)


def _read_version(client: Any, keyset: KeysetRef, version_id: str, stages: list[str]) -> KeyVersion:
    value = client.get_secret_value(SecretId=keyset.secret_id, VersionId=version_id)
    try:
        key: SigningKey | None = parse_signing_key(value.get("SecretString") or "", keyset.alg, keyset.name)
    except KeyMaterialError as error:
        log.error("unusable key material", extra={"keyset": keyset.name, "version": version_id, "reason": str(error)})
        key = None
    bits = None
    if key is not None and isinstance(key.key.raw_value, rsa.RSAPrivateKey):
        bits = key.key.raw_value.key_size
    return KeyVersion(
        version_id=version_id,
        stages=tuple(stages),
        created_at=_timestamp(value["CreatedDate"]),
        kid=key.kid if key is not None else None,
        rsa_bits=bits,
    )


def read_state(client: Any, keyset: KeysetRef) -> KeysetState:
    """Read the secret's stages, each published version's key and the `current since` record."""
    described = client.describe_secret(SecretId=keyset.secret_id)
    by_stage: dict[str, str] = {}
    versions: dict[str, list[str]] = described.get("VersionIdsToStages") or {}
    for version_id, stages in versions.items():
        for stage in stages:
            by_stage[stage] = version_id
    if CURRENT_STAGE not in by_stage:
        raise RotationRefused(f"Keyset {keyset.name!r}: its secret has no {CURRENT_STAGE} version.")
    read = {
        version_id: _read_version(client, keyset, version_id, versions[version_id])
        for stage, version_id in by_stage.items()
        if stage in (CURRENT_STAGE, PENDING_STAGE, PREVIOUS_STAGE)
    }
    current = read[by_stage[CURRENT_STAGE]]
    # AWSPENDING on the AWSCURRENT version is how a finished rotation may look in AWS: nothing is pending.
    pending_id = by_stage.get(PENDING_STAGE)
    pending = read[pending_id] if pending_id and pending_id != current.version_id else None
    previous_id = by_stage.get(PREVIOUS_STAGE)
    previous = read[previous_id] if previous_id and previous_id != current.version_id else None

    tags = {tag["Key"]: tag["Value"] for tag in described.get("Tags") or []}
    since_text = tags.get(TAG_CURRENT_SINCE, "")
    if tags.get(TAG_CURRENT_VERSION) == current.version_id and since_text.isdigit():
        current_since, source = float(since_text), "tag"
    else:
        # Made current by something other than `promote` (the first key, or a put as AWSCURRENT): it signs
        # since it was created, or since the secret last changed, whichever is later. The later bound keeps the
        # retire window on the safe side.
        changed = described.get("LastChangedDate")
        current_since = max(current.created_at, _timestamp(changed) if changed is not None else 0.0)
        source = "estimate"
    return KeysetState(keyset, current, pending, previous, current_since, source, tags)


def promote_allowed_at(state: KeysetState, windows: RotationWindows) -> tuple[float, list[str]]:
    """When promoting the pending key becomes allowed, and what it waits for (one phrase per window)."""
    if state.pending is None:
        raise RotationRefused(f"Keyset {state.keyset.name!r} has no pending key; run `keysets rotate` first.")
    allowed_at = state.pending.created_at + windows.publish_seconds
    reasons = ["publish"]
    if state.previous is not None and state.previous.version_id != state.pending.version_id:
        # Promoting moves AWSPREVIOUS to the key that signs now, so the key that is AWSPREVIOUS now is
        # unpublished: every token it signed must have expired by then.
        retire_at = state.current_since + windows.retire_seconds
        if retire_at > allowed_at:
            allowed_at, reasons = retire_at, ["retire"]
        elif retire_at == allowed_at:
            reasons.append("retire")
    return allowed_at, reasons


def _not_ready_detail(state: KeysetState, windows: RotationWindows, now: float) -> str:
    """Why promoting is refused now, with the numbers an operator needs."""
    assert state.pending is not None
    allowed_at, reasons = promote_allowed_at(state, windows)
    wait = max(0, math.ceil(allowed_at - now))
    name = state.keyset.name
    if reasons[0] == "publish":
        published = int(now - state.pending.created_at)
        return (
            f"Keyset {name!r}: the pending key has been published for {published} s; promote is allowed after "
            f"{windows.publish_seconds} s (in {wait} s), when every cached JWKS contains it."
        )
    previous_kid = state.previous.kid if state.previous is not None else None
    retired = int(now - state.current_since)
    return (
        f"Keyset {name!r}: promoting would unpublish the previous key (kid {previous_kid}), which stopped signing "
        f"{retired} s ago; it must stay published for {windows.retire_seconds} s (promote is allowed in {wait} s), "
        "until every token it signed has expired."
    )


# --- the operations ------------------------------------------------------------------------------------------
def put_pending_key(client: Any, keyset: KeysetRef, rsa_bits: int | None, token: str | None = None) -> tuple[str, str]:
    """Generate a key for the keyset's algorithm and add it as the AWSPENDING version; (kid, version id)."""
    pem = generate_private_key_pem(keyset.alg, rsa_bits or DEFAULT_RSA_BITS)
    kid = parse_signing_key(pem, keyset.alg, keyset.name).kid
    response = client.put_secret_value(
        SecretId=keyset.secret_id,
        # The token makes the put idempotent: a retried call with it creates no second version.
        ClientRequestToken=token or str(uuid.uuid4()),
        SecretString=encode_secret_string(pem),
        VersionStages=[PENDING_STAGE],
    )
    return kid, str(response["VersionId"])


def rotate(client: Any, keyset: KeysetRef, now: float) -> str:
    """Add a new key of the keyset's algorithm as AWSPENDING (published, not signing); returns its kid.

    RSA keys get the size of the current key. Refused while another key is pending: promote it first.
    """
    state = read_state(client, keyset)
    if state.pending is not None:
        raise RotationRefused(
            f"Keyset {keyset.name!r} already has a pending key (kid {state.pending.kid}), published for "
            f"{int(now - state.pending.created_at)} s; promote it before rotating again."
        )
    kid, version_id = put_pending_key(client, keyset, state.current.rsa_bits)
    client.tag_resource(SecretId=keyset.secret_id, Tags=[{"Key": TAG_ALG, "Value": keyset.alg}])
    log.info("key rotation started", extra={"keyset": keyset.name, "kid": kid, "version": version_id, "now": now})
    return kid


@dataclasses.dataclass(frozen=True)
class PromoteResult:
    """What a promotion changed: the kid that signs now, the one that stopped, the one unpublished."""

    current_kid: str
    previous_kid: str | None
    unpublished_kid: str | None
    current_since: float
    # How many seconds before the windows allowed it the promotion was forced; 0 when it waited.
    early_seconds: int


def _make_current(client: Any, keyset: KeysetRef, pending_version: str, current_version: str, now: float) -> None:
    """Move AWSCURRENT to the pending version, record when, then take AWSPENDING off it."""
    client.update_secret_version_stage(
        SecretId=keyset.secret_id,
        VersionStage=CURRENT_STAGE,
        MoveToVersionId=pending_version,
        RemoveFromVersionId=current_version,
    )
    # Recorded before AWSPENDING is removed: if this fails, the rotation function's retry of finishSecret
    # (or `keysets promote` finding nothing pending) still sees the promotion done, and the retire window
    # falls back to the later estimate.
    client.tag_resource(
        SecretId=keyset.secret_id,
        Tags=[
            {"Key": TAG_CURRENT_VERSION, "Value": pending_version},
            {"Key": TAG_CURRENT_SINCE, "Value": str(int(now))},
            {"Key": TAG_ALG, "Value": keyset.alg},
        ],
    )
    client.update_secret_version_stage(
        SecretId=keyset.secret_id, VersionStage=PENDING_STAGE, RemoveFromVersionId=pending_version
    )


def promote(
    client: Any,
    keyset: KeysetRef,
    now: float,
    *,
    windows: RotationWindows,
    force: bool = False,
    version_id: str | None = None,
) -> PromoteResult:
    """Make the pending key AWSCURRENT (the current key becomes AWSPREVIOUS) once the windows allow it.

    Refused with RotationNotReady before the pending key has been published for the publish window, or
    before the key that is AWSPREVIOUS now (and would be unpublished) has been retired for the retire window.
    `force` skips both windows, never the check that the pending key is usable. `version_id`, if given, must
    be the pending version (the rotation function passes its token).
    """
    state = read_state(client, keyset)
    pending = state.pending
    if pending is None:
        raise RotationRefused(f"Keyset {keyset.name!r} has no pending key; run `keysets rotate` first.")
    if version_id is not None and pending.version_id != version_id:
        raise RotationRefused(f"Keyset {keyset.name!r}: version {version_id} is not the pending version.")
    if pending.kid is None:
        raise RotationRefused(f"Keyset {keyset.name!r}: the pending key is not a usable {keyset.alg} key.")
    allowed_at, _reasons = promote_allowed_at(state, windows)
    if now < allowed_at and not force:
        raise RotationNotReady(_not_ready_detail(state, windows, now), allowed_at=allowed_at, now=now)
    if now < allowed_at:
        log.warning(
            "key promoted before its rotation windows passed (forced)",
            extra={"keyset": keyset.name, "kid": pending.kid, "early_by_seconds": math.ceil(allowed_at - now)},
        )

    _make_current(client, keyset, pending.version_id, state.current.version_id, now)
    unpublished = state.previous.kid if state.previous is not None else None
    log.info(
        "key promoted",
        extra={"keyset": keyset.name, "kid": pending.kid, "previous_kid": state.current.kid, "forced": force},
    )
    return PromoteResult(
        pending.kid, state.current.kid, unpublished, float(int(now)), max(0, math.ceil(allowed_at - now))
    )


def status(client: Any, keyset: KeysetRef, now: float, windows: RotationWindows) -> dict[str, Any]:
    """Each published stage's kid and age, the windows, and when promoting becomes allowed (JSON-ready)."""
    state = read_state(client, keyset)

    def version(key: KeyVersion) -> dict[str, Any]:
        return {"kid": key.kid, "versionId": key.version_id, "ageSeconds": int(now - key.created_at)}

    stages: dict[str, Any] = {
        CURRENT_STAGE: {
            **version(state.current),
            "signingForSeconds": int(now - state.current_since),
            "signingSinceSource": state.current_since_source,
        }
    }
    if state.pending is not None:
        stages[PENDING_STAGE] = {**version(state.pending), "publishedForSeconds": int(now - state.pending.created_at)}
    if state.previous is not None:
        retired_for = int(now - state.current_since)
        stages[PREVIOUS_STAGE] = {
            **version(state.previous),
            "retiredForSeconds": retired_for,
            "unpublishableInSeconds": max(0, windows.retire_seconds - retired_for),
        }
    promotion: dict[str, Any] = {"pending": state.pending is not None}
    if state.pending is not None:
        allowed_at, reasons = promote_allowed_at(state, windows)
        wait = max(0, math.ceil(allowed_at - now))
        promotion.update(allowed=wait == 0, allowedInSeconds=wait, waitingFor=[] if wait == 0 else reasons)
        if wait:
            promotion["detail"] = _not_ready_detail(state, windows, now)
    return {
        "keyset": keyset.name,
        "alg": keyset.alg,
        "secretId": keyset.secret_id,
        "stages": stages,
        "promote": promotion,
        "windows": {
            "publishSeconds": windows.publish_seconds,
            "retireSeconds": windows.retire_seconds,
            "secretRefreshSeconds": windows.refresh_seconds,
            "jwksMaxAgeSeconds": windows.jwks_max_age_seconds,
        },
    }
