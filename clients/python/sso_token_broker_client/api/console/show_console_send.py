from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["profile"] = profile

    params["replaces"] = replaces

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/console/send",
        "params": params,
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

    if response.status_code == 403:
        response_403 = response.text
        return response_403

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
    *,
    client: AuthenticatedClient | Client,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """Send a link, in the console

     For admins and owners (a viewer gets a `403` page). Without `profile`, the account's profiles to
    pick
    from; with it, the form of the profile's payload kind (ExorLive Main: organisation, instructor,
    patient;
    ExorLive Go: organisation, member; generic: name/value rows), the expiry in words, the locale, and
    the
    delivery: by email, or a QR code with the link to copy.

    Args:
        profile (str | Unset):
        replaces (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        profile=profile,
        replaces=replaces,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """Send a link, in the console

     For admins and owners (a viewer gets a `403` page). Without `profile`, the account's profiles to
    pick
    from; with it, the form of the profile's payload kind (ExorLive Main: organisation, instructor,
    patient;
    ExorLive Go: organisation, member; generic: name/value rows), the expiry in words, the locale, and
    the
    delivery: by email, or a QR code with the link to copy.

    Args:
        profile (str | Unset):
        replaces (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        client=client,
        profile=profile,
        replaces=replaces,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """Send a link, in the console

     For admins and owners (a viewer gets a `403` page). Without `profile`, the account's profiles to
    pick
    from; with it, the form of the profile's payload kind (ExorLive Main: organisation, instructor,
    patient;
    ExorLive Go: organisation, member; generic: name/value rows), the expiry in words, the locale, and
    the
    delivery: by email, or a QR code with the link to copy.

    Args:
        profile (str | Unset):
        replaces (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        profile=profile,
        replaces=replaces,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """Send a link, in the console

     For admins and owners (a viewer gets a `403` page). Without `profile`, the account's profiles to
    pick
    from; with it, the form of the profile's payload kind (ExorLive Main: organisation, instructor,
    patient;
    ExorLive Go: organisation, member; generic: name/value rows), the expiry in words, the locale, and
    the
    delivery: by email, or a QR code with the link to copy.

    Args:
        profile (str | Unset):
        replaces (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            profile=profile,
            replaces=replaces,
        )
    ).parsed
