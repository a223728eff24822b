from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.insufficient_scope_problem import InsufficientScopeProblem
from ...models.internal_error_problem import InternalErrorProblem
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.unauthorized_problem import UnauthorizedProblem
from ...models.webhook_delivery import WebhookDelivery
from ...models.webhook_disabled_problem import WebhookDisabledProblem
from ...models.webhook_not_found_problem import WebhookNotFoundProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    delivery_id: str,
    *,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver".format(
            id=quote(str(id), safe=""),
            delivery_id=quote(str(delivery_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookDelivery
    | WebhookDisabledProblem
    | WebhookNotFoundProblem
    | None
):
    if response.status_code == 202:
        response_202 = WebhookDelivery.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = UnauthorizedProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = InsufficientScopeProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = WebhookNotFoundProblem.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = MethodNotAllowedProblem.from_dict(response.json())

        return response_405

    if response.status_code == 409:
        response_409 = WebhookDisabledProblem.from_dict(response.json())

        return response_409

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
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookDelivery
    | WebhookDisabledProblem
    | WebhookNotFoundProblem
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    delivery_id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookDelivery
    | WebhookDisabledProblem
    | WebhookNotFoundProblem
]:
    """Send a delivery's event again

     A new delivery of the same event (the same `webhook-id`, so a receiver that already has it can drop
    it),
    due at once and retried as any other. `409 webhook_disabled` for a disabled endpoint. Needs the
    scope
    `webhooks:admin`.

    Args:
        id (str):
        delivery_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | WebhookDelivery | WebhookDisabledProblem | WebhookNotFoundProblem]
    """

    kwargs = _get_kwargs(
        id=id,
        delivery_id=delivery_id,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    delivery_id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookDelivery
    | WebhookDisabledProblem
    | WebhookNotFoundProblem
    | None
):
    """Send a delivery's event again

     A new delivery of the same event (the same `webhook-id`, so a receiver that already has it can drop
    it),
    due at once and retried as any other. `409 webhook_disabled` for a disabled endpoint. Needs the
    scope
    `webhooks:admin`.

    Args:
        id (str):
        delivery_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | WebhookDelivery | WebhookDisabledProblem | WebhookNotFoundProblem
    """

    return sync_detailed(
        id=id,
        delivery_id=delivery_id,
        client=client,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    delivery_id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookDelivery
    | WebhookDisabledProblem
    | WebhookNotFoundProblem
]:
    """Send a delivery's event again

     A new delivery of the same event (the same `webhook-id`, so a receiver that already has it can drop
    it),
    due at once and retried as any other. `409 webhook_disabled` for a disabled endpoint. Needs the
    scope
    `webhooks:admin`.

    Args:
        id (str):
        delivery_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | WebhookDelivery | WebhookDisabledProblem | WebhookNotFoundProblem]
    """

    kwargs = _get_kwargs(
        id=id,
        delivery_id=delivery_id,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    delivery_id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookDelivery
    | WebhookDisabledProblem
    | WebhookNotFoundProblem
    | None
):
    """Send a delivery's event again

     A new delivery of the same event (the same `webhook-id`, so a receiver that already has it can drop
    it),
    due at once and retried as any other. `409 webhook_disabled` for a disabled endpoint. Needs the
    scope
    `webhooks:admin`.

    Args:
        id (str):
        delivery_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | WebhookDelivery | WebhookDisabledProblem | WebhookNotFoundProblem
    """

    return (
        await asyncio_detailed(
            id=id,
            delivery_id=delivery_id,
            client=client,
            x_request_id=x_request_id,
        )
    ).parsed
