"""Service routes: liveness and the OpenAPI contract."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify

from service.health import readiness
from service.services import services

bp = Blueprint("meta", __name__)

OPENAPI_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"


@bp.get("/healthz")
def healthz() -> Response:
    """The process is alive and serving; checks nothing else (readiness is a separate concern)."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Ready to mint: 200, or 503 with what is missing (a load balancer takes the instance out)."""
    ready, detail = readiness(services(current_app))
    response = jsonify(detail)
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/openapi.yaml")
def openapi() -> Response:
    return Response(OPENAPI_PATH.read_bytes(), mimetype="application/yaml")
