"""The request body as JSON: the media type, the size limit while reading, strict RFC 8259, a depth bound."""

from __future__ import annotations

import json
from typing import Any

from flask import request

from service.errors import MalformedJSON, UnsupportedMediaType

# Far deeper than any real payload; bounds the work of every later walk over the body.
MAX_JSON_DEPTH = 32


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON (RFC 8259); signed into a token they would break strict relying parties.
    raise ValueError(f"{name} is not valid JSON")


def _within_depth(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return True


class _DuplicateMember(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A member named twice is refused, not resolved: a gateway that reads the first one and the broker that
    # would sign the last one must never disagree about what was asked (a parser differential).
    members: dict[str, Any] = {}
    for name, value in pairs:
        if name in members:
            raise _DuplicateMember(name)
        members[name] = value
    return members


def where_json_breaks(error: json.JSONDecodeError) -> str:
    """Where the JSON breaks (line and column) and, for the usual slips, what to change."""
    text, position = error.doc, error.pos
    before = text[:position].rstrip()
    at = text[position : position + 1]
    where = f"line {error.lineno}, column {error.colno}"
    if before.endswith(",") and at in "}]" and at:
        # JavaScript allows it, and so do the examples in some partners' documents; JSON does not.
        comma = len(before) - 1
        line, column = text.count("\n", 0, comma) + 1, comma - text.rfind("\n", 0, comma)
        return (
            f"The body is not valid JSON: a trailing comma at line {line}, column {column}, before the closing "
            f"'{at}'. JSON allows no comma after the last member of an object or array: remove it."
        )
    if at == "'":
        return f"The body is not valid JSON: a single quote at {where}. JSON strings and names take double quotes."
    if error.msg == "Expecting value" and not text.strip():
        return "The body is empty; send a JSON object."
    # Python's messages may end in " at" themselves ("Invalid control character at"): say it once.
    message = error.msg.lower().removesuffix(" at")
    return f"The body is not valid JSON: {message} at {where}."


def parse_json(raw: bytes) -> Any:
    """Strict RFC 8259 JSON from bytes: UTF-8 only, each member once, no NaN or Infinity, no lone surrogate."""
    try:
        # Strict UTF-8, decoded here: json.loads on bytes would also take UTF-16 and UTF-32, and decodes with
        # surrogatepass, letting raw surrogate bytes (b"\xed\xa0\xbd") through. A leading BOM is tolerated.
        text = raw.decode("utf-8-sig")
        body = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_members)
        # A lone surrogate escaped as \u (e.g. "\ud83d") parses but is no Unicode text: it cannot be signed or
        # stored. Strict decoding refused raw ones above, so only a body with a \u escape needs the check.
        if "\\u" in text:
            json.dumps(body, ensure_ascii=False).encode("utf-8")
    except _DuplicateMember as duplicate:
        name = duplicate.name if len(duplicate.name) <= 64 else duplicate.name[:64] + "…"
        raise MalformedJSON(f"The member {name!r} appears twice in one object; send each member once.") from None
    except json.JSONDecodeError as error:
        raise MalformedJSON(where_json_breaks(error)) from None
    except (ValueError, UnicodeError, RecursionError):
        raise MalformedJSON("The body is not valid JSON (UTF-8, RFC 8259).") from None
    if not _within_depth(body, MAX_JSON_DEPTH):
        raise MalformedJSON(f"The body nests deeper than {MAX_JSON_DEPTH} levels.")
    return body


def json_body() -> Any:
    """The request body as JSON, or 415/400 problems; the size limit is enforced while reading."""
    if request.mimetype != "application/json":
        raise UnsupportedMediaType("Send the body as JSON with 'Content-Type: application/json'.")
    # Read until the stream ends: for a chunked body, werkzeug raises 413 only on a read past the
    # limit, and a single read() would silently stop at it and hand us a truncated body.
    chunks = []
    while chunk := request.stream.read(16 * 1024):
        chunks.append(chunk)
    return parse_json(b"".join(chunks))
