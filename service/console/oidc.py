"""Sign-in through a tenant's identity provider: OpenID Connect's authorization code flow, with Authlib.

`begin` sends the browser to the provider (PKCE S256, `state`, `nonce`); Authlib's Flask client keeps the
state, nonce and PKCE verifier in Flask's signed session cookie (HttpOnly, SameSite=Lax), never in a URL.
`finish` takes the provider's answer at the callback: the state must be one this browser was given (once),
the code is exchanged with the verifier, and the ID token is checked by Authlib (signature against the
provider's JWKS, iss, aud, exp, nonce). The email in it must be verified and in one of the tenant's allowed
domains; the person is then the tenant's console user with that address, made on first sign-in with the
tenant's default role (an existing user keeps their role).

Provider metadata (its /.well-known/openid-configuration) and keys are cached per process by Authlib; a new
`console idp set` makes a new client (the cache key holds the settings' time), so does a restart.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from flask import request, session
from joserfc.errors import JoseError

from service.audit.writer import AuditContext, Auditor
from service.console import auditing
from service.console.idp import IdentityProviders, Provider, SecretUnavailable
from service.console.users import ConsoleUsers, User, UserExists, normalise_address, plausible_address
from service.errors import WebhookUrlRefused

log = logging.getLogger(__name__)

# The browser's pending sign-ins in Flask's session: state -> [tenant id, client name]; a few at most.
_PENDING = "console_oidc"
_MAX_PENDING = 3
_CLIENT_PREFIX = "console-idp-"
_STATE_PREFIX = f"_state_{_CLIENT_PREFIX}"
_MAX_PARAM_CHARS = 2048
_TIMEOUT_SECONDS = 5.0
_SIGNING_ALGS = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"})


class Failure(enum.Enum):
    """Why a sign-in through a provider ended without a session (each has its own page)."""

    UNREACHABLE = "provider_unreachable"  # no answer, or not a usable one (discovery, token, keys)
    MISCONFIGURED = "provider_misconfigured"  # the client secret is not where the settings say
    DENIED = "provider_denied"  # the provider answered error=... (the person cancelled, or may not)
    BAD_STATE = "bad_state"  # no such pending sign-in in this browser (replayed, expired, forged)
    BAD_CODE = "bad_code"  # no code, or the provider would not exchange it
    BAD_TOKEN = "bad_id_token"  # noqa: S105 (a reason, not a secret): the ID token failed a check (signature, iss, aud, exp, nonce)
    UNVERIFIED = "email_not_verified"
    DOMAIN = "domain_not_allowed"


class SignInFailed(Exception):
    def __init__(self, failure: Failure, tenant_id: int | None = None) -> None:
        super().__init__(failure.value)
        self.failure = failure
        self.tenant_id = tenant_id


@functools.cache
def _client_class() -> Any:
    """Authlib's Flask client, loaded at the first sign-in through a provider, not when a worker starts: Authlib
    and requests take about 16 MB that a worker serving only the API and the launch pages never uses."""
    from authlib.integrations.flask_client import FlaskOAuth2App

    class Client(FlaskOAuth2App):  # type: ignore[misc]  # Authlib ships no type information
        def save_authorize_data(self, **kwargs: Any) -> None:
            # Authlib would keep the whole authorization URL too: it holds the login_hint (an address). Not kept.
            kwargs.pop("url", None)
            super().save_authorize_data(**kwargs)

    return Client


@dataclasses.dataclass(frozen=True)
class Started:
    url: str


# The discovery document's addresses the broker itself calls or sends a browser to.
_ENDPOINTS = ("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint")


class OidcSignIns:
    def __init__(
        self,
        providers: IdentityProviders,
        users: ConsoleUsers,
        auditor: Auditor,
        check_url: Callable[[str], None],
    ) -> None:
        self._providers = providers
        # The webhook targets' policy (https; in production no loopback, private or link-local address): a
        # provider's discovery document must not make the broker call into its own network.
        self._check_url = check_url
        self._users = users
        self._auditor = auditor
        self._clients: dict[str, Any] = {}  # Authlib's clients (_client_class) by name
        self._lock = threading.Lock()

    def _name(self, provider: Provider) -> str:
        settings = f"{provider.issuer}\n{provider.client_id}\n{provider.secret_env}\n{provider.secret_id}"
        fingerprint = hashlib.sha256(f"{settings}\n{provider.updated_at.isoformat()}".encode()).hexdigest()[:16]
        return f"{_CLIENT_PREFIX}{provider.tenant_id}-{fingerprint}"

    def _client(self, provider: Provider) -> Any:
        """The provider's Authlib client, made on first use. Its secret is read outside the lock: a slow Secrets
        Manager holds up that tenant's sign-in, not every tenant's."""
        from authlib.integrations.flask_client import FlaskIntegration

        name = self._name(provider)
        with self._lock:
            client = self._clients.get(name)
        if client is not None:
            return client
        try:
            secret = self._providers.client_secret(provider)
        except SecretUnavailable as error:
            log.warning("console sign-in: tenant %s's provider client secret: %s", provider.tenant_id, error)
            raise SignInFailed(Failure.MISCONFIGURED, provider.tenant_id) from None
        made = _client_class()(
            FlaskIntegration(name),
            name,
            client_id=provider.client_id,
            client_secret=secret,
            server_metadata_url=provider.issuer.rstrip("/") + "/.well-known/openid-configuration",
            client_kwargs={
                "scope": "openid email",
                "code_challenge_method": "S256",
                "default_timeout": _TIMEOUT_SECONDS,
            },
        )
        with self._lock:
            # Two first sign-ins at once made two: the first kept serves both (its metadata cache is shared).
            return self._clients.setdefault(name, made)

    def _metadata(self, client: Any, provider: Provider) -> dict[str, Any]:
        import requests

        try:
            metadata: dict[str, Any] = client.load_server_metadata()
        except (requests.RequestException, ValueError, TypeError, KeyError, AttributeError) as error:
            # TypeError & co.: a document that is JSON but not an object (Authlib writes a key into it).
            log.warning("console sign-in: tenant %s's provider discovery failed: %s", provider.tenant_id, error)
            client.server_metadata = {}
            raise SignInFailed(Failure.UNREACHABLE, provider.tenant_id) from None
        # OpenID Connect Discovery 1.0 §4.3: the issuer it states must be the one configured.
        if str(metadata.get("issuer", "")).rstrip("/") != provider.issuer.rstrip("/"):
            log.warning("console sign-in: tenant %s's provider states another issuer", provider.tenant_id)
            client.server_metadata.pop("_loaded_at", None)
            raise SignInFailed(Failure.UNREACHABLE, provider.tenant_id)
        for endpoint in _ENDPOINTS:
            value = metadata.get(endpoint)
            if value is None and endpoint == "userinfo_endpoint":
                continue
            try:
                if not isinstance(value, str):
                    raise WebhookUrlRefused("not a URL")
                self._check_url(value)
            except WebhookUrlRefused:
                log.warning("console sign-in: tenant %s's provider's %s is refused", provider.tenant_id, endpoint)
                client.server_metadata = {}
                raise SignInFailed(Failure.UNREACHABLE, provider.tenant_id) from None
        # ID tokens signed with the provider's published keys only: never "none", never a shared secret (HS*).
        offered = metadata.get("id_token_signing_alg_values_supported")
        allowed = [alg for alg in offered if alg in _SIGNING_ALGS] if isinstance(offered, list) else []
        client.server_metadata["id_token_signing_alg_values_supported"] = allowed or ["RS256"]
        return metadata

    def begin(self, provider: Provider, login_hint: str | None) -> Started:
        """Where to send the browser (the provider's authorization endpoint); the pending sign-in kept in session."""
        from authlib.common.errors import AuthlibBaseError

        client = self._client(provider)
        self._metadata(client, provider)
        extra = {"login_hint": login_hint} if login_hint else {}
        try:
            created = client.create_authorization_url(self._providers.redirect_uri, **extra)
        except (RuntimeError, ValueError, AuthlibBaseError):
            raise SignInFailed(Failure.UNREACHABLE, provider.tenant_id) from None
        client.save_authorize_data(redirect_uri=self._providers.redirect_uri, **created)
        pending = dict(session.get(_PENDING) or {})
        pending[created["state"]] = [provider.tenant_id, client.name]
        pending = dict(list(pending.items())[-_MAX_PENDING:])
        session[_PENDING] = pending
        # Authlib keeps each state's data under `_state_<client name>_<state>`: only the newest few stay, so the
        # cookie stays small however often the form is sent (a browser drops a cookie past 4 kB).
        for key in [k for k in session if k.startswith(_STATE_PREFIX)]:
            if key.rpartition("_")[2] not in pending:
                session.pop(key)
        return Started(url=created["url"])

    def finish(self, request_id: str) -> User:
        """The console user the provider's answer (this request's query) signs in; SignInFailed otherwise."""
        state = request.args.get("state", "")
        pending = dict(session.get(_PENDING) or {})
        entry = pending.pop(state, None) if 0 < len(state) <= _MAX_PARAM_CHARS else None
        session[_PENDING] = pending
        if not isinstance(entry, list) or len(entry) != 2:
            raise SignInFailed(Failure.BAD_STATE)
        tenant_id, name = entry
        provider = self._providers.of_tenant(int(tenant_id))
        if provider is None or self._name(provider) != name:
            raise SignInFailed(Failure.BAD_STATE, int(tenant_id))
        client = self._client(provider)
        if request.args.get("error"):
            client.framework.clear_state_data(session, state)
            raise SignInFailed(Failure.DENIED, provider.tenant_id)
        code = request.args.get("code", "")
        if not code or len(code) > _MAX_PARAM_CHARS:
            client.framework.clear_state_data(session, state)
            raise SignInFailed(Failure.BAD_CODE, provider.tenant_id)
        claims = self._exchange(client, provider)
        return self._user(provider, claims, request_id)

    def _exchange(self, client: Any, provider: Provider) -> dict[str, Any]:
        import requests
        from authlib.common.errors import AuthlibBaseError

        metadata = self._metadata(client, provider)
        options = {
            "iss": {"essential": True, "values": [metadata["issuer"]]},
            "aud": {"essential": True, "values": [provider.client_id]},
        }
        try:
            token = client.authorize_access_token(claims_options=options, leeway=60)
        except requests.RequestException as error:
            log.warning("console sign-in: tenant %s's provider did not answer: %s", provider.tenant_id, error)
            raise SignInFailed(Failure.UNREACHABLE, provider.tenant_id) from None
        except JoseError as error:
            log.warning("console sign-in: tenant %s's ID token refused: %s", provider.tenant_id, error)
            raise SignInFailed(Failure.BAD_TOKEN, provider.tenant_id) from None
        except AuthlibBaseError as error:
            state_error = getattr(error, "error", "") == "mismatching_state"
            log.warning("console sign-in: tenant %s's provider refused the code: %s", provider.tenant_id, error)
            raise SignInFailed(Failure.BAD_STATE if state_error else Failure.BAD_CODE, provider.tenant_id) from None
        except (ValueError, KeyError, TypeError) as error:
            log.warning("console sign-in: tenant %s's provider answered oddly: %s", provider.tenant_id, error)
            raise SignInFailed(Failure.UNREACHABLE, provider.tenant_id) from None
        except Exception:  # anything else from another party's answer: refused (and logged), never a 500
            log.exception("console sign-in: tenant %s's provider's answer could not be checked", provider.tenant_id)
            raise SignInFailed(Failure.BAD_TOKEN, provider.tenant_id) from None
        claims = token.get("userinfo")
        if not claims:  # no ID token in the answer: nothing says who this is
            raise SignInFailed(Failure.BAD_TOKEN, provider.tenant_id)
        return dict(claims)

    def _user(self, provider: Provider, claims: dict[str, Any], request_id: str) -> User:
        email = claims.get("email")
        if claims.get("email_verified") is not True:
            raise SignInFailed(Failure.UNVERIFIED, provider.tenant_id)
        # The domain exactly as the provider says it (lower case): "clinic.example." is not "clinic.example".
        domain = normalise_address(email).rpartition("@")[2] if isinstance(email, str) else ""
        if not isinstance(email, str) or not plausible_address(email) or domain not in provider.domains:
            raise SignInFailed(Failure.DOMAIN, provider.tenant_id)
        user = self._users.in_tenant(provider.tenant_id, email)
        created = user is None
        if user is None:
            try:
                user = self._users.add(provider.tenant_id, email, provider.default_role)
            except UserExists:  # made by a parallel sign-in a moment ago
                user = self._users.in_tenant(provider.tenant_id, email)
                if user is None:
                    raise
        if created:
            auditing.record(
                self._auditor, "console.user_added", "ok", user, request_id, method="oidc", role=user.role.value
            )
        auditing.record(self._auditor, "console.signed_in", "ok", user, request_id, method="oidc")
        return user

    def refused(self, failure: SignInFailed, request_id: str) -> None:
        """The audit row of a refused sign-in: the tenant (if known) and why; never the address."""
        context = AuditContext(request_id=request_id, tenant_id=failure.tenant_id, api_key_prefix=None)
        self._auditor.record(
            "console.signed_in", "refused", context, detail={"method": "oidc", "reason": failure.failure.value}
        )
