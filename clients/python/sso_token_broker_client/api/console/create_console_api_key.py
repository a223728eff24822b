from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.console_api_key_form import ConsoleApiKeyForm
from ...models.internal_error_problem import InternalErrorProblem
from ...types import Response


def _get_kwargs(
    *,
    body: ConsoleApiKeyForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/console/api-keys",
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

    if response.status_code == 403:
        response_403 = response.text
        return response_403

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
    body: ConsoleApiKeyForm,
) -> Response[Any | InternalErrorProblem | str]:
    """Create an API key from the console (owners)

     Creates a key as `flask --app service apikeys create` does (the same rules: known scopes, no
    administering scope on a test key, a valid rate limit), and a rate limit of at most the broker's
    `RATE_LIMIT` (a higher one is the operator's to give) and a name without control characters. The
    answer
    is the one page that shows the new
    key, once (no-store; it is in no URL, log or audit row); the audit row names the console user and
    the
    key's prefix. A form that fails a rule is the page again with each field's message (`422`).

    Args:
        body (ConsoleApiKeyForm): The console's form that creates an API key.

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
    body: ConsoleApiKeyForm,
) -> Any | InternalErrorProblem | str | None:
    """Create an API key from the console (owners)

     Creates a key as `flask --app service apikeys create` does (the same rules: known scopes, no
    administering scope on a test key, a valid rate limit), and a rate limit of at most the broker's
    `RATE_LIMIT` (a higher one is the operator's to give) and a name without control characters. The
    answer
    is the one page that shows the new
    key, once (no-store; it is in no URL, log or audit row); the audit row names the console user and
    the
    key's prefix. A form that fails a rule is the page again with each field's message (`422`).

    Args:
        body (ConsoleApiKeyForm): The console's form that creates an API key.

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
    body: ConsoleApiKeyForm,
) -> Response[Any | InternalErrorProblem | str]:
    """Create an API key from the console (owners)

     Creates a key as `flask --app service apikeys create` does (the same rules: known scopes, no
    administering scope on a test key, a valid rate limit), and a rate limit of at most the broker's
    `RATE_LIMIT` (a higher one is the operator's to give) and a name without control characters. The
    answer
    is the one page that shows the new
    key, once (no-store; it is in no URL, log or audit row); the audit row names the console user and
    the
    key's prefix. A form that fails a rule is the page again with each field's message (`422`).

    Args:
        body (ConsoleApiKeyForm): The console's form that creates an API key.

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
    body: ConsoleApiKeyForm,
) -> Any | InternalErrorProblem | str | None:
    """Create an API key from the console (owners)

     Creates a key as `flask --app service apikeys create` does (the same rules: known scopes, no
    administering scope on a test key, a valid rate limit), and a rate limit of at most the broker's
    `RATE_LIMIT` (a higher one is the operator's to give) and a name without control characters. The
    answer
    is the one page that shows the new
    key, once (no-store; it is in no URL, log or audit row); the audit row names the console user and
    the
    key's prefix. A form that fails a rule is the page again with each field's message (`422`).

    Args:
        body (ConsoleApiKeyForm): The console's form that creates an API key.

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
