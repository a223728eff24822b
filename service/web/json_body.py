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


def json_body() -> Any:
    """The request body as JSON, or 415/400 problems; the size limit is enforced while reading."""
    if request.mimetype != "application/json":
        raise UnsupportedMediaType("Send the body as JSON with 'Content-Type: application/json'.")
    # Read until the stream ends: for a chunked body, werkzeug raises 413 only on a read past the
    # limit, and a single read() would silently stop at it and hand us a truncated body.
    chunks = []
    while chunk := request.stream.read(16 * 1024):
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        body = json.loads(raw, parse_constant=_reject_constant)
        # A lone surrogate (e.g. "\\ud83d") parses but is no Unicode text: it cannot be signed or stored.
        # Only a \\u escape can make one (the UTF decoders refuse raw surrogates), so a body without one skips
        # the check; NUL bytes mean UTF-16 or -32, where the escape's bytes differ, so those are always checked.
        if b"\\u" in raw or b"\x00" in raw:
            json.dumps(body, ensure_ascii=False).encode("utf-8")
    except (ValueError, UnicodeError, RecursionError):
        raise MalformedJSON("The body is not valid JSON (UTF-8, RFC 8259).") from None
    if not _within_depth(body, MAX_JSON_DEPTH):
        raise MalformedJSON(f"The body nests deeper than {MAX_JSON_DEPTH} levels.")
    return body
