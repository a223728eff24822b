"""Readers of one setting from the environment mapping: bounded numbers, failing at start with a clear message.

`service/config.py` and each feature's `settings.py` read their settings with these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from service.errors import ConfigError

_Number = TypeVar("_Number", int, float)


def number(
    source: Mapping[str, Any], name: str, default: _Number, bounds: tuple[_Number, _Number], kind: type[_Number]
) -> _Number:
    raw = source.get(name, default)
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        what = "an integer" if kind is int else "a number"
        raise ConfigError(f"{name} must be {what}, got {raw!r}") from None
    low, high = bounds
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
    return value


def integer(source: Mapping[str, Any], name: str, default: int, low: int, high: int) -> int:
    """An integer setting from `low` to `high`."""
    return number(source, name, default, (low, high), int)


def seconds(source: Mapping[str, Any], name: str, default: float, low: float, high: float) -> float:
    """A duration setting in seconds (fractions allowed) from `low` to `high`."""
    return number(source, name, default, (low, high), float)
