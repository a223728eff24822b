"""Key rotation: the windows, rotate/promote/status in code, and one rotation end to end with a relying party that
never sees a failure.

Everything runs against the moto server over HTTP. Time is moved with the injected clock; the only real
waits are for the broker's key cache to notice a stage change (SECRET_REFRESH_SECONDS=1 there).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from service.apikeys.issuing import create_api_key
from service.config import load_settings
from service.errors import TokenRejected
from service.keys import rotation
from service.keys.jwks import keyset_ref
from service.keys.lifetimes import LEEWAY_SECONDS
from service.keys.material import encode_secret_string, generate_private_key_pem
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
from service.keys.setup import create_keyset
from service.keys.source import KeysetRef
from service.profiles.setup import create_profile
from service.tokens.verifier import Expectations, PublishedKey, StaticKeys, parse_jwks, verify
from service.wiring import Services, services
from tests.support.api import bearer
from tests.support.apps import build_app
from tests.support.clock import Clock
from tests.support.keysets import WINDOWS, kid_at, new_keyset, stages_of, tags_of
from tests.support.privacy import WATCH
from tests.support.servers import serve_sandbox, serve_wsgi
from tests.support.tokens import claims_of
from tests.support.waiting import wait_until


# --- windows -------------------------------------------------------------------------------------------------
def test_windows_come_from_the_cache_settings() -> None:
    settings = load_settings({"BROKER_ENV": "test", "SECRET_REFRESH_SECONDS": 30, "JWKS_MAX_AGE_SECONDS": 120})
    # A new key: noticed within 30 s, then cached copies without it live 120 s more.
    assert rotation.publish_window(settings) == 150
    # An old key: an instance cut off from Secrets Manager signs with it until its keys are
    # KEY_MAX_STALENESS_SECONDS (3600) old, its tokens live 300 s, plus the max-age as margin.
    assert rotation.retire_window(settings) == 300 + 3600 + 120
    defaults = load_settings({"BROKER_ENV": "test"})
    assert (rotation.publish_window(defaults), rotation.retire_window(defaults)) == (600, 4200)


def test_retire_window_never_drops_below_the_relying_partys_leeway() -> None:
    settings = load_settings(
        {"BROKER_ENV": "test", "SECRET_REFRESH_SECONDS": 5, "KEY_MAX_STALENESS_SECONDS": 5, "JWKS_MAX_AGE_SECONDS": 0}
    )
    assert rotation.publish_window(settings) == 5
    assert rotation.retire_window(settings) == 300 + 5 + 30


@pytest.mark.parametrize(("refresh", "max_age"), [(1, 0), (1, 300), (300, 300), (60, 3600)])
def test_jwks_max_age_never_outlives_the_publish_window(refresh: int, max_age: int) -> None:
    settings = load_settings({"BROKER_ENV": "test", "SECRET_REFRESH_SECONDS": refresh, "JWKS_MAX_AGE_SECONDS": max_age})
    served = rotation.jwks_max_age(settings)
    assert served == max_age
    # A JWKS fetched just before a new key became visible expires before that key may sign.
    assert refresh + served <= rotation.publish_window(settings)


# --- rotate, promote, status ---------------------------------------------------------------------------------
def test_rotate_adds_a_published_pending_key_that_does_not_sign(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    first = kid_at(sm, keyset, CURRENT_STAGE)
    kid = rotation.rotate(sm, keyset, clock())
    assert kid != first
    assert kid_at(sm, keyset, CURRENT_STAGE) == first
    assert kid_at(sm, keyset, PENDING_STAGE) == kid
    assert tags_of(sm, keyset)[TAG_ALG] == "ES256"


def test_rotate_keeps_the_rsa_key_size(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm, "PS256", rsa_bits=2048)
    rotation.rotate(sm, keyset, clock())
    state = rotation.read_state(sm, keyset)
    assert state.pending is not None
    assert (state.current.rsa_bits, state.pending.rsa_bits) == (2048, 2048)


def test_rotate_is_refused_while_a_key_is_pending(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    kid = rotation.rotate(sm, keyset, clock())
    with pytest.raises(RotationRefused, match=f"already has a pending key \\(kid {kid}\\)"):
        rotation.rotate(sm, keyset, clock())


def test_promote_waits_for_the_publish_window(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    first = kid_at(sm, keyset, CURRENT_STAGE)
    kid = rotation.rotate(sm, keyset, clock())
    with pytest.raises(RotationNotReady) as refused:
        rotation.promote(sm, keyset, clock(), windows=WINDOWS)
    assert re.search(r"published for [01] s; promote is allowed after 70 s \(in (69|70) s\)", refused.value.detail)
    assert refused.value.status == 409
    assert refused.value.code == "rotation_not_ready"
    assert refused.value.headers["Retry-After"] in ("69", "70")

    clock.advance(WINDOWS.publish_seconds - 5)
    with pytest.raises(RotationNotReady, match=r"\(in [45] s\)"):
        rotation.promote(sm, keyset, clock(), windows=WINDOWS)
    assert kid_at(sm, keyset, CURRENT_STAGE) == first

    clock.advance(5)
    result = rotation.promote(sm, keyset, clock(), windows=WINDOWS)
    assert (result.current_kid, result.previous_kid, result.unpublished_kid) == (kid, first, None)
    assert result.early_seconds == 0


def test_promote_moves_the_stages_and_records_when_the_new_key_started_signing(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    first = kid_at(sm, keyset, CURRENT_STAGE)
    kid = rotation.rotate(sm, keyset, clock())
    pending_version = stages_of(sm, keyset)[PENDING_STAGE]
    clock.advance(WINDOWS.publish_seconds)
    now = clock()
    rotation.promote(sm, keyset, now, windows=WINDOWS)

    stages = stages_of(sm, keyset)
    assert set(stages) == {CURRENT_STAGE, PREVIOUS_STAGE}  # nothing pending any more
    assert stages[CURRENT_STAGE] == pending_version
    assert (kid_at(sm, keyset, CURRENT_STAGE), kid_at(sm, keyset, PREVIOUS_STAGE)) == (kid, first)
    tags = tags_of(sm, keyset)
    assert tags[TAG_CURRENT_VERSION] == pending_version
    assert tags[TAG_CURRENT_SINCE] == str(int(now))
    state = rotation.read_state(sm, keyset)
    assert (state.current_since, state.current_since_source) == (int(now), "tag")


def test_promote_keeps_the_previous_key_until_its_tokens_have_expired(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    a = kid_at(sm, keyset, CURRENT_STAGE)
    b = rotation.rotate(sm, keyset, clock())
    clock.advance(WINDOWS.publish_seconds)
    rotation.promote(sm, keyset, clock(), windows=WINDOWS)  # A stops signing now
    c = rotation.rotate(sm, keyset, clock())
    clock.advance(WINDOWS.publish_seconds)  # C is published long enough, but A's tokens may still live

    with pytest.raises(RotationNotReady) as refused:
        rotation.promote(sm, keyset, clock(), windows=WINDOWS)
    assert re.search(
        f"promoting would unpublish the previous key \\(kid {a}\\), which stopped signing 7[01] s ago; it must "
        r"stay published for 370 s \(promote is allowed in (299|300) s\), until every token it signed has expired",
        refused.value.detail,
    ), refused.value.detail
    assert kid_at(sm, keyset, PREVIOUS_STAGE) == a

    clock.advance(WINDOWS.retire_seconds - WINDOWS.publish_seconds)
    result = rotation.promote(sm, keyset, clock(), windows=WINDOWS)
    assert (result.current_kid, result.previous_kid, result.unpublished_kid) == (c, b, a)
    assert {kid_at(sm, keyset, CURRENT_STAGE), kid_at(sm, keyset, PREVIOUS_STAGE)} == {c, b}


def test_force_skips_the_windows(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    kid = rotation.rotate(sm, keyset, clock())
    result = rotation.promote(sm, keyset, clock(), windows=WINDOWS, force=True)
    assert result.current_kid == kid
    assert result.early_seconds in (69, 70)
    assert kid_at(sm, keyset, CURRENT_STAGE) == kid


def test_force_never_promotes_an_unusable_key(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    sm.put_secret_value(SecretId=keyset.secret_id, SecretString="not-a-key" * 8, VersionStages=[PENDING_STAGE])
    with pytest.raises(RotationRefused, match="the pending key is not a usable ES256 key"):
        rotation.promote(sm, keyset, clock(), windows=WINDOWS, force=True)
    assert PENDING_STAGE in stages_of(sm, keyset)


def test_promote_without_a_pending_key_is_refused(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    with pytest.raises(RotationRefused, match="has no pending key; run `keysets rotate` first"):
        rotation.promote(sm, keyset, clock(), windows=WINDOWS, force=True)


def test_a_key_made_current_elsewhere_counts_from_the_later_bound(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    # Put as AWSCURRENT directly, as `aws secretsmanager put-secret-value` would: no record of when.
    sm.put_secret_value(SecretId=keyset.secret_id, SecretString=encode_secret_string(generate_private_key_pem("ES256")))
    state = rotation.read_state(sm, keyset)
    assert state.current_since_source == "estimate"
    assert state.current_since >= state.current.created_at
    assert state.previous is not None
    rotation.rotate(sm, keyset, clock())
    clock.advance(WINDOWS.publish_seconds)
    with pytest.raises(RotationNotReady, match="promoting would unpublish the previous key"):
        rotation.promote(sm, keyset, clock(), windows=WINDOWS)


def test_status_shows_each_stage_and_when_promote_is_allowed(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    a = kid_at(sm, keyset, CURRENT_STAGE)
    b = rotation.rotate(sm, keyset, clock())
    clock.advance(40)
    report = rotation.status(sm, keyset, clock(), WINDOWS)
    assert report["stages"][CURRENT_STAGE]["kid"] == a
    assert report["stages"][CURRENT_STAGE]["signingSinceSource"] == "estimate"
    assert report["stages"][PENDING_STAGE]["kid"] == b
    assert report["stages"][PENDING_STAGE]["publishedForSeconds"] in (40, 41)
    assert PREVIOUS_STAGE not in report["stages"]
    assert report["promote"]["allowed"] is False
    assert report["promote"]["allowedInSeconds"] in (29, 30)
    assert report["promote"]["waitingFor"] == ["publish"]
    assert report["windows"] == {
        "publishSeconds": 70,
        "retireSeconds": 370,
        "secretRefreshSeconds": 10,
        "jwksMaxAgeSeconds": 60,
    }

    clock.advance(30)
    rotation.promote(sm, keyset, clock(), windows=WINDOWS)
    clock.advance(100)
    report = rotation.status(sm, keyset, clock(), WINDOWS)
    # The tag keeps whole seconds, so the ages may read one more.
    current = report["stages"][CURRENT_STAGE]
    assert (current["kid"], current["versionId"], current["signingSinceSource"]) == (
        b,
        stages_of(sm, keyset)[CURRENT_STAGE],
        "tag",
    )
    assert current["signingForSeconds"] in (100, 101)
    previous = report["stages"][PREVIOUS_STAGE]
    assert previous["kid"] == a
    assert previous["retiredForSeconds"] in (100, 101)
    assert previous["unpublishableInSeconds"] == 370 - previous["retiredForSeconds"]
    assert report["promote"] == {"pending": False}


def test_promote_of_a_named_version_must_be_the_pending_one(sm: Any, clock: Clock) -> None:
    keyset = new_keyset(sm)
    current = stages_of(sm, keyset)[CURRENT_STAGE]
    rotation.rotate(sm, keyset, clock())
    with pytest.raises(RotationRefused, match=f"version {current} is not the pending version"):
        rotation.promote(sm, keyset, clock(), windows=WINDOWS, force=True, version_id=current)


# --- one rotation end to end ---------------------------------------------------------------------------------
ISSUER = "https://rotation.partner.test"


AUDIENCE = "sandbox-rp"


class MaxAgeCache:
    """A strict relying party's JWKS cache: honours Cache-Control max-age, never refetches on an unknown kid.

    With it, a token signed by a key that is missing from a cached JWKS fails; so it passing shows that every
    key signed only after every cached copy already held it.
    """

    def __init__(self, url: str, clock: Clock) -> None:
        self._url = url
        self._clock = clock
        self._keys: dict[str, PublishedKey] = {}
        self._expires_at = float("-inf")
        # (clock time, kids) of every fetch.
        self.fetches: list[tuple[float, list[str]]] = []

    def key_for(self, kid: str) -> PublishedKey | None:
        if self._clock() >= self._expires_at:
            response = requests.get(self._url, timeout=5)
            response.raise_for_status()
            max_age = int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1))  # type: ignore[union-attr]
            self._keys = parse_jwks(response.json())
            self._expires_at = self._clock() + max_age
            self.fetches.append((self._clock(), sorted(self._keys)))
        return self._keys.get(kid)

    def refresh(self) -> bool:
        return False


# The one real wait: the broker's key cache noticing a stage change (SECRET_REFRESH_SECONDS=1). It takes
# about a second; the bound is generous because CI machines are shared and sometimes slow.
_NOTICE_TIMEOUT_SECONDS = 20


@pytest.fixture
def rotating(
    config: dict[str, Any], clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, Any]]:
    """A broker (its own keyset and profile) and a sandbox relying party over HTTP, sharing the moved clock."""
    # Keys may be as stale as the longest jump of the moved clock: the refresher confirms them in real time.
    app = build_app({**config, "SECRET_REFRESH_SECONDS": 1, "KEY_MAX_STALENESS_SECONDS": 1000}, clock=clock)
    app.instance_path = str(tmp_path / "instance")
    svc = services(app)
    svc.stores.tenants.create_tenant("rotation")
    api_key = create_api_key(svc, "rotation", [], "rotation test")
    WATCH.watch(api_key)
    keyset, _first_kid = create_keyset(svc, f"rot-{uuid.uuid4().hex[:8]}", "ES256", 2048, None, is_default=False)
    try:
        with serve_wsgi(app) as base:
            jwks_url = f"{base}/keysets/{keyset.name}/jwks.json"
            with serve_sandbox(jwks_url, ISSUER, clock=clock) as sandbox:
                profile = create_profile(
                    svc, "rotation", keyset.name, [sandbox], name="rotating", kind="generic", delivery_mode="query",
                    issuer=ISSUER, audience=AUDIENCE, rp_url=f"{sandbox}/partner/dev/landing",
                )  # fmt: skip
                yield {
                    "app": app,
                    "svc": svc,
                    "keyset": keyset_ref(keyset),
                    "jwks_url": jwks_url,
                    "profile_key": profile.profile_key,
                    "api_key": api_key,
                }
    finally:
        svc.db.engine.dispose()


def test_a_rotation_never_fails_a_relying_party(rotating: dict[str, Any], clock: Clock) -> None:
    svc: Services = rotating["svc"]
    keyset: KeysetRef = rotating["keyset"]
    sm = svc.secrets_client
    windows = RotationWindows.from_settings(svc.settings)
    assert (windows.publish_seconds, windows.retire_seconds) == (301, 300 + 1000 + 300)
    client = rotating["app"].test_client()
    strict_rp = MaxAgeCache(rotating["jwks_url"], clock)
    timeline: list[str] = []
    start = clock()

    def note(event: str) -> None:
        timeline.append(f"t+{int(clock() - start):>4} s  {event}")

    def mint() -> dict[str, Any]:
        response = client.post(
            "/api/v1/generateJWT",
            json={"profileKey": rotating["profile_key"], "payload": {"userId": "u-123"}},
            headers=bearer(rotating["api_key"]),
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        WATCH.watch(body["token"])
        return dict(body)

    def served_kids() -> set[str]:
        return {key["kid"] for key in requests.get(rotating["jwks_url"], timeout=5).json()["keys"]}

    def verifies_against_served_jwks(token: str) -> None:
        document = requests.get(rotating["jwks_url"], timeout=5).json()
        verify(token, Expectations(ISSUER, AUDIENCE), StaticKeys(document), now=int(clock()))

    def relying_parties_accept(minted: dict[str, Any]) -> None:
        # The sandbox RP over HTTP (JWKS cached, refetched on an unknown kid) and the strict max-age RP.
        landing = requests.get(minted["url"], allow_redirects=False, timeout=5)
        assert landing.status_code == 303, landing.text
        assert "/session/" in landing.headers["Location"]
        verify(minted["token"], Expectations(ISSUER, AUDIENCE), strict_rp, now=int(clock()))

    def signing_kid() -> str:
        return svc.key_source.signing_key(keyset).kid

    # t+0: key A signs.
    t1 = mint()
    a = t1["kid"]
    relying_parties_accept(t1)
    assert served_kids() == {a}
    note(f"A={a} signs; token T1 (A) accepted; JWKS {{A}}")

    # rotate: B is published, A still signs.
    b = rotation.rotate(sm, keyset, clock())
    wait_until(
        lambda: served_kids() == {a, b}, timeout=_NOTICE_TIMEOUT_SECONDS, what="the broker to notice: B published"
    )
    t2 = mint()
    assert t2["kid"] == a
    relying_parties_accept(t2)
    note(f"rotate: B={b} pending; JWKS {{A, B}}; token T2 still signed by A, accepted")

    with pytest.raises(RotationNotReady) as refused:
        rotation.promote(sm, keyset, clock(), windows=windows)
    note(f"promote refused: {refused.value.detail}")

    clock.advance(windows.publish_seconds)
    t3 = mint()  # signed by A at the last moment before the promotion
    assert t3["kid"] == a
    promoted_at = clock()
    result = rotation.promote(sm, keyset, promoted_at, windows=windows)
    assert (result.current_kid, result.previous_kid) == (b, a)
    wait_until(lambda: signing_kid() == b, timeout=_NOTICE_TIMEOUT_SECONDS, what="the broker to notice: B signs")
    note("promote: B signs, A is AWSPREVIOUS; token T3 (A) minted just before")

    t4 = mint()
    assert t4["kid"] == b
    relying_parties_accept(t4)
    assert served_kids() == {a, b}
    # The strict RP's copy from before the rotation (only A) had expired before B signed; it refetched by
    # max-age, never because of an unknown kid.
    (first_fetch, first_kids), *later = strict_rp.fetches
    assert first_kids == [a]
    assert first_fetch + windows.jwks_max_age_seconds <= promoted_at
    assert later
    assert all(b in kids for _at, kids in later)
    note("token T4 (B) accepted; JWKS {A, B}")

    c = rotation.rotate(sm, keyset, clock())
    wait_until(
        lambda: served_kids() == {a, b, c}, timeout=_NOTICE_TIMEOUT_SECONDS, what="the broker to notice: C published"
    )
    note(f"rotate again: C={c} pending; JWKS {{A, B, C}}")

    # Tokens A signed keep verifying until they expire.
    t3_expires_at = claims_of(t3["token"])["exp"]
    clock.advance(t3_expires_at - 1 - clock())
    verifies_against_served_jwks(t3["token"])
    relying_parties_accept(t3)
    t5 = mint()
    assert t5["kid"] == b
    relying_parties_accept(t5)
    note("T3 (A) still verifies against the served JWKS and is accepted 1 s before it expires; T5 (B) accepted")

    with pytest.raises(RotationNotReady, match=f"would unpublish the previous key \\(kid {a}\\)") as not_yet:
        rotation.promote(sm, keyset, clock(), windows=windows)
    note(f"promote refused: {not_yet.value.detail}")

    # Past exp plus the relying party's leeway: refused as expired, not as an unknown key (A is still published).
    clock.advance(t3_expires_at + LEEWAY_SECONDS + 1 - clock())
    with pytest.raises(TokenRejected) as expired:
        verifies_against_served_jwks(t3["token"])
    assert expired.value.rule == "exp"
    assert a in served_kids()
    note("T3 has expired: refused for exp while A is still published")

    clock.advance(not_yet.value.allowed_at - clock())
    result = rotation.promote(sm, keyset, clock(), windows=windows)
    assert (result.current_kid, result.previous_kid, result.unpublished_kid) == (c, b, a)
    wait_until(
        lambda: served_kids() == {b, c} and signing_kid() == c,
        timeout=_NOTICE_TIMEOUT_SECONDS,
        what="the broker to notice: C signs, A unpublished",
    )
    t6 = mint()
    assert t6["kid"] == c
    relying_parties_accept(t6)
    note("promote: C signs, B is AWSPREVIOUS, A unpublished; JWKS {B, C}; token T6 (C) accepted")
    print("\nrotation timeline:\n" + "\n".join(timeline))
