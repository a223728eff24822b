"""The contract: GET /openapi.yaml serves the OpenAPI document every route and error is described in."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response

bp = Blueprint("contract", __name__)

OPENAPI_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"


@bp.get("/openapi.yaml")
def openapi() -> Response:
    return Response(OPENAPI_PATH.read_bytes(), mimetype="application/yaml")
