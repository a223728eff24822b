from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.insufficient_scope_problem import InsufficientScopeProblem
from ...models.internal_error_problem import InternalErrorProblem
from ...models.list_links_response_200 import ListLinksResponse200
from ...models.list_links_state import ListLinksState
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.unauthorized_problem import UnauthorizedProblem
from ...models.unknown_query_parameter_problem import UnknownQueryParameterProblem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    state: ListLinksState | Unset = UNSET,
    recipient: str | Unset = UNSET,
    livemode: bool | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state

    params["state"] = json_state

    params["recipient"] = recipient

    params["livemode"] = livemode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/links",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListLinksResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
    | None
):
    if response.status_code == 200:
        response_200 = ListLinksResponse200.from_dict(response.json())

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
    | ListLinksResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
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
    limit: int | Unset = 50,
    state: ListLinksState | Unset = UNSET,
    recipient: str | Unset = UNSET,
    livemode: bool | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListLinksResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
]:
    """List your launch links

     Your account's launch links, newest first: id, profile, created, expires, uses left, state, the
    recipient masked (`b***@galaxy.com`) for emailed links, and `livemode`. Never the link's secret or
    payload. The filters combine, and apply before `limit`. A query parameter the route does not take is
    refused
    (`400 unknown_query_parameter`, naming the one meant). Needs the scope `links:admin`.

    Args:
        limit (int | Unset):  Default: 50.
        state (ListLinksState | Unset):
        recipient (str | Unset):
        livemode (bool | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | ListLinksResponse200 | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | UnknownQueryParameterProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        state=state,
        recipient=recipient,
        livemode=livemode,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    state: ListLinksState | Unset = UNSET,
    recipient: str | Unset = UNSET,
    livemode: bool | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListLinksResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
    | None
):
    """List your launch links

     Your account's launch links, newest first: id, profile, created, expires, uses left, state, the
    recipient masked (`b***@galaxy.com`) for emailed links, and `livemode`. Never the link's secret or
    payload. The filters combine, and apply before `limit`. A query parameter the route does not take is
    refused
    (`400 unknown_query_parameter`, naming the one meant). Needs the scope `links:admin`.

    Args:
        limit (int | Unset):  Default: 50.
        state (ListLinksState | Unset):
        recipient (str | Unset):
        livemode (bool | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | ListLinksResponse200 | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | UnknownQueryParameterProblem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        state=state,
        recipient=recipient,
        livemode=livemode,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    state: ListLinksState | Unset = UNSET,
    recipient: str | Unset = UNSET,
    livemode: bool | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListLinksResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
]:
    """List your launch links

     Your account's launch links, newest first: id, profile, created, expires, uses left, state, the
    recipient masked (`b***@galaxy.com`) for emailed links, and `livemode`. Never the link's secret or
    payload. The filters combine, and apply before `limit`. A query parameter the route does not take is
    refused
    (`400 unknown_query_parameter`, naming the one meant). Needs the scope `links:admin`.

    Args:
        limit (int | Unset):  Default: 50.
        state (ListLinksState | Unset):
        recipient (str | Unset):
        livemode (bool | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsufficientScopeProblem | InternalErrorProblem | ListLinksResponse200 | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | UnknownQueryParameterProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        state=state,
        recipient=recipient,
        livemode=livemode,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    state: ListLinksState | Unset = UNSET,
    recipient: str | Unset = UNSET,
    livemode: bool | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> (
    InsufficientScopeProblem
    | InternalErrorProblem
    | ListLinksResponse200
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | UnauthorizedProblem
    | UnknownQueryParameterProblem
    | ValidationProblem
    | None
):
    """List your launch links

     Your account's launch links, newest first: id, profile, created, expires, uses left, state, the
    recipient masked (`b***@galaxy.com`) for emailed links, and `livemode`. Never the link's secret or
    payload. The filters combine, and apply before `limit`. A query parameter the route does not take is
    refused
    (`400 unknown_query_parameter`, naming the one meant). Needs the scope `links:admin`.

    Args:
        limit (int | Unset):  Default: 50.
        state (ListLinksState | Unset):
        recipient (str | Unset):
        livemode (bool | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsufficientScopeProblem | InternalErrorProblem | ListLinksResponse200 | MethodNotAllowedProblem | RateLimitedProblem | UnauthorizedProblem | UnknownQueryParameterProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            state=state,
            recipient=recipient,
            livemode=livemode,
            x_request_id=x_request_id,
        )
    ).parsed
