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
from ...models.webhook_endpoint_with_secret import WebhookEndpointWithSecret
from ...models.webhook_not_found_problem import WebhookNotFoundProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/{id}/rotate-secret".format(
            id=quote(str(id), safe=""),
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
    | WebhookEndpointWithSecret
    | WebhookNotFoundProblem
    | None
):
    if response.status_code == 200:
        response_200 = WebhookEndpointWithSecret.from_dict(response.json())

        return response_200

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
    | WebhookEndpointWithSecret
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
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookEndpointWithSecret
    | WebhookNotFoundProblem
]:
    """Give a webhook endpoint a new signing secret

     The answer holds the new secret (shown only now). For the next 24 hours every delivery carries two
    signatures in `webhook-signature`, by the new and by the old secret, so your receiver may switch
    whenever it likes within that day (`previousSecretExpiresAt`). Needs the scope `webhooks:admin`.

    Args:
        id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | WebhookEndpointWithSecret | WebhookNotFoundProblem]
    """

    kwargs = _get_kwargs(
        id=id,
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
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookEndpointWithSecret
    | WebhookNotFoundProblem
    | None
):
    """Give a webhook endpoint a new signing secret

     The answer holds the new secret (shown only now). For the next 24 hours every delivery carries two
    signatures in `webhook-signature`, by the new and by the old secret, so your receiver may switch
    whenever it likes within that day (`previousSecretExpiresAt`). Needs the scope `webhooks:admin`.

    Args:
        id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | WebhookEndpointWithSecret | WebhookNotFoundProblem
    """

    return sync_detailed(
        id=id,
        client=client,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookEndpointWithSecret
    | WebhookNotFoundProblem
]:
    """Give a webhook endpoint a new signing secret

     The answer holds the new secret (shown only now). For the next 24 hours every delivery carries two
    signatures in `webhook-signature`, by the new and by the old secret, so your receiver may switch
    whenever it likes within that day (`previousSecretExpiresAt`). Needs the scope `webhooks:admin`.

    Args:
        id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | WebhookEndpointWithSecret | WebhookNotFoundProblem]
    """

    kwargs = _get_kwargs(
        id=id,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | WebhookEndpointWithSecret
    | WebhookNotFoundProblem
    | None
):
    """Give a webhook endpoint a new signing secret

     The answer holds the new secret (shown only now). For the next 24 hours every delivery carries two
    signatures in `webhook-signature`, by the new and by the old secret, so your receiver may switch
    whenever it likes within that day (`previousSecretExpiresAt`). Needs the scope `webhooks:admin`.

    Args:
        id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | WebhookEndpointWithSecret | WebhookNotFoundProblem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            x_request_id=x_request_id,
        )
    ).parsed
