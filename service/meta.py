"""Service routes: liveness and the OpenAPI contract."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, jsonify

bp = Blueprint("meta", __name__)

OPENAPI_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"


@bp.get("/healthz")
def healthz() -> Response:
    """The process is alive and serving; checks nothing else (readiness is a separate concern)."""
    return jsonify(status="ok")


@bp.get("/openapi.yaml")
def openapi() -> Response:
    return Response(OPENAPI_PATH.read_bytes(), mimetype="application/yaml")
