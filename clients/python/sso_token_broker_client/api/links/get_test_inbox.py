from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_test_inbox_response_200 import GetTestInboxResponse200
from ...models.internal_error_problem import InternalErrorProblem
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.test_key_required_problem import TestKeyRequiredProblem
from ...models.unauthorized_problem import UnauthorizedProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/test-inbox",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    GetTestInboxResponse200
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | TestKeyRequiredProblem
    | UnauthorizedProblem
    | None
):
    if response.status_code == 200:
        response_200 = GetTestInboxResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = TestKeyRequiredProblem.from_dict(response.json())

        return response_403

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
    GetTestInboxResponse200
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | TestKeyRequiredProblem
    | UnauthorizedProblem
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
    x_request_id: str | Unset = UNSET,
) -> Response[
    GetTestInboxResponse200
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | TestKeyRequiredProblem
    | UnauthorizedProblem
]:
    """The test inbox (test API keys only)

     Test mode: a test API key (`tbk_test_…`) mints only for test profiles (which point at a sandbox
    relying
    party), and the mails it asks for are never sent: they are composed exactly as they would go out and
    kept here for 24 hours, newest first, for its account. Live keys get `403 test_key_required`. What
    is
    kept holds the address and the live link, so it is sealed at rest under the broker's secret.

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetTestInboxResponse200 | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | TestKeyRequiredProblem | UnauthorizedProblem]
    """

    kwargs = _get_kwargs(
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    GetTestInboxResponse200
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | TestKeyRequiredProblem
    | UnauthorizedProblem
    | None
):
    """The test inbox (test API keys only)

     Test mode: a test API key (`tbk_test_…`) mints only for test profiles (which point at a sandbox
    relying
    party), and the mails it asks for are never sent: they are composed exactly as they would go out and
    kept here for 24 hours, newest first, for its account. Live keys get `403 test_key_required`. What
    is
    kept holds the address and the live link, so it is sealed at rest under the broker's secret.

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetTestInboxResponse200 | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | TestKeyRequiredProblem | UnauthorizedProblem
    """

    return sync_detailed(
        client=client,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[
    GetTestInboxResponse200
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | TestKeyRequiredProblem
    | UnauthorizedProblem
]:
    """The test inbox (test API keys only)

     Test mode: a test API key (`tbk_test_…`) mints only for test profiles (which point at a sandbox
    relying
    party), and the mails it asks for are never sent: they are composed exactly as they would go out and
    kept here for 24 hours, newest first, for its account. Live keys get `403 test_key_required`. What
    is
    kept holds the address and the live link, so it is sealed at rest under the broker's secret.

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetTestInboxResponse200 | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | TestKeyRequiredProblem | UnauthorizedProblem]
    """

    kwargs = _get_kwargs(
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> (
    GetTestInboxResponse200
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | RateLimitedProblem
    | TestKeyRequiredProblem
    | UnauthorizedProblem
    | None
):
    """The test inbox (test API keys only)

     Test mode: a test API key (`tbk_test_…`) mints only for test profiles (which point at a sandbox
    relying
    party), and the mails it asks for are never sent: they are composed exactly as they would go out and
    kept here for 24 hours, newest first, for its account. Live keys get `403 test_key_required`. What
    is
    kept holds the address and the live link, so it is sealed at rest under the broker's secret.

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetTestInboxResponse200 | InternalErrorProblem | MethodNotAllowedProblem | RateLimitedProblem | TestKeyRequiredProblem | UnauthorizedProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            x_request_id=x_request_id,
        )
    ).parsed
