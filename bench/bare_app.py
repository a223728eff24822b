"""The bare-Flask reference for `make bench`: what a partner would write instead of the broker.

A Flask app with two views and nothing around them: POST /api/v1/generateJWT reads the same body as the
broker's (marshmallow, unknown fields refused), checks one API key with `hmac.compare_digest`, builds the
same claims (the payload at top level, iss, aud, iat, nbf = iat, exp, a random nonce) and signs them ES256
with joserfc under {alg, kid, typ}; GET /healthz answers {"status": "ok"}. No database, no rate limit, no
request id, no access log, no metrics, no audit, no idempotency: the difference between the broker and this
is what the broker's production features cost. It imports nothing from `service`.

bench/bare.py runs it under gunicorn with the broker's own gunicorn.conf.py (`gunicorn -c gunicorn.conf.py
bench.bare_app:app`), so the server settings are the broker's. Configured by the environment: BARE_API_KEY,
BARE_PRIVATE_KEY_PEM (an ES256 key), BARE_ISSUER, BARE_AUDIENCE, BARE_RP_URL.
"""

from __future__ import annotations

import hmac
import os
import secrets
import time
from typing import Any

from flask import Flask, Response, jsonify, request
from joserfc import jwt
from joserfc.jwk import ECKey
from marshmallow import RAISE, Schema, ValidationError, fields, validate

TTL_SECONDS = 300


class GenericPayload(Schema):
    class Meta:
        unknown = RAISE

    userId = fields.String(required=True, validate=validate.Length(min=1, max=200))


class GenerateJWTBody(Schema):
    """The broker's generateJWT fields a query-mode mint uses."""

    class Meta:
        unknown = RAISE

    profileKey = fields.String(validate=validate.Length(min=1, max=100))
    payload = fields.Nested(GenericPayload, required=True)
    expireIn = fields.Integer(strict=True, validate=validate.Range(1, 2880))
    verify = fields.Boolean()
    redirect = fields.Url(schemes={"http", "https"}, require_tld=False, validate=validate.Length(max=2048))


def create_app() -> Flask:
    app = Flask(__name__)
    api_key = os.environ["BARE_API_KEY"].encode()
    key = ECKey.import_key(os.environ["BARE_PRIVATE_KEY_PEM"])
    kid = key.thumbprint()
    header = {"alg": "ES256", "kid": kid, "typ": "JWT"}
    issuer, audience, rp_url = os.environ["BARE_ISSUER"], os.environ["BARE_AUDIENCE"], os.environ["BARE_RP_URL"]
    schema = GenerateJWTBody()

    @app.post("/api/v1/generateJWT")
    def generate_jwt() -> Response | tuple[Response, int]:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), api_key):
            return jsonify(error="unauthorized"), 401
        try:
            body = schema.load(request.get_json())
        except ValidationError as error:
            return jsonify(error="invalid", errors=error.messages), 422
        now = int(time.time())
        claims: dict[str, Any] = dict(body["payload"])
        claims.update(
            iss=issuer,
            aud=audience,
            iat=now,
            nbf=now,
            exp=now + TTL_SECONDS,
            nonce=secrets.token_urlsafe(18),
        )
        token = jwt.encode(header, claims, key, algorithms=["ES256"])
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + TTL_SECONDS))
        response = jsonify(token=token, url=f"{rp_url}?token={token}", expiresAt=expires, kid=kid, alg="ES256")
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok")

    return app


app = create_app() if "BARE_API_KEY" in os.environ else None
