from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.renew_launch_link_body import RenewLaunchLinkBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    secret: str,
    *,
    body: RenewLaunchLinkBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/l/{secret}/renew".format(
            secret=quote(str(secret), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 403:
        response_403 = response.text
        return response_403

    if response.status_code == 409:
        response_409 = response.text
        return response_409

    if response.status_code == 429:
        response_429 = response.text
        return response_429

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
    body: RenewLaunchLinkBody | Unset = UNSET,
) -> Response[str]:
    """Email me a new link (renewal by the member)

     The **Email me a new link** button of an expired emailed link's page. It mails a new link with the
    same
    payload and lifetime to the address the first mail went to (sealed with the old link; never to Bcc
    copies or anywhere else), and answers a page showing that address masked. Each link is renewed once,
    a chain at most the profile's `link-renewals` times (default 1); used and revoked links never. Like
    `POST /l/{secret}`, only the link's own page may ask (`Sec-Fetch-Site: same-origin`, or its `csrf`
    form field with its cookie). Limited per link (`RENEWAL_LINK_LIMIT`) and per client address when the
    broker knows it (`RENEWAL_LIMIT`; not behind a proxy it does not trust), audited as `link.renewed`,
    and
    a `renewed` event on both links.

    Args:
        secret (str):
        body (RenewLaunchLinkBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
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
    body: RenewLaunchLinkBody | Unset = UNSET,
) -> str | None:
    """Email me a new link (renewal by the member)

     The **Email me a new link** button of an expired emailed link's page. It mails a new link with the
    same
    payload and lifetime to the address the first mail went to (sealed with the old link; never to Bcc
    copies or anywhere else), and answers a page showing that address masked. Each link is renewed once,
    a chain at most the profile's `link-renewals` times (default 1); used and revoked links never. Like
    `POST /l/{secret}`, only the link's own page may ask (`Sec-Fetch-Site: same-origin`, or its `csrf`
    form field with its cookie). Limited per link (`RENEWAL_LINK_LIMIT`) and per client address when the
    broker knows it (`RENEWAL_LIMIT`; not behind a proxy it does not trust), audited as `link.renewed`,
    and
    a `renewed` event on both links.

    Args:
        secret (str):
        body (RenewLaunchLinkBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
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
    body: RenewLaunchLinkBody | Unset = UNSET,
) -> Response[str]:
    """Email me a new link (renewal by the member)

     The **Email me a new link** button of an expired emailed link's page. It mails a new link with the
    same
    payload and lifetime to the address the first mail went to (sealed with the old link; never to Bcc
    copies or anywhere else), and answers a page showing that address masked. Each link is renewed once,
    a chain at most the profile's `link-renewals` times (default 1); used and revoked links never. Like
    `POST /l/{secret}`, only the link's own page may ask (`Sec-Fetch-Site: same-origin`, or its `csrf`
    form field with its cookie). Limited per link (`RENEWAL_LINK_LIMIT`) and per client address when the
    broker knows it (`RENEWAL_LIMIT`; not behind a proxy it does not trust), audited as `link.renewed`,
    and
    a `renewed` event on both links.

    Args:
        secret (str):
        body (RenewLaunchLinkBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
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
    body: RenewLaunchLinkBody | Unset = UNSET,
) -> str | None:
    """Email me a new link (renewal by the member)

     The **Email me a new link** button of an expired emailed link's page. It mails a new link with the
    same
    payload and lifetime to the address the first mail went to (sealed with the old link; never to Bcc
    copies or anywhere else), and answers a page showing that address masked. Each link is renewed once,
    a chain at most the profile's `link-renewals` times (default 1); used and revoked links never. Like
    `POST /l/{secret}`, only the link's own page may ask (`Sec-Fetch-Site: same-origin`, or its `csrf`
    form field with its cookie). Limited per link (`RENEWAL_LINK_LIMIT`) and per client address when the
    broker knows it (`RENEWAL_LIMIT`; not behind a proxy it does not trust), audited as `link.renewed`,
    and
    a `renewed` event on both links.

    Args:
        secret (str):
        body (RenewLaunchLinkBody | Unset):

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
            body=body,
        )
    ).parsed
