"""Validation errors in the shape the API reports them: `{"payload.contact.id": ["..."]}`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

# Control characters (CR, LF, tab, NUL, ...) and the Unicode line and paragraph separators: each could start a
# new line in a mail header or break a page's layout.
_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})


def control_characters(text: str) -> bool:
    """True when `text` holds a line break or another control character."""
    return any(unicodedata.category(ch) in _LINE_BREAKING for ch in text)


# An RFC 2047 encoded word ("=?utf-8?q?...?="), or anything close: Python's email package decodes one wherever it finds
# it in a header, inside quotes too, so a name with "=0D=0A" in one would carry a line break past `control_characters`.
_ENCODED_WORD = re.compile(r"=\?.*\?=", re.S)


def encoded_words(text: str) -> bool:
    """True when `text` holds what a mail header could decode as an encoded word (=?charset?q?...?=)."""
    return _ENCODED_WORD.search(text) is not None


def flatten_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested messages as `{"payload.contact.id": ["..."]}`, one level deep for callers."""
    if isinstance(messages, list):
        return {prefix or "_body": [str(m) for m in messages]}
    if not isinstance(messages, Mapping):
        return {prefix or "_body": [str(messages)]}
    flat: dict[str, list[str]] = {}
    for name, inner in messages.items():
        key = "_body" if name == "_schema" and not prefix else (prefix if name == "_schema" else f"{prefix}{name}")
        if isinstance(inner, Mapping):
            flat.update(flatten_errors(inner, f"{key}."))
        else:
            flat.setdefault(key.rstrip("."), []).extend(str(m) for m in (inner if isinstance(inner, list) else [inner]))
    return flat
