"""The partner API: POST /api/v1/generateJWT, and POST /api/v1/tokens/inspect."""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, g, jsonify, request

from service.apikeys.admission import admit
from service.apikeys.caller import Caller
from service.errors import UnsupportedMediaType, ValidationFailed
from service.profiles.rules import resolve_profile
from service.tokens import inspector
from service.tokens.answering import answer
from service.tokens.verifier import Expectations
from service.web.json_body import json_body
from service.web.responses import no_store_json
from service.wiring import Services, services

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.post("/generateJWT")
def generate_jwt() -> Response:
    broker = services(current_app)
    caller = admit(broker)
    body, profile_key = json_body(), request.headers.get("Profile-Key")

    given = answer(
        broker.minter,
        broker.idempotency,
        caller,
        body,
        profile_key,
        request.headers.get("Idempotency-Key"),
        g.request_id,
    )
    g.profile_id = given.profile_id
    response = jsonify(given.body)
    if given.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    # The body holds a live bearer token: no cache may keep it.
    response.headers["Cache-Control"] = "no-store"
    return response


def _inspection() -> inspector.Inspection:
    """The request: JSON `{token, profileKey?, jwks?, issuer?, audience?}`, or the token alone as text/plain."""
    if request.mimetype == "text/plain":
        try:
            token = request.get_data(cache=False).decode("utf-8").strip()
        except UnicodeDecodeError:
            raise ValidationFailed("The body is not valid.", errors={"_body": ["The token as UTF-8 text."]}) from None
        if not token:
            raise ValidationFailed("The body is not valid.", errors={"_body": ["The token (eyJ….eyJ….…) is missing."]})
        return inspector.Inspection(token=token)
    if request.mimetype != "application/json":
        raise UnsupportedMediaType(
            'Send {"token": "eyJ…"} with \'Content-Type: application/json\', or the token alone as text/plain.'
        )
    return inspector.read_inspection(json_body())


def _keys_and_expectations(
    broker: Services, caller: Caller, asked: inspector.Inspection
) -> tuple[inspector.Keys, Expectations | None]:
    """The JWKS to check against (sent, the profile's keyset's, or the default one) and the iss and aud to expect."""
    header_key = request.headers.get("Profile-Key")
    profile = None
    if asked.profile_key or header_key:
        profile = resolve_profile(broker.stores.profiles, caller, asked.profile_key, header_key)
        g.profile_id = profile.id
    if asked.jwks is not None:
        keys = inspector.Keys(asked.jwks, "request")
    elif profile is not None:
        published = broker.publisher.for_keyset(profile.keyset)
        keys = inspector.Keys(json.loads(published.body), "profile", profile.keyset.name)
    else:
        keys = inspector.Keys(json.loads(broker.publisher.by_name(None).body), "default")
    if profile is not None:
        return keys, Expectations(issuer=profile.issuer, audience=profile.audience)
    if asked.issuer is not None and asked.audience is not None:
        return keys, Expectations(issuer=asked.issuer, audience=asked.audience)
    return keys, None


@bp.post("/tokens/inspect")
def inspect_token() -> Response:
    broker = services(current_app)
    caller = admit(broker)
    asked = _inspection()
    keys, expect = _keys_and_expectations(broker, caller, asked)
    # The answer holds the token's claims (personal data, perhaps): no cache may keep it. Nothing is logged.
    return no_store_json(inspector.inspect(asked.token, keys, expect, int(broker.clock())))
