"""The contract: GET /openapi.yaml and GET /openapi.json serve the OpenAPI document every route and error is in.

The YAML is the file in the source tree, byte for byte, as `text/yaml` shown inline, so a browser displays it
instead of downloading it; the JSON is the same document converted once per process.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from flask import Blueprint, Response

bp = Blueprint("contract", __name__)

OPENAPI_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"


@functools.cache
def openapi_document() -> dict[str, Any]:
    """The contract as a Python object (read once: the file does not change while the broker runs)."""
    import yaml  # here: only /openapi.json needs it, so workers that never serve it do not load it

    document: dict[str, Any] = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
    return document


@functools.cache
def _openapi_json() -> bytes:
    return json.dumps(openapi_document(), ensure_ascii=False, indent=2).encode()


def _inline(response: Response) -> Response:
    response.headers["Content-Disposition"] = "inline"
    # Public and the same for everyone; a short cache spares a docs page reloading it.
    response.headers["Cache-Control"] = "public, max-age=300"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/openapi.yaml")
def openapi_yaml() -> Response:
    # text/yaml (not application/yaml): browsers show text/* in the tab instead of saving a file.
    return _inline(Response(OPENAPI_PATH.read_bytes(), content_type="text/yaml; charset=utf-8"))


@bp.get("/openapi.json")
def openapi_json() -> Response:
    return _inline(Response(_openapi_json(), content_type="application/json"))
