"""Console settings (CONSOLE_*): how long a session and a sign-in link live, and how often sign-in may be asked."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from service.apikeys.settings import rate_limit_setting
from service.errors import ConfigError
from service.settings_values import Problems, integer


@dataclasses.dataclass(frozen=True)
class ConsoleSettings:
    # A session unused this long ends (OWASP's guidance for a low-risk admin console: 2 h idle) ...
    idle_seconds: int = 2 * 3600
    # ... and any session ends this long after sign-in, used or not: a stolen cookie is not good for ever.
    absolute_seconds: int = 12 * 3600
    # How long an emailed sign-in link works (once).
    sign_in_link_seconds: int = 15 * 60
    # How long an invitation's sign-in link works (once): a week, as Stripe's and WorkOS's invitations do, since
    # people read mail on their own schedule; once it expires they ask for an ordinary sign-in link instead.
    invitation_seconds: int = 7 * 24 * 3600
    # Sign-in mails asked for one address (counted by its keyed hash, whether or not it is a user's) ...
    sign_in_limit_per_address: str = "5/hour"
    # ... and from one client address (when the broker knows the client's own, see service/web/proxies.py).
    sign_in_limit_per_client: str = "30/hour"


def load_console_settings(source: Mapping[str, Any]) -> ConsoleSettings:
    """CONSOLE_* settings; ConfigError names every bad one at once."""
    problems = Problems()
    settings = ConsoleSettings(
        idle_seconds=problems.read(integer, source, "CONSOLE_IDLE_SECONDS", 2 * 3600, 60, 24 * 3600),
        absolute_seconds=problems.read(integer, source, "CONSOLE_ABSOLUTE_SECONDS", 12 * 3600, 60, 7 * 24 * 3600),
        sign_in_link_seconds=problems.read(integer, source, "CONSOLE_SIGN_IN_LINK_SECONDS", 15 * 60, 60, 3600),
        invitation_seconds=problems.read(
            integer, source, "CONSOLE_INVITATION_SECONDS", 7 * 24 * 3600, 3600, 30 * 24 * 3600
        ),
        sign_in_limit_per_address=problems.read(
            rate_limit_setting, source, "CONSOLE_SIGN_IN_LIMIT_PER_ADDRESS", "5/hour"
        ),
        sign_in_limit_per_client=problems.read(
            rate_limit_setting, source, "CONSOLE_SIGN_IN_LIMIT_PER_CLIENT", "30/hour"
        ),
    )
    problems.raise_any()
    if settings.absolute_seconds < settings.idle_seconds:
        raise ConfigError(
            f"CONSOLE_ABSOLUTE_SECONDS ({settings.absolute_seconds}) must be at least "
            f"CONSOLE_IDLE_SECONDS ({settings.idle_seconds})"
        )
    return settings
