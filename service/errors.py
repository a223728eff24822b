"""Domain errors: each carries a stable `code`, an HTTP status and a message safe to show a caller.

Messages never contain key material, API keys, tokens or payload values: they are shown to callers
and written to logs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


class ConfigError(Exception):
    """Settings are missing or invalid; raised at start, before serving. One message per problem."""

    def __init__(self, *problems: str) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


class BrokerError(Exception):
    """Base of every error rendered as problem+json."""

    code = "broker_error"
    status = 500
    title = "Internal error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Mapping[str, Sequence[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.detail = detail or self.title
        self.errors = dict(errors) if errors else None
        self.headers = dict(headers) if headers else {}
        super().__init__(self.detail)


class BadRequest(BrokerError):
    code = "bad_request"
    status = 400
    title = "Bad request"


class MalformedJSON(BadRequest):
    code = "malformed_json"
    title = "Malformed JSON"


class UnknownQueryParameter(BadRequest):
    """400: a query parameter the route does not take (a typo would otherwise be ignored and filter nothing)."""

    code = "unknown_query_parameter"
    title = "Unknown query parameter"


class ApiKeyAsProfileKey(BadRequest):
    code = "api_key_as_profile_key"
    title = "API key sent as profile key"


class Unauthorized(BrokerError):
    code = "unauthorized"
    status = 401
    title = "Unauthorized"

    def __init__(self, detail: str | None = None) -> None:
        # RFC 6750: a 401 for a bearer-protected resource names the scheme.
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="sso-token-broker"'})


class Forbidden(BrokerError):
    code = "forbidden"
    status = 403
    title = "Forbidden"


class InsufficientScope(Forbidden):
    code = "insufficient_scope"
    title = "Insufficient scope"


class ModeMismatch(Forbidden):
    """403: a test API key with a live profile, or a live key with a test profile."""

    code = "mode_mismatch"
    title = "Test and live do not mix"


class TestKeyRequired(Forbidden):
    """403: the test inbox answers test API keys only."""

    __test__ = False  # not a pytest test class, despite its name
    code = "test_key_required"
    title = "Test API key required"


class NotFound(BrokerError):
    code = "not_found"
    status = 404
    title = "Not found"


class ProfileNotFound(NotFound):
    code = "profile_not_found"
    title = "Profile not found"


class LinkNotFound(NotFound):
    code = "link_not_found"
    title = "Link not found"


class ApiKeyNotFound(NotFound):
    code = "api_key_not_found"
    title = "API key not found"


class WebhookNotFound(NotFound):
    code = "webhook_not_found"
    title = "Webhook endpoint not found"


class DeliveryNotFound(NotFound):
    code = "delivery_not_found"
    title = "Delivery not found"


class KeysetNotFound(NotFound):
    code = "keyset_not_found"
    title = "Keyset not found"


class Conflict(BrokerError):
    code = "conflict"
    status = 409
    title = "Conflict"


class IdempotencyInProgress(Conflict):
    code = "idempotency_in_progress"
    title = "Request in progress"


class LinkAlreadyReplaced(Conflict):
    """409: `replaces` names a link that another link already replaced; `detail` names the newest of its chain."""

    code = "link_already_replaced"
    title = "Link already replaced"


class RotationRefused(Conflict):
    """The rotation step is not possible in the secret's current state (409)."""

    code = "rotation_refused"
    title = "Rotation refused"


class RotationNotReady(RotationRefused):
    """The step will be allowed later, when a window has passed; `allowed_at` says when (unix seconds)."""

    code = "rotation_not_ready"
    title = "Rotation not ready yet"

    def __init__(self, detail: str, *, allowed_at: float, now: float) -> None:
        self.allowed_at = allowed_at
        self.wait_seconds = max(0, math.ceil(allowed_at - now))
        super().__init__(detail, headers={"Retry-After": str(self.wait_seconds)})


class WebhookDisabled(Conflict):
    """409: the webhook endpoint was disabled (it failed for too long); nothing is sent to it."""

    code = "webhook_disabled"
    title = "Webhook endpoint disabled"


class RateLimited(BrokerError):
    """429: the API key's rate limit is used up; the headers say when to retry."""

    code = "rate_limited"
    status = 429
    title = "Too many requests"


class UnsupportedMediaType(BrokerError):
    code = "unsupported_media_type"
    status = 415
    title = "Unsupported media type"


class ValidationFailed(BrokerError):
    code = "validation_failed"
    status = 422
    title = "Validation failed"


class IdempotencyKeyReused(ValidationFailed):
    code = "idempotency_key_reused"
    title = "Idempotency key reused"


class RedirectNotAllowed(ValidationFailed):
    code = "redirect_not_allowed"
    title = "Redirect not allowed"


class WebhookUrlRefused(ValidationFailed):
    """422: a webhook URL the broker will not call (not https, or an address inside the broker's network)."""

    code = "webhook_url_not_allowed"
    title = "Webhook URL not allowed"


class RelyingPartyError(BrokerError):
    code = "relying_party_error"
    status = 502
    title = "Relying party error"


class RenewalRefused(BrokerError):
    """409: a launch link that offers no renewal (not expired, not emailed, already renewed, over the count)."""

    code = "renewal_refused"
    status = 409
    title = "No new link for this one"


class EmailFailed(BrokerError):
    code = "email_failed"
    status = 502
    title = "Email not sent"


class KeyUnavailable(BrokerError):
    code = "key_unavailable"
    status = 503
    title = "No usable signing key"


class DatabaseUnavailable(BrokerError):
    """503: the database could not be reached or lost the connection, also after one retry."""

    code = "database_unavailable"
    status = 503
    title = "Database unavailable"


class VerificationFailed(BrokerError):
    code = "verification_failed"
    status = 503
    title = "Self-verification failed"


class TokenRejected(Exception):
    """The verifier refused a token; `rule` names the relying-party rule that failed."""

    def __init__(self, rule: str, detail: str) -> None:
        self.rule = rule
        self.detail = detail
        super().__init__(f"{rule}: {detail}")


class KeyMaterialError(Exception):
    """A keyset's secret cannot be used; the message names the keyset, never the key."""
