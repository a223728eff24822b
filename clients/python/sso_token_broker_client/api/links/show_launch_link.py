from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs(
    secret: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/l/{secret}".format(
            secret=quote(str(secret), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 410:
        response_410 = response.text
        return response_410

    if response.status_code == 503:
        response_503 = response.text
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[str]:
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
) -> Response[str]:
    """Launch link page (never uses the link)

     An HTML page for a person. For a usable link it shows a **Continue** button that POSTs back to the
    same URL; a link made for an app to open at once submits itself with a nonce'd script, while an
    emailed or long-lived link waits for the click, because mail scanners open links in browsers that
    run scripts. The page shows no personal data. A GET (or HEAD) never uses the link.

    Every launch page is sent with `Cache-Control: no-store`, `Referrer-Policy: no-referrer`,
    `X-Content-Type-Options: nosniff` and a strict `Content-Security-Policy` (a script nonce,
    `form-action` limited to the relying party, `frame-ancestors 'none'`).

    Args:
        secret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
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
) -> str | None:
    """Launch link page (never uses the link)

     An HTML page for a person. For a usable link it shows a **Continue** button that POSTs back to the
    same URL; a link made for an app to open at once submits itself with a nonce'd script, while an
    emailed or long-lived link waits for the click, because mail scanners open links in browsers that
    run scripts. The page shows no personal data. A GET (or HEAD) never uses the link.

    Every launch page is sent with `Cache-Control: no-store`, `Referrer-Policy: no-referrer`,
    `X-Content-Type-Options: nosniff` and a strict `Content-Security-Policy` (a script nonce,
    `form-action` limited to the relying party, `frame-ancestors 'none'`).

    Args:
        secret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
    """

    return sync_detailed(
        secret=secret,
        client=client,
    ).parsed


async def asyncio_detailed(
    secret: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[str]:
    """Launch link page (never uses the link)

     An HTML page for a person. For a usable link it shows a **Continue** button that POSTs back to the
    same URL; a link made for an app to open at once submits itself with a nonce'd script, while an
    emailed or long-lived link waits for the click, because mail scanners open links in browsers that
    run scripts. The page shows no personal data. A GET (or HEAD) never uses the link.

    Every launch page is sent with `Cache-Control: no-store`, `Referrer-Policy: no-referrer`,
    `X-Content-Type-Options: nosniff` and a strict `Content-Security-Policy` (a script nonce,
    `form-action` limited to the relying party, `frame-ancestors 'none'`).

    Args:
        secret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
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
) -> str | None:
    """Launch link page (never uses the link)

     An HTML page for a person. For a usable link it shows a **Continue** button that POSTs back to the
    same URL; a link made for an app to open at once submits itself with a nonce'd script, while an
    emailed or long-lived link waits for the click, because mail scanners open links in browsers that
    run scripts. The page shows no personal data. A GET (or HEAD) never uses the link.

    Every launch page is sent with `Cache-Control: no-store`, `Referrer-Policy: no-referrer`,
    `X-Content-Type-Options: nosniff` and a strict `Content-Security-Policy` (a script nonce,
    `form-action` limited to the relying party, `frame-ancestors 'none'`).

    Args:
        secret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
    """

    return (
        await asyncio_detailed(
            secret=secret,
            client=client,
        )
    ).parsed
