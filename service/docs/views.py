"""`GET /`: what this service is (HTML for browsers, a JSON index for API clients); `GET /docs`: the API reference.

The reference is Swagger UI (from the `swagger-ui-py` wheel, which bundles its JavaScript and CSS) rendering
/openapi.json; the broker serves every file it needs itself, so it works with no internet access.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, redirect, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from service.docs.pages import developer_page, protect
from service.errors import NotFound
from service.wiring import services

bp = Blueprint("docs", __name__, template_folder="templates")

_OURS = Path(__file__).resolve().parent / "assets"


def _swagger_ui_static() -> Path:
    # Located, not imported: the package's own code (framework handlers) is never loaded into the broker.
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("swagger-ui-py is not installed (requirements.txt)")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


# The only files /docs/assets/ serves: a fixed list, never a path from the request.
ASSETS: dict[str, tuple[Path, str]] = {
    "swagger-ui-bundle.js": (_swagger_ui_static() / "swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": (_swagger_ui_static() / "swagger-ui.css", "text/css"),
    "docs.js": (_OURS / "docs.js", "text/javascript"),
    "docs.css": (_OURS / "docs.css", "text/css"),
}


def index_links(base_url: str) -> dict[str, str]:
    """Where everything is, as absolute URLs on this broker."""
    return {
        "docs": f"{base_url}/docs",
        "guides": f"{base_url}/guides",
        "openapi": f"{base_url}/openapi.yaml",
        "openapiJson": f"{base_url}/openapi.json",
        "problems": f"{base_url}/problems",
        "generateJWT": f"{base_url}/api/v1/generateJWT",
        "inspectToken": f"{base_url}/api/v1/tokens/inspect",
        "jwks": f"{base_url}/.well-known/jwks.json",
        "health": f"{base_url}/healthz",
        "readiness": f"{base_url}/readyz",
    }


DESCRIPTION = (
    "Signs single sign-on tokens (JWTs) for relying parties such as ExorLive with keys held in AWS Secrets "
    "Manager, and hands back a ready-to-open URL: one HTTPS call with an API key."
)


@bp.get("/")
def index() -> Response:
    """HTML when the client prefers it (a browser), the JSON index otherwise (curl, API clients)."""
    base_url = services(current_app).settings.public_base_url
    best = request.accept_mimetypes.best_match(["application/json", "text/html"], default="application/json")
    if best == "text/html":
        response = developer_page("docs/index.html", links=index_links(base_url), description=DESCRIPTION)
    else:
        body: dict[str, Any] = {"service": "SSO token broker", "description": DESCRIPTION, **index_links(base_url)}
        response = jsonify(body)
        response.headers["Cache-Control"] = "public, max-age=300"
    response.vary.add("Accept")
    return response


@bp.get("/docs")
def reference() -> Response:
    return developer_page("docs/reference.html", scripts=True)


@bp.get("/docs/")
def reference_with_a_slash() -> BaseResponse:
    """`/docs/`, as people type it: to `/docs` (the API's paths have no trailing slash; this page's has none)."""
    response = redirect(url_for(".reference"), 308)
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@functools.cache
def _asset_bytes(name: str) -> bytes:
    # Read once per worker, only when the docs are first opened (about 1.7 MB in all).
    return ASSETS[name][0].read_bytes()


@bp.get("/docs/assets/<name>")
def asset(name: str) -> Response:
    if name not in ASSETS:
        raise NotFound(f"No asset {name[:64]!r}; the docs use only: {', '.join(sorted(ASSETS))}.")
    response = Response(_asset_bytes(name), mimetype=ASSETS[name][1])
    response.headers["Cache-Control"] = "public, max-age=3600"
    # An ETag of the content: a reload revalidates (304) instead of fetching the bundle again.
    response.add_etag()
    response.make_conditional(request)
    return protect(response, "default-src 'none'; frame-ancestors 'none'")
