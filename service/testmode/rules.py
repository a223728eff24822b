"""Which keys mint for which profiles: test keys for test profiles only, live keys for live profiles only."""

from __future__ import annotations

from service.apikeys.caller import Caller
from service.errors import ModeMismatch
from service.profiles.models import Profile


def check_mode(caller: Caller, profile: Profile) -> None:
    """403 `mode_mismatch` when a test key names a live profile or a live key a test profile."""
    if caller.test and not profile.test:
        raise ModeMismatch(
            "This is a test API key (tbk_test_…): it mints only for test profiles, which point at a sandbox "
            "relying party. Use a test profile's key, or a live API key for this profile."
        )
    if profile.test and not caller.test:
        raise ModeMismatch(
            "This profile is a test profile (it points at a sandbox relying party): only test API keys "
            "(tbk_test_…) mint for it. Use a test key, or a live profile."
        )
