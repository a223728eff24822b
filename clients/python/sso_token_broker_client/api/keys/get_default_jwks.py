from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...models.jwks import Jwks
from ...models.key_unavailable_problem import KeyUnavailableProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    if_none_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/jwks.json",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | InternalErrorProblem | Jwks | KeyUnavailableProblem | None:
    if response.status_code == 200:
        response_200 = Jwks.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 500:
        response_500 = InternalErrorProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = KeyUnavailableProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | InternalErrorProblem | Jwks | KeyUnavailableProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | Jwks | KeyUnavailableProblem]:
    """Public keys of the default keyset (JWKS)

     The JSON Web Key Set relying parties verify tokens with: every key that signs now, will sign soon
    or signed recently, public members only. Cache it as `Cache-Control` says and refetch when a token
    names a `kid` you do not know. Send the `ETag` back as `If-None-Match` to get `304` when nothing
    changed. An empty key set is never served: without a usable key the answer is `503`.

    Args:
        if_none_match (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | Jwks | KeyUnavailableProblem]
    """

    kwargs = _get_kwargs(
        if_none_match=if_none_match,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Any | InternalErrorProblem | Jwks | KeyUnavailableProblem | None:
    """Public keys of the default keyset (JWKS)

     The JSON Web Key Set relying parties verify tokens with: every key that signs now, will sign soon
    or signed recently, public members only. Cache it as `Cache-Control` says and refetch when a token
    names a `kid` you do not know. Send the `ETag` back as `If-None-Match` to get `304` when nothing
    changed. An empty key set is never served: without a usable key the answer is `503`.

    Args:
        if_none_match (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | Jwks | KeyUnavailableProblem
    """

    return sync_detailed(
        client=client,
        if_none_match=if_none_match,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | Jwks | KeyUnavailableProblem]:
    """Public keys of the default keyset (JWKS)

     The JSON Web Key Set relying parties verify tokens with: every key that signs now, will sign soon
    or signed recently, public members only. Cache it as `Cache-Control` says and refetch when a token
    names a `kid` you do not know. Send the `ETag` back as `If-None-Match` to get `304` when nothing
    changed. An empty key set is never served: without a usable key the answer is `503`.

    Args:
        if_none_match (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | Jwks | KeyUnavailableProblem]
    """

    kwargs = _get_kwargs(
        if_none_match=if_none_match,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Any | InternalErrorProblem | Jwks | KeyUnavailableProblem | None:
    """Public keys of the default keyset (JWKS)

     The JSON Web Key Set relying parties verify tokens with: every key that signs now, will sign soon
    or signed recently, public members only. Cache it as `Cache-Control` says and refetch when a token
    names a `kid` you do not know. Send the `ETag` back as `If-None-Match` to get `304` when nothing
    changed. An empty key set is never served: without a usable key the answer is `503`.

    Args:
        if_none_match (str | Unset):
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | Jwks | KeyUnavailableProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            if_none_match=if_none_match,
            x_request_id=x_request_id,
        )
    ).parsed
