"""How the admin APIs write an answer: UTC timestamps in one format, and JSON no cache may keep."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Response, jsonify


def iso_timestamp(moment: dt.datetime | None) -> str | None:
    """`2026-11-21T18:10:00Z`; a naive datetime is UTC (SQLite returns them so)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=moment.tzinfo or dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def no_store_json(body: Any) -> Response:
    """A JSON answer marked `Cache-Control: no-store`: it names live keys or links."""
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response
