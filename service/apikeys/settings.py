"""The rate-limit settings of API keys and pages: "<count>/<unit>" text, checked and in canonical form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from service.errors import ConfigError

UNITS = ("second", "minute", "hour", "day")
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def normalise_rate_limit(text: str) -> str:
    """'600/minute' style text, checked and in canonical form; ValueError says what is wrong."""
    count, _, unit = text.strip().partition("/")
    unit = unit.strip().lower().removesuffix("s")
    if not count.strip().isdigit() or unit not in UNITS or not 1 <= int(count) <= 1_000_000:
        raise ValueError(
            f"a rate limit is '<count>/<unit>' with a count from 1 to 1000000 and a unit of "
            f"{', '.join(UNITS)} (for example '600/minute'), got {text!r}"
        )
    return f"{int(count)}/{unit}"


def per_second(rate_limit: str) -> float:
    """A canonical rate limit ('600/minute') as requests per second (10.0), to compare limits of other units."""
    count, _, unit = rate_limit.partition("/")
    return int(count) / _UNIT_SECONDS[unit]


def rate_limit_setting(source: Mapping[str, Any], name: str, default: str) -> str:
    """A rate-limit setting (RATE_LIMIT, RENEWAL_LIMIT, ...), or ConfigError naming it."""
    raw = str(source.get(name, default))
    try:
        return normalise_rate_limit(raw)
    except ValueError as error:
        raise ConfigError(f"{name}: {error}") from None
