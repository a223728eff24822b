"""A real OpenID Connect provider on loopback for the console's sign-in tests: Authlib's authorization server.

Authorization code flow with PKCE (S256 required), ID tokens signed RS256 with its own key, discovery at
/.well-known/openid-configuration and its keys at /jwks. Its login page asks for the address and whether it
is verified (the test decides who signs in); the tests may also make it deny, or put a wrong nonce in the
ID token, or sign with a key it does not publish.
"""

from __future__ import annotations

import dataclasses
import html
import secrets
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2 import OAuth2Error
from authlib.oauth2.rfc6749 import ClientMixin, grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from authlib.oidc.core.models import AuthorizationCodeMixin
from flask import Flask, Response, jsonify, request
from joserfc.jwk import RSAKey

from tests.support.servers import serve_wsgi

CLIENT_ID = "broker-console"
CLIENT_SECRET = "test-client-secret-" + "x" * 16


@dataclasses.dataclass
class _Client(ClientMixin):  # type: ignore[misc]
    client_id: str
    client_secret: str
    redirect_uris: list[str]

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        return " ".join(s for s in scope.split() if s in {"openid", "email", "profile"})

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in {"client_secret_basic", "client_secret_post"}

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclasses.dataclass(frozen=True)
class Person:
    sub: str
    email: str
    email_verified: bool


@dataclasses.dataclass
class _Code(AuthorizationCodeMixin):  # type: ignore[misc]
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    person: Person
    auth_time: int

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time


class OidcProvider:
    """The provider's state and knobs; `serve_oidc_provider` runs it."""

    def __init__(self) -> None:
        self.issuer = ""
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key-1", "use": "sig", "alg": "RS256"})
        self.clients: dict[str, _Client] = {}
        self.codes: dict[str, _Code] = {}
        self.token_requests = 0
        self.wrong_nonce = False  # the ID token carries another nonce than the client sent
        self.foreign_key = False  # the ID token is signed with a key the JWKS does not hold
        self.unsigned = False  # the ID token is not signed at all (alg "none"), and discovery offers that
        self.wrong_audience = False  # the ID token is for another client
        self.discovery_changes: dict[str, Any] = {}  # members the discovery document states otherwise
        self.discovery_body: Any = None  # when set: the discovery document is this JSON instead
        self.last_authorize_args: dict[str, str] = {}

    def register(self, redirect_uri: str) -> None:
        self.clients[CLIENT_ID] = _Client(CLIENT_ID, CLIENT_SECRET, [redirect_uri])


def _app(provider: OidcProvider) -> Flask:
    app = Flask("test-oidc-provider")
    app.config["OAUTH2_TOKEN_EXPIRES_IN"] = {"authorization_code": 300}

    class CodeGrant(grants.AuthorizationCodeGrant):  # type: ignore[misc]
        TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

        def save_authorization_code(self, code: str, req: Any) -> None:
            data = req.payload.data
            provider.codes[code] = _Code(
                code=code,
                client_id=req.client.client_id,
                redirect_uri=req.payload.redirect_uri,
                scope=req.scope,
                nonce=("wrong-" + secrets.token_hex(4)) if provider.wrong_nonce else data.get("nonce"),
                code_challenge=data.get("code_challenge"),
                code_challenge_method=data.get("code_challenge_method"),
                person=req.user,
                auth_time=int(time.time()),
            )

        def query_authorization_code(self, code: str, client: _Client) -> _Code | None:
            found = provider.codes.get(code)
            return found if found is not None and found.client_id == client.client_id else None

        def delete_authorization_code(self, authorization_code: _Code) -> None:
            provider.codes.pop(authorization_code.code, None)

        def authenticate_user(self, authorization_code: _Code) -> Person:
            return authorization_code.person

    class IdToken(OpenIDCode):  # type: ignore[misc]
        def exists_nonce(self, nonce: str, req: Any) -> bool:
            return False

        def resolve_client_private_key(self, client: _Client) -> Any:
            if provider.foreign_key:
                return RSAKey.generate_key(2048, parameters={"kid": "test-key-1"})
            return provider.key

        def get_client_algorithm(self, client: _Client) -> str:
            return "none" if provider.unsigned else "RS256"

        def get_encode_header(self, client: _Client) -> dict[str, str]:
            return {"alg": "none"} if provider.unsigned else {"alg": "RS256", "kid": "test-key-1"}

        def get_client_claims(self, client: _Client) -> dict[str, Any]:
            return {"iss": provider.issuer, "aud": ["another-client" if provider.wrong_audience else client.client_id]}

        def generate_user_info(self, user: Person, scope: str) -> UserInfo:
            return UserInfo(sub=user.sub, email=user.email, email_verified=user.email_verified)

    def save_token(token: dict[str, Any], req: Any) -> None:
        provider.token_requests += 1

    server = AuthorizationServer(app, query_client=provider.clients.get, save_token=save_token)
    server.register_grant(CodeGrant, [CodeChallenge(required=True), IdToken(require_nonce=True)])

    @app.get("/.well-known/openid-configuration")
    def discovery() -> Response:
        if provider.discovery_body is not None:
            return jsonify(provider.discovery_body)
        document = {
            "issuer": provider.issuer,
            "authorization_endpoint": f"{provider.issuer}/authorize",
            "token_endpoint": f"{provider.issuer}/token",
            "jwks_uri": f"{provider.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256", "none"] if provider.unsigned else ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "email"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        }
        return jsonify({**document, **provider.discovery_changes})

    @app.get("/jwks")
    def jwks() -> Response:
        return jsonify(keys=[provider.key.as_dict(private=False)])

    @app.get("/authorize")
    def login_page() -> Response:
        provider.last_authorize_args = request.args.to_dict()
        try:
            server.get_consent_grant(end_user=None)
        except OAuth2Error as error:
            return Response(f"<p>bad request: {html.escape(str(error))}</p>", 400)
        hint = html.escape(request.args.get("login_hint", ""))
        return Response(
            f"""<!doctype html><html lang="en"><head><title>Test IdP</title></head><body><main>
<h1>Test identity provider</h1>
<form method="post">
<label for="email">Email</label> <input id="email" name="email" value="{hint}">
<label><input type="checkbox" name="verified" value="yes" checked> verified</label>
<button name="action" value="allow">Sign in</button> <button name="action" value="deny">Cancel</button>
</form></main></body></html>""",
            mimetype="text/html",
        )

    @app.post("/authorize")
    def authorize() -> Any:
        person = None
        if request.form.get("action") != "deny":
            email = request.form.get("email", "")
            person = Person(sub="sub-" + email, email=email, email_verified=request.form.get("verified") == "yes")
        try:
            grant = server.get_consent_grant(end_user=person)
        except OAuth2Error as error:
            return Response(f"<p>bad request: {html.escape(str(error))}</p>", 400)
        return server.create_authorization_response(grant=grant, grant_user=person)

    @app.post("/token")
    def token() -> Any:
        with warnings.catch_warnings():  # joserfc warns of "none"; this provider signs so on purpose when told
            warnings.simplefilter("ignore")
            return server.create_token_response()

    return app


@contextmanager
def serve_oidc_provider(redirect_uri: str) -> Iterator[OidcProvider]:
    """The provider on 127.0.0.1 (a free port), its client registered with `redirect_uri`."""
    provider = OidcProvider()
    provider.register(redirect_uri)
    with serve_wsgi(_app(provider)) as base:
        provider.issuer = base
        yield provider
