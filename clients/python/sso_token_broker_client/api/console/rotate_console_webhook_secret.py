from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.console_csrf_form import ConsoleCsrfForm
from ...models.internal_error_problem import InternalErrorProblem
from ...types import Response


def _get_kwargs(
    endpoint_id: str,
    *,
    body: ConsoleCsrfForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/console/webhooks/{endpoint_id}/rotate-secret".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
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
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleCsrfForm,
) -> Response[Any | InternalErrorProblem | str]:
    """Make a new signing secret for a webhook endpoint, from the console

     Admins and owners make a new secret (as `POST /api/v1/webhooks/{id}/rotate-secret` does; the old one
    signs alongside it for a while). The answer is the endpoint's page with the new secret, the only
    time
    it is shown; it is in no log, audit row or address. A viewer gets a `403` page and nothing changes.
    Audited with the console user's id.

    Args:
        endpoint_id (str):
        body (ConsoleCsrfForm): A console form with only its CSRF token (from the page the form is
            on).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleCsrfForm,
) -> Any | InternalErrorProblem | str | None:
    """Make a new signing secret for a webhook endpoint, from the console

     Admins and owners make a new secret (as `POST /api/v1/webhooks/{id}/rotate-secret` does; the old one
    signs alongside it for a while). The answer is the endpoint's page with the new secret, the only
    time
    it is shown; it is in no log, audit row or address. A viewer gets a `403` page and nothing changes.
    Audited with the console user's id.

    Args:
        endpoint_id (str):
        body (ConsoleCsrfForm): A console form with only its CSRF token (from the page the form is
            on).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleCsrfForm,
) -> Response[Any | InternalErrorProblem | str]:
    """Make a new signing secret for a webhook endpoint, from the console

     Admins and owners make a new secret (as `POST /api/v1/webhooks/{id}/rotate-secret` does; the old one
    signs alongside it for a while). The answer is the endpoint's page with the new secret, the only
    time
    it is shown; it is in no log, audit row or address. A viewer gets a `403` page and nothing changes.
    Audited with the console user's id.

    Args:
        endpoint_id (str):
        body (ConsoleCsrfForm): A console form with only its CSRF token (from the page the form is
            on).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleCsrfForm,
) -> Any | InternalErrorProblem | str | None:
    """Make a new signing secret for a webhook endpoint, from the console

     Admins and owners make a new secret (as `POST /api/v1/webhooks/{id}/rotate-secret` does; the old one
    signs alongside it for a while). The answer is the endpoint's page with the new secret, the only
    time
    it is shown; it is in no log, audit row or address. A viewer gets a `403` page and nothing changes.
    Audited with the console user's id.

    Args:
        endpoint_id (str):
        body (ConsoleCsrfForm): A console form with only its CSRF token (from the page the form is
            on).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            body=body,
        )
    ).parsed
