"""Readers of one setting from the environment mapping: bounded numbers, failing at start with a clear message.

`service/config.py` and each feature's `settings.py` read their settings with these, through `Problems`, so
that one start names every bad setting, not only the first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ParamSpec, TypeVar, cast

from service.errors import ConfigError

_Number = TypeVar("_Number", int, float)
_T = TypeVar("_T")
_P = ParamSpec("_P")


class Problems:
    """The problems of several settings, collected so that they are reported together.

    `read` runs one reader; when it raises ConfigError its messages are kept and a placeholder (None, or the
    one given to `read_or`) comes back instead of a value. Call `raise_any` before any value read is used: it
    raises one ConfigError with every message, so a placeholder never gets further.
    """

    def __init__(self) -> None:
        self.messages: list[str] = []

    def read(self, reader: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        return self.read_or(cast(_T, None), reader, *args, **kwargs)

    def read_or(self, placeholder: _T, reader: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """`read`, with a placeholder the caller can take apart (a tuple to unpack)."""
        try:
            return reader(*args, **kwargs)
        except ConfigError as error:
            self.messages.extend(error.problems)
            return placeholder

    def raise_any(self) -> None:
        if self.messages:
            raise ConfigError(*self.messages)


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
