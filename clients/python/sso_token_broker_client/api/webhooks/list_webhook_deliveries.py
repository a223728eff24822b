from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.insufficient_scope_problem import InsufficientScopeProblem
from ...models.internal_error_problem import InternalErrorProblem
from ...models.list_webhook_deliveries_response_200 import ListWebhookDeliveriesResponse200
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.unauthorized_problem import UnauthorizedProblem
from ...models.unknown_query_parameter_problem import UnknownQueryParameterProblem
from ...models.validation_problem import ValidationProblem
from ...models.webhook_not_found_problem import WebhookNotFoundProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    limit: int | Unset = 50,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/{id}/deliveries".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListWebhookDeliveriesResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
    | WebhookNotFoundProblem
    | None
):
    if response.status_code == 200:
        response_200 = ListWebhookDeliveriesResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = UnknownQueryParameterProblem.from_dict(response.json())

        return response_400

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

    if response.status_code == 422:
        response_422 = ValidationProblem.from_dict(response.json())

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
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListWebhookDeliveriesResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
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
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListWebhookDeliveriesResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
    | WebhookNotFoundProblem
]:
    """List a webhook endpoint's deliveries

     Newest first: the event's id and type, the state (`pending`, `delivered`, `failed`), attempts so
    far, the
    last HTTP status or error, and when the next attempt is due. Bodies are not kept here: an event
    holds ids
    and states only (`GET /api/v1/webhooks/events`). Needs the scope `webhooks:admin`.

    Args:
        id (str):
        limit (int | Unset):  Default: 50.
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | ListWebhookDeliveriesResponse200 | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | UnknownQueryParameterProblem | ValidationProblem | WebhookNotFoundProblem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListWebhookDeliveriesResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
    | WebhookNotFoundProblem
    | None
):
    """List a webhook endpoint's deliveries

     Newest first: the event's id and type, the state (`pending`, `delivered`, `failed`), attempts so
    far, the
    last HTTP status or error, and when the next attempt is due. Bodies are not kept here: an event
    holds ids
    and states only (`GET /api/v1/webhooks/events`). Needs the scope `webhooks:admin`.

    Args:
        id (str):
        limit (int | Unset):  Default: 50.
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | ListWebhookDeliveriesResponse200 | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | UnknownQueryParameterProblem | ValidationProblem | WebhookNotFoundProblem
    """

    return sync_detailed(
        id=id,
        client=client,
        limit=limit,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListWebhookDeliveriesResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
    | WebhookNotFoundProblem
]:
    """List a webhook endpoint's deliveries

     Newest first: the event's id and type, the state (`pending`, `delivered`, `failed`), attempts so
    far, the
    last HTTP status or error, and when the next attempt is due. Bodies are not kept here: an event
    holds ids
    and states only (`GET /api/v1/webhooks/events`). Needs the scope `webhooks:admin`.

    Args:
        id (str):
        limit (int | Unset):  Default: 50.
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | ListWebhookDeliveriesResponse200 | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | UnknownQueryParameterProblem | ValidationProblem | WebhookNotFoundProblem]
    """

    kwargs = _get_kwargs(
        id=id,
        limit=limit,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListWebhookDeliveriesResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
    | WebhookNotFoundProblem
    | None
):
    """List a webhook endpoint's deliveries

     Newest first: the event's id and type, the state (`pending`, `delivered`, `failed`), attempts so
    far, the
    last HTTP status or error, and when the next attempt is due. Bodies are not kept here: an event
    holds ids
    and states only (`GET /api/v1/webhooks/events`). Needs the scope `webhooks:admin`.

    Args:
        id (str):
        limit (int | Unset):  Default: 50.
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | ListWebhookDeliveriesResponse200 | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | UnknownQueryParameterProblem | ValidationProblem | WebhookNotFoundProblem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            limit=limit,
            x_request_id=x_request_id,
        )
    ).parsed
