"""A profile's integration snippets: curl, fetch on a server, Python, Bubble's API Connector, Swift and Kotlin.

Each is a Jinja template in templates/console/snippets/ rendered as plain text (these names are not
autoescaped) with the values already escaped for its language: `shell` quotes for a POSIX shell, `json`
writes JSON (a JavaScript and, for the payloads here, a Python literal too), `line` keeps a comment on one
line. The page then shows the text HTML-escaped, like any other text. The profile key is the profile's public
identifier; the API key is never shown (the broker cannot show it again): `$BROKER_API_KEY` stands for it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shlex
from typing import Any

from flask import render_template

from service.profiles.examples import EXAMPLE_PAYLOADS
from service.profiles.models import Profile
from service.profiles.rules import display_name

API_KEY_VARIABLE = "BROKER_API_KEY"
GENERATE_PATH = "/api/v1/generateJWT"
# (id, label, template): in the order the page shows them.
SNIPPETS = (
    ("curl", "curl", "console/snippets/curl.sh.j2"),
    ("fetch", "JavaScript (Node 18+)", "console/snippets/fetch.js.j2"),
    ("python", "Python (requests)", "console/snippets/python.py.j2"),
    ("swift", "Swift (iOS)", "console/snippets/swift.swift.j2"),
    ("kotlin", "Kotlin (Android)", "console/snippets/kotlin.kt.j2"),
)


@dataclasses.dataclass(frozen=True)
class Snippet:
    id: str
    label: str
    code: str


@dataclasses.dataclass(frozen=True)
class BubbleField:
    name: str  # marked with N_ by the caller's table; here the API Connector's own English field names
    value: str


def _json(value: Any, indent: int | None = 2) -> str:
    """JSON text as written by hand (not ASCII-escaped; the page escapes it for HTML)."""
    return json.dumps(value, indent=indent, ensure_ascii=False)


def _line(text: str) -> str:
    """One line of text for a comment: no line break, no control character can end the comment early."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029\x85]+", " ", text).strip()


def _dynamic(payload: Any, path: str = "") -> Any:
    """The payload with each text value a Bubble dynamic marker (`<contact firstname>`), empty ones left empty."""
    if isinstance(payload, dict):
        return {name: _dynamic(value, f"{path} {name}".strip()) for name, value in payload.items()}
    if isinstance(payload, str) and payload:
        return f"<{path}>"
    return payload


def example_payload(profile: Profile) -> dict[str, Any]:
    """A payload of the profile's kind that passes every check as it is."""
    return dict(EXAMPLE_PAYLOADS.get(profile.kind, EXAMPLE_PAYLOADS["generic"]))


def request_body(profile: Profile) -> dict[str, Any]:
    return {"profileKey": profile.profile_key, "payload": example_payload(profile)}


def render(profile: Profile, base_url: str) -> list[Snippet]:
    """Each snippet's text, for this profile at this broker."""
    url = base_url.rstrip("/") + GENERATE_PATH
    context = {
        "name": _line(f"{display_name(profile)} ({profile.name})"),
        "url": url,
        "body": request_body(profile),
        "variable": API_KEY_VARIABLE,
        "shell": shlex.quote,
        "json": _json,
    }
    return [Snippet(id, label, render_template(template, **context).strip() + "\n") for id, label, template in SNIPPETS]


def bubble_fields(profile: Profile, base_url: str) -> list[BubbleField]:
    """The API Connector call's settings, with `<…>` where Bubble should take a dynamic value."""
    body = {"profileKey": profile.profile_key, "payload": _dynamic(example_payload(profile))}
    return [
        BubbleField("Use as", "Action"),
        BubbleField("Data type", "JSON"),
        BubbleField("Method", "POST"),
        BubbleField("URL", base_url.rstrip("/") + GENERATE_PATH),
        BubbleField("Authentication", "Private key in header: Authorization = Bearer <your API key>"),
        BubbleField("Header", "Content-Type = application/json"),
        BubbleField("Body type", "JSON"),
        BubbleField("Body", _json(body)),
    ]
