from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...models.show_console_links_state import ShowConsoleLinksState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: ShowConsoleLinksState | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state

    params["state"] = json_state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/console/links",
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
    state: ShowConsoleLinksState | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """The account's launch links, in the console

     The newest 100 links of the signed-in user's account, each with its state, profile, masked recipient
    and expiry; `state` filters them (any other value shows all).

    Args:
        state (ShowConsoleLinksState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        state=state,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    state: ShowConsoleLinksState | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """The account's launch links, in the console

     The newest 100 links of the signed-in user's account, each with its state, profile, masked recipient
    and expiry; `state` filters them (any other value shows all).

    Args:
        state (ShowConsoleLinksState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        client=client,
        state=state,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: ShowConsoleLinksState | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """The account's launch links, in the console

     The newest 100 links of the signed-in user's account, each with its state, profile, masked recipient
    and expiry; `state` filters them (any other value shows all).

    Args:
        state (ShowConsoleLinksState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        state=state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    state: ShowConsoleLinksState | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """The account's launch links, in the console

     The newest 100 links of the signed-in user's account, each with its state, profile, masked recipient
    and expiry; `state` filters them (any other value shows all).

    Args:
        state (ShowConsoleLinksState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
        )
    ).parsed
