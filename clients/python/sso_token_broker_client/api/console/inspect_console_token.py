from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.console_inspector_form import ConsoleInspectorForm
from ...models.internal_error_problem import InternalErrorProblem
from ...types import Response


def _get_kwargs(
    *,
    body: ConsoleInspectorForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/console/inspector",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
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

    if response.status_code == 400:
        response_400 = response.text
        return response_400

    if response.status_code == 413:
        response_413 = response.text
        return response_413

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
    body: ConsoleInspectorForm,
) -> Response[Any | InternalErrorProblem | str]:
    """Inspect a token, from the console

     The token is checked as `POST /api/v1/tokens/inspect` checks it (the same function), against the
    chosen
    profile's published keys and its iss and aud, or the broker's default keys: the page lists every
    rule
    with pass, fail or not checked and its sentence. The token travels only in this body; it is not
    kept,
    logged or audited (the audit row names the console user, the profile and whether it passed). An
    empty
    or overlong token, or a profile not of the account, is a `422` page; a body over `MAX_BODY_BYTES` a
    `413` page.

    Args:
        body (ConsoleInspectorForm): The console's token inspector form.

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
    body: ConsoleInspectorForm,
) -> Any | InternalErrorProblem | str | None:
    """Inspect a token, from the console

     The token is checked as `POST /api/v1/tokens/inspect` checks it (the same function), against the
    chosen
    profile's published keys and its iss and aud, or the broker's default keys: the page lists every
    rule
    with pass, fail or not checked and its sentence. The token travels only in this body; it is not
    kept,
    logged or audited (the audit row names the console user, the profile and whether it passed). An
    empty
    or overlong token, or a profile not of the account, is a `422` page; a body over `MAX_BODY_BYTES` a
    `413` page.

    Args:
        body (ConsoleInspectorForm): The console's token inspector form.

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
    body: ConsoleInspectorForm,
) -> Response[Any | InternalErrorProblem | str]:
    """Inspect a token, from the console

     The token is checked as `POST /api/v1/tokens/inspect` checks it (the same function), against the
    chosen
    profile's published keys and its iss and aud, or the broker's default keys: the page lists every
    rule
    with pass, fail or not checked and its sentence. The token travels only in this body; it is not
    kept,
    logged or audited (the audit row names the console user, the profile and whether it passed). An
    empty
    or overlong token, or a profile not of the account, is a `422` page; a body over `MAX_BODY_BYTES` a
    `413` page.

    Args:
        body (ConsoleInspectorForm): The console's token inspector form.

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
    body: ConsoleInspectorForm,
) -> Any | InternalErrorProblem | str | None:
    """Inspect a token, from the console

     The token is checked as `POST /api/v1/tokens/inspect` checks it (the same function), against the
    chosen
    profile's published keys and its iss and aud, or the broker's default keys: the page lists every
    rule
    with pass, fail or not checked and its sentence. The token travels only in this body; it is not
    kept,
    logged or audited (the audit row names the console user, the profile and whether it passed). An
    empty
    or overlong token, or a profile not of the account, is a `422` page; a body over `MAX_BODY_BYTES` a
    `413` page.

    Args:
        body (ConsoleInspectorForm): The console's token inspector form.

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
