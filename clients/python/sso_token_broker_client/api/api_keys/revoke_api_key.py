from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_not_found_problem import ApiKeyNotFoundProblem
from ...models.api_key_summary import ApiKeySummary
from ...models.insufficient_scope_problem import InsufficientScopeProblem
from ...models.internal_error_problem import InternalErrorProblem
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.unauthorized_problem import UnauthorizedProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    prefix: str,
    *,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/api-keys/{prefix}/revoke".format(
            prefix=quote(str(prefix), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ApiKeyNotFoundProblem
    | ApiKeySummary
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | None
):
    if response.status_code == 200:
        response_200 = ApiKeySummary.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = InsufficientScopeProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ApiKeyNotFoundProblem.from_dict(response.json())

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
    ApiKeyNotFoundProblem
    | ApiKeySummary
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    prefix: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[
    ApiKeyNotFoundProblem
    | ApiKeySummary
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
]:
    """Revoke an API key

     The key is refused at once by the broker instance that answers, and by every other instance within
    `LOOKUP_CACHE_SECONDS` (5 s by default). A key may revoke itself. Needs the scope `keys:admin`.

    Args:
        prefix (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyNotFoundProblem | ApiKeySummary | InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem]
    """

    kwargs = _get_kwargs(
        prefix=prefix,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    prefix: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    ApiKeyNotFoundProblem
    | ApiKeySummary
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | None
):
    """Revoke an API key

     The key is refused at once by the broker instance that answers, and by every other instance within
    `LOOKUP_CACHE_SECONDS` (5 s by default). A key may revoke itself. Needs the scope `keys:admin`.

    Args:
        prefix (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyNotFoundProblem | ApiKeySummary | InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem
    """

    return sync_detailed(
        prefix=prefix,
        client=client,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    prefix: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[
    ApiKeyNotFoundProblem
    | ApiKeySummary
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
]:
    """Revoke an API key

     The key is refused at once by the broker instance that answers, and by every other instance within
    `LOOKUP_CACHE_SECONDS` (5 s by default). A key may revoke itself. Needs the scope `keys:admin`.

    Args:
        prefix (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyNotFoundProblem | ApiKeySummary | InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem]
    """

    kwargs = _get_kwargs(
        prefix=prefix,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    prefix: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    ApiKeyNotFoundProblem
    | ApiKeySummary
    | InsufficientScopeProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | None
):
    """Revoke an API key

     The key is refused at once by the broker instance that answers, and by every other instance within
    `LOOKUP_CACHE_SECONDS` (5 s by default). A key may revoke itself. Needs the scope `keys:admin`.

    Args:
        prefix (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyNotFoundProblem | ApiKeySummary | InsufficientScopeProblem | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem
    """

    return (
        await asyncio_detailed(
            prefix=prefix,
            client=client,
            x_request_id=x_request_id,
        )
    ).parsed
