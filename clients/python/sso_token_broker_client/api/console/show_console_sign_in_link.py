from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...types import Response


def _get_kwargs(
    secret: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/console/sign-in/{secret}".format(
            secret=quote(str(secret), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InternalErrorProblem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 410:
        response_410 = response.text
        return response_410

    if response.status_code == 500:
        response_500 = InternalErrorProblem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[InternalErrorProblem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    secret: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[InternalErrorProblem | str]:
    """The page of an emailed sign-in link (never signs in)

     A page with a **Continue** button that POSTs back; a GET (a mail scanner's too) signs no one in.
    Sent
    with `Referrer-Policy: no-referrer`.

    Args:
        secret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        secret=secret,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    secret: str,
    *,
    client: AuthenticatedClient | Client,
) -> InternalErrorProblem | str | None:
    """The page of an emailed sign-in link (never signs in)

     A page with a **Continue** button that POSTs back; a GET (a mail scanner's too) signs no one in.
    Sent
    with `Referrer-Policy: no-referrer`.

    Args:
        secret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InternalErrorProblem | str
    """

    return sync_detailed(
        secret=secret,
        client=client,
    ).parsed


async def asyncio_detailed(
    secret: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[InternalErrorProblem | str]:
    """The page of an emailed sign-in link (never signs in)

     A page with a **Continue** button that POSTs back; a GET (a mail scanner's too) signs no one in.
    Sent
    with `Referrer-Policy: no-referrer`.

    Args:
        secret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        secret=secret,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    secret: str,
    *,
    client: AuthenticatedClient | Client,
) -> InternalErrorProblem | str | None:
    """The page of an emailed sign-in link (never signs in)

     A page with a **Continue** button that POSTs back; a GET (a mail scanner's too) signs no one in.
    Sent
    with `Referrer-Policy: no-referrer`.

    Args:
        secret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            secret=secret,
            client=client,
        )
    ).parsed
