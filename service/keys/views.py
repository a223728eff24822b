"""Published public keys: GET /.well-known/jwks.json and GET /keysets/<name>/jwks.json."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from service.keys.jwks import PublishedJwks
from service.keys.rotation import jwks_max_age
from service.wiring import services

bp = Blueprint("wellknown", __name__)


def _serve(published: PublishedJwks) -> Response:
    settings = services(current_app).settings
    response = Response(published.body, mimetype="application/jwk-set+json")
    # Derived from the rotation windows, so a cached JWKS never misses a key that signs.
    response.headers["Cache-Control"] = f"public, max-age={jwks_max_age(settings)}"
    response.headers["ETag"] = published.etag
    # Relying parties fetch this from their servers, but browser tools may too.
    response.headers["Access-Control-Allow-Origin"] = "*"
    status = published.status
    if status is not None and status.age_seconds is not None:
        # How long ago Secrets Manager last confirmed these keys; "stale" once past the signing limit.
        response.headers["X-Keys-Age"] = str(int(status.age_seconds))
        if status.stale:
            response.headers["X-Keys-Stale"] = "true"
    if request.if_none_match.contains_weak(published.etag.strip('"')):
        response.status_code = 304
        response.set_data(b"")
    return response


@bp.get("/.well-known/jwks.json")
def default_jwks() -> Response:
    return _serve(services(current_app).publisher.by_name(None))


@bp.get("/keysets/<name>/jwks.json")
def keyset_jwks(name: str) -> Response:
    return _serve(services(current_app).publisher.by_name(name))
