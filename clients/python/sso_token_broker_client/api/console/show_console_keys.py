from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/console/keys",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | InternalErrorProblem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

    if response.status_code == 500:
        response_500 = InternalErrorProblem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | InternalErrorProblem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | InternalErrorProblem | str]:
    """The keys that sign the account's tokens, in the console

     Each keyset the account's profiles sign with: its published keys' kids, stages (signing, published
    and pending, retired and still published) and ages, and when the pending key may start signing (as
    `keysets status` tells the operator, who rotates with the CLI). Read-only; a keyset Secrets Manager
    cannot be read just now is a sentence on the page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Any | InternalErrorProblem | str | None:
    """The keys that sign the account's tokens, in the console

     Each keyset the account's profiles sign with: its published keys' kids, stages (signing, published
    and pending, retired and still published) and ages, and when the pending key may start signing (as
    `keysets status` tells the operator, who rotates with the CLI). Read-only; a keyset Secrets Manager
    cannot be read just now is a sentence on the page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | InternalErrorProblem | str]:
    """The keys that sign the account's tokens, in the console

     Each keyset the account's profiles sign with: its published keys' kids, stages (signing, published
    and pending, retired and still published) and ages, and when the pending key may start signing (as
    `keysets status` tells the operator, who rotates with the CLI). Read-only; a keyset Secrets Manager
    cannot be read just now is a sentence on the page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Any | InternalErrorProblem | str | None:
    """The keys that sign the account's tokens, in the console

     Each keyset the account's profiles sign with: its published keys' kids, stages (signing, published
    and pending, retired and still published) and ages, and when the pending key may start signing (as
    `keysets status` tells the operator, who rotates with the CLI). Read-only; a keyset Secrets Manager
    cannot be read just now is a sentence on the page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
