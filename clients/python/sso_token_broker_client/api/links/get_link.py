from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.insufficient_scope_problem import InsufficientScopeProblem
from ...models.internal_error_problem import InternalErrorProblem
from ...models.link_detail import LinkDetail
from ...models.link_not_found_problem import LinkNotFoundProblem
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.unauthorized_problem import UnauthorizedProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    link_id: str,
    *,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/links/{link_id}".format(
            link_id=quote(str(link_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | LinkDetail
    | LinkNotFoundProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | None
):
    if response.status_code == 200:
        response_200 = LinkDetail.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = InsufficientScopeProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = LinkNotFoundProblem.from_dict(response.json())

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
    | LinkDetail
    | LinkNotFoundProblem
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
    link_id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | LinkDetail
    | LinkNotFoundProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
]:
    """Show a launch link and its events

     One of your launch links: profile, state, created, expires, uses left, the recipient masked
    (`b***@galaxy.com`) and its events with their times. Never the link's secret, its payload or the
    full
    address. Needs the scope `links:admin`.

    Args:
        link_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | LinkDetail | LinkNotFoundProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem]
    """

    kwargs = _get_kwargs(
        link_id=link_id,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    link_id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | LinkDetail
    | LinkNotFoundProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | None
):
    """Show a launch link and its events

     One of your launch links: profile, state, created, expires, uses left, the recipient masked
    (`b***@galaxy.com`) and its events with their times. Never the link's secret, its payload or the
    full
    address. Needs the scope `links:admin`.

    Args:
        link_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | LinkDetail | LinkNotFoundProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem
    """

    return sync_detailed(
        link_id=link_id,
        client=client,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    link_id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | LinkDetail
    | LinkNotFoundProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
]:
    """Show a launch link and its events

     One of your launch links: profile, state, created, expires, uses left, the recipient masked
    (`b***@galaxy.com`) and its events with their times. Never the link's secret, its payload or the
    full
    address. Needs the scope `links:admin`.

    Args:
        link_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | LinkDetail | LinkNotFoundProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem]
    """

    kwargs = _get_kwargs(
        link_id=link_id,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    link_id: str,
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | LinkDetail
    | LinkNotFoundProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | None
):
    """Show a launch link and its events

     One of your launch links: profile, state, created, expires, uses left, the recipient masked
    (`b***@galaxy.com`) and its events with their times. Never the link's secret, its payload or the
    full
    address. Needs the scope `links:admin`.

    Args:
        link_id (str):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | LinkDetail | LinkNotFoundProblem | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem
    """

    return (
        await asyncio_detailed(
            link_id=link_id,
            client=client,
            x_request_id=x_request_id,
        )
    ).parsed
