from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_problem import BadRequestProblem
from ...models.insufficient_scope_problem import InsufficientScopeProblem
from ...models.internal_error_problem import InternalErrorProblem
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.new_webhook_endpoint import NewWebhookEndpoint
from ...models.payload_too_large_problem import PayloadTooLargeProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.unauthorized_problem import UnauthorizedProblem
from ...models.unsupported_media_type_problem import UnsupportedMediaTypeProblem
from ...models.webhook_endpoint_with_secret import WebhookEndpointWithSecret
from ...models.webhook_validation_failed_problem import WebhookValidationFailedProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NewWebhookEndpoint,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestProblem
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | WebhookEndpointWithSecret
    | WebhookValidationFailedProblem
    | None
):
    if response.status_code == 201:
        response_201 = WebhookEndpointWithSecret.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BadRequestProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = InsufficientScopeProblem.from_dict(response.json())

        return response_403

    if response.status_code == 405:
        response_405 = MethodNotAllowedProblem.from_dict(response.json())

        return response_405

    if response.status_code == 413:
        response_413 = PayloadTooLargeProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = UnsupportedMediaTypeProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = WebhookValidationFailedProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = RateLimitedProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = InternalErrorProblem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    BadRequestProblem
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | WebhookEndpointWithSecret
    | WebhookValidationFailedProblem
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewWebhookEndpoint,
    x_request_id: str | Unset = UNSET,
) -> Response[
    BadRequestProblem
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | WebhookEndpointWithSecret
    | WebhookValidationFailedProblem
]:
    """Register a webhook endpoint

     Your URL receives the events you name (all of them without `events`), each signed as
    [Standard Webhooks](https://www.standardwebhooks.com/) says: headers `webhook-id`, `webhook-
    timestamp` and
    `webhook-signature: v1,<base64 HMAC-SHA256>`. Verify them with any Standard Webhooks library and the
    `secret` of this answer, which is shown only now. The URL must be `https://` (`http://` only to
    loopback
    on a development broker); a production broker refuses hosts that resolve to loopback, private, link-
    local
    or metadata addresses, here and again at every delivery. At most 10 endpoints per account (the
    operator
    may set another limit). Needs the scope `webhooks:admin`.

    Args:
        x_request_id (str | Unset):
        body (NewWebhookEndpoint):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestProblem | InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | RateLimitedProblem | UnauthorizedProblem | UnsupportedMediaTypeProblem | WebhookEndpointWithSecret | WebhookValidationFailedProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: NewWebhookEndpoint,
    x_request_id: str | Unset = UNSET,
) -> (
    BadRequestProblem
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | WebhookEndpointWithSecret
    | WebhookValidationFailedProblem
    | None
):
    """Register a webhook endpoint

     Your URL receives the events you name (all of them without `events`), each signed as
    [Standard Webhooks](https://www.standardwebhooks.com/) says: headers `webhook-id`, `webhook-
    timestamp` and
    `webhook-signature: v1,<base64 HMAC-SHA256>`. Verify them with any Standard Webhooks library and the
    `secret` of this answer, which is shown only now. The URL must be `https://` (`http://` only to
    loopback
    on a development broker); a production broker refuses hosts that resolve to loopback, private, link-
    local
    or metadata addresses, here and again at every delivery. At most 10 endpoints per account (the
    operator
    may set another limit). Needs the scope `webhooks:admin`.

    Args:
        x_request_id (str | Unset):
        body (NewWebhookEndpoint):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestProblem | InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | RateLimitedProblem | UnauthorizedProblem | UnsupportedMediaTypeProblem | WebhookEndpointWithSecret | WebhookValidationFailedProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewWebhookEndpoint,
    x_request_id: str | Unset = UNSET,
) -> Response[
    BadRequestProblem
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | WebhookEndpointWithSecret
    | WebhookValidationFailedProblem
]:
    """Register a webhook endpoint

     Your URL receives the events you name (all of them without `events`), each signed as
    [Standard Webhooks](https://www.standardwebhooks.com/) says: headers `webhook-id`, `webhook-
    timestamp` and
    `webhook-signature: v1,<base64 HMAC-SHA256>`. Verify them with any Standard Webhooks library and the
    `secret` of this answer, which is shown only now. The URL must be `https://` (`http://` only to
    loopback
    on a development broker); a production broker refuses hosts that resolve to loopback, private, link-
    local
    or metadata addresses, here and again at every delivery. At most 10 endpoints per account (the
    operator
    may set another limit). Needs the scope `webhooks:admin`.

    Args:
        x_request_id (str | Unset):
        body (NewWebhookEndpoint):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestProblem | InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | RateLimitedProblem | UnauthorizedProblem | UnsupportedMediaTypeProblem | WebhookEndpointWithSecret | WebhookValidationFailedProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewWebhookEndpoint,
    x_request_id: str | Unset = UNSET,
) -> (
    BadRequestProblem
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | WebhookEndpointWithSecret
    | WebhookValidationFailedProblem
    | None
):
    """Register a webhook endpoint

     Your URL receives the events you name (all of them without `events`), each signed as
    [Standard Webhooks](https://www.standardwebhooks.com/) says: headers `webhook-id`, `webhook-
    timestamp` and
    `webhook-signature: v1,<base64 HMAC-SHA256>`. Verify them with any Standard Webhooks library and the
    `secret` of this answer, which is shown only now. The URL must be `https://` (`http://` only to
    loopback
    on a development broker); a production broker refuses hosts that resolve to loopback, private, link-
    local
    or metadata addresses, here and again at every delivery. At most 10 endpoints per account (the
    operator
    may set another limit). Needs the scope `webhooks:admin`.

    Args:
        x_request_id (str | Unset):
        body (NewWebhookEndpoint):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestProblem | InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | RateLimitedProblem | UnauthorizedProblem | UnsupportedMediaTypeProblem | WebhookEndpointWithSecret | WebhookValidationFailedProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_request_id=x_request_id,
        )
    ).parsed
