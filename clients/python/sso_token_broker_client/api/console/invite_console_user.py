from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.console_invite_form import ConsoleInviteForm
from ...models.internal_error_problem import InternalErrorProblem
from ...types import Response


def _get_kwargs(
    *,
    body: ConsoleInviteForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/console/users",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | InternalErrorProblem | str | None:
    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

    if response.status_code == 400:
        response_400 = response.text
        return response_400

    if response.status_code == 403:
        response_403 = response.text
        return response_403

    if response.status_code == 409:
        response_409 = response.text
        return response_409

    if response.status_code == 422:
        response_422 = response.text
        return response_422

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
    body: ConsoleInviteForm,
) -> Response[Any | InternalErrorProblem | str]:
    """Invite a console user (owners)

     Adds the address to the account with the role and mails it an invitation, in the language chosen,
    off
    the request thread: a one-time sign-in link that works for `CONSOLE_INVITATION_SECONDS` (7 days).
    Then
    `303` to `/console/users?done=invited`. An address the account already has is a `409` page; a bad
    address, role or language is the page again with each field's message (`422`).

    Args:
        body (ConsoleInviteForm): The console's invitation form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleInviteForm,
) -> Any | InternalErrorProblem | str | None:
    """Invite a console user (owners)

     Adds the address to the account with the role and mails it an invitation, in the language chosen,
    off
    the request thread: a one-time sign-in link that works for `CONSOLE_INVITATION_SECONDS` (7 days).
    Then
    `303` to `/console/users?done=invited`. An address the account already has is a `409` page; a bad
    address, role or language is the page again with each field's message (`422`).

    Args:
        body (ConsoleInviteForm): The console's invitation form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleInviteForm,
) -> Response[Any | InternalErrorProblem | str]:
    """Invite a console user (owners)

     Adds the address to the account with the role and mails it an invitation, in the language chosen,
    off
    the request thread: a one-time sign-in link that works for `CONSOLE_INVITATION_SECONDS` (7 days).
    Then
    `303` to `/console/users?done=invited`. An address the account already has is a `409` page; a bad
    address, role or language is the page again with each field's message (`422`).

    Args:
        body (ConsoleInviteForm): The console's invitation form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleInviteForm,
) -> Any | InternalErrorProblem | str | None:
    """Invite a console user (owners)

     Adds the address to the account with the role and mails it an invitation, in the language chosen,
    off
    the request thread: a one-time sign-in link that works for `CONSOLE_INVITATION_SECONDS` (7 days).
    Then
    `303` to `/console/users?done=invited`. An address the account already has is a `409` page; a bad
    address, role or language is the page again with each field's message (`422`).

    Args:
        body (ConsoleInviteForm): The console's invitation form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
