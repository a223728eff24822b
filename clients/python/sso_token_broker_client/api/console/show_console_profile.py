from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...types import Response


def _get_kwargs(
    name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/console/profiles/{name}".format(
            name=quote(str(name), safe=""),
        ),
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

    if response.status_code == 404:
        response_404 = response.text
        return response_404

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
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | InternalErrorProblem | str]:
    """One profile's settings and integration snippets, in the console

     The profile's settings (mode, iss, aud, origins, display name, locale, time zone, renewals), read-
    only,
    and code that calls generateJWT with its profile key: curl, JavaScript `fetch` on a server, Python,
    the Bubble API Connector's fields, and Swift and Kotlin for opening the answer's `url`. The API key
    is
    never shown: the snippets read it from the `BROKER_API_KEY` environment variable. Another account's
    profile is a `404` page.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | InternalErrorProblem | str | None:
    """One profile's settings and integration snippets, in the console

     The profile's settings (mode, iss, aud, origins, display name, locale, time zone, renewals), read-
    only,
    and code that calls generateJWT with its profile key: curl, JavaScript `fetch` on a server, Python,
    the Bubble API Connector's fields, and Swift and Kotlin for opening the answer's `url`. The API key
    is
    never shown: the snippets read it from the `BROKER_API_KEY` environment variable. Another account's
    profile is a `404` page.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        name=name,
        client=client,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | InternalErrorProblem | str]:
    """One profile's settings and integration snippets, in the console

     The profile's settings (mode, iss, aud, origins, display name, locale, time zone, renewals), read-
    only,
    and code that calls generateJWT with its profile key: curl, JavaScript `fetch` on a server, Python,
    the Bubble API Connector's fields, and Swift and Kotlin for opening the answer's `url`. The API key
    is
    never shown: the snippets read it from the `BROKER_API_KEY` environment variable. Another account's
    profile is a `404` page.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | InternalErrorProblem | str | None:
    """One profile's settings and integration snippets, in the console

     The profile's settings (mode, iss, aud, origins, display name, locale, time zone, renewals), read-
    only,
    and code that calls generateJWT with its profile key: curl, JavaScript `fetch` on a server, Python,
    the Bubble API Connector's fields, and Swift and Kotlin for opening the answer's `url`. The API key
    is
    never shown: the snippets read it from the `BROKER_API_KEY` environment variable. Another account's
    profile is a `404` page.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
        )
    ).parsed
