from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.use_launch_link_body import UseLaunchLinkBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    secret: str,
    *,
    body: UseLaunchLinkBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/l/{secret}".format(
            secret=quote(str(secret), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

    if response.status_code == 403:
        response_403 = response.text
        return response_403

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 410:
        response_410 = response.text
        return response_410

    if response.status_code == 502:
        response_502 = response.text
        return response_502

    if response.status_code == 503:
        response_503 = response.text
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | str]:
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
    body: UseLaunchLinkBody | Unset = UNSET,
) -> Response[Any | str]:
    """Use a launch link

     Takes one use of the link (atomically: of many parallel POSTs on a single-use link exactly one
    succeeds), mints a fresh token at that moment and delivers it by the profile's mode: an HTML page
    that form-POSTs the token as `payload` to the relying party (`form`), or a `303` redirect to the
    relying party's URL (`exchange`, `query`). If delivery fails the use is given back.

    Only the link's own page may use it (login CSRF): the POST must come from the broker's origin
    (`Sec-Fetch-Site: same-origin`, which browsers set and pages cannot), or carry the page's form field
    `csrf` together with the cookie the page set (HttpOnly, SameSite=Strict; `__Host-launch` on https).
    Otherwise the answer is a `403` page asking to open the link again, and the link is not used.

    Args:
        secret (str):
        body (UseLaunchLinkBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | str]
    """

    kwargs = _get_kwargs(
        secret=secret,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    secret: str,
    *,
    client: AuthenticatedClient | Client,
    body: UseLaunchLinkBody | Unset = UNSET,
) -> Any | str | None:
    """Use a launch link

     Takes one use of the link (atomically: of many parallel POSTs on a single-use link exactly one
    succeeds), mints a fresh token at that moment and delivers it by the profile's mode: an HTML page
    that form-POSTs the token as `payload` to the relying party (`form`), or a `303` redirect to the
    relying party's URL (`exchange`, `query`). If delivery fails the use is given back.

    Only the link's own page may use it (login CSRF): the POST must come from the broker's origin
    (`Sec-Fetch-Site: same-origin`, which browsers set and pages cannot), or carry the page's form field
    `csrf` together with the cookie the page set (HttpOnly, SameSite=Strict; `__Host-launch` on https).
    Otherwise the answer is a `403` page asking to open the link again, and the link is not used.

    Args:
        secret (str):
        body (UseLaunchLinkBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | str
    """

    return sync_detailed(
        secret=secret,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    secret: str,
    *,
    client: AuthenticatedClient | Client,
    body: UseLaunchLinkBody | Unset = UNSET,
) -> Response[Any | str]:
    """Use a launch link

     Takes one use of the link (atomically: of many parallel POSTs on a single-use link exactly one
    succeeds), mints a fresh token at that moment and delivers it by the profile's mode: an HTML page
    that form-POSTs the token as `payload` to the relying party (`form`), or a `303` redirect to the
    relying party's URL (`exchange`, `query`). If delivery fails the use is given back.

    Only the link's own page may use it (login CSRF): the POST must come from the broker's origin
    (`Sec-Fetch-Site: same-origin`, which browsers set and pages cannot), or carry the page's form field
    `csrf` together with the cookie the page set (HttpOnly, SameSite=Strict; `__Host-launch` on https).
    Otherwise the answer is a `403` page asking to open the link again, and the link is not used.

    Args:
        secret (str):
        body (UseLaunchLinkBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | str]
    """

    kwargs = _get_kwargs(
        secret=secret,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    secret: str,
    *,
    client: AuthenticatedClient | Client,
    body: UseLaunchLinkBody | Unset = UNSET,
) -> Any | str | None:
    """Use a launch link

     Takes one use of the link (atomically: of many parallel POSTs on a single-use link exactly one
    succeeds), mints a fresh token at that moment and delivers it by the profile's mode: an HTML page
    that form-POSTs the token as `payload` to the relying party (`form`), or a `303` redirect to the
    relying party's URL (`exchange`, `query`). If delivery fails the use is given back.

    Only the link's own page may use it (login CSRF): the POST must come from the broker's origin
    (`Sec-Fetch-Site: same-origin`, which browsers set and pages cannot), or carry the page's form field
    `csrf` together with the cookie the page set (HttpOnly, SameSite=Strict; `__Host-launch` on https).
    Otherwise the answer is a `403` page asking to open the link again, and the link is not used.

    Args:
        secret (str):
        body (UseLaunchLinkBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | str
    """

    return (
        await asyncio_detailed(
            secret=secret,
            client=client,
            body=body,
        )
    ).parsed
