"""No instance signs with a key after the broker has unpublished it, not even one cut off from Secrets Manager."""

from __future__ import annotations

from typing import Any

import pytest

from service.config import load_settings
from service.errors import KeyUnavailable, RotationNotReady
from service.keys import rotation
from service.keys.lifetimes import LEEWAY_SECONDS, MAX_TOKEN_TTL_SECONDS
from service.keys.rotation import RotationWindows
from service.keys.source import KeySource
from tests.support.clock import Clock
from tests.support.keysets import kid_at, new_keyset, stages_of

_STEP_SECONDS = 5


class CuttableReader:
    """Reads keys straight from Secrets Manager until the instance is cut off; then every read fails."""

    def __init__(self, sm: Any) -> None:
        self.sm = sm
        self.cut_off = False

    def get_secret_string(self, secret_id: str, version_stage: str | None = None) -> str | None:
        if self.cut_off:
            raise ConnectionError("cut off from Secrets Manager")
        try:
            answer = self.sm.get_secret_value(SecretId=secret_id, VersionStage=version_stage)
        except self.sm.exceptions.ResourceNotFoundException:
            return None
        return str(answer["SecretString"])


def test_the_retire_window_covers_the_staleness_bound() -> None:
    windows = RotationWindows(refresh_seconds=10, jwks_max_age_seconds=60, max_staleness_seconds=600)
    # Signing may go on 600 s after the last read, and its tokens live 300 s more, plus the margin.
    assert windows.retire_seconds == 600 + MAX_TOKEN_TTL_SECONDS + 60
    settings = load_settings({"BROKER_ENV": "test", "KEY_MAX_STALENESS_SECONDS": 900, "SECRET_REFRESH_SECONDS": 60})
    assert RotationWindows.from_settings(settings).retire_seconds == 900 + MAX_TOKEN_TTL_SECONDS + 300


def test_a_cut_off_instance_stops_signing_before_its_key_is_unpublished(sm: Any, clock: Clock) -> None:
    windows = RotationWindows(refresh_seconds=10, jwks_max_age_seconds=60, max_staleness_seconds=600)
    keyset = new_keyset(sm)
    reader = CuttableReader(sm)
    instance = KeySource(reader, clock=clock, refresh_seconds=10, max_staleness_seconds=600)
    old_kid = instance.signing_key(keyset).kid
    reader.cut_off = True  # from here on this instance never hears from Secrets Manager again

    # Elsewhere, the operator rotates: a new key is published, then promoted; the old one becomes AWSPREVIOUS.
    rotation.rotate(sm, keyset, clock())
    clock.advance(windows.publish_seconds)
    rotation.promote(sm, keyset, clock(), windows=windows)
    assert kid_at(sm, keyset, "AWSPREVIOUS") == old_kid
    # The next rotation's promote would unpublish the old key: the operator tries as early as allowed.
    rotation.rotate(sm, keyset, clock())

    last_signed_with_old_key = clock()
    while True:
        try:
            assert instance.signing_key(keyset).kid == old_kid  # it cannot know better
            last_signed_with_old_key = clock()
        except KeyUnavailable:
            pass
        try:
            rotation.promote(sm, keyset, clock(), windows=windows)
            break
        except RotationNotReady:
            clock.advance(_STEP_SECONDS)
    unpublished_at = clock()

    published = {kid_at(sm, keyset, stage) for stage in stages_of(sm, keyset)}
    assert old_kid not in published
    with pytest.raises(KeyUnavailable):
        instance.signing_key(keyset)
    # The cut-off instance stopped signing with the old key before it was unpublished, and the last token it
    # signed expired (with the relying party's leeway) before that too.
    assert last_signed_with_old_key + MAX_TOKEN_TTL_SECONDS + LEEWAY_SECONDS <= unpublished_at
