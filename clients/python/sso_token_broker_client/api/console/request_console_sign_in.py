from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.console_sign_in_form import ConsoleSignInForm
from ...models.internal_error_problem import InternalErrorProblem
from ...types import Response


def _get_kwargs(
    *,
    body: ConsoleSignInForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/console/sign-in",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InternalErrorProblem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = response.text
        return response_400

    if response.status_code == 422:
        response_422 = response.text
        return response_422

    if response.status_code == 429:
        response_429 = response.text
        return response_429

    if response.status_code == 500:
        response_500 = InternalErrorProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = response.text
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[InternalErrorProblem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSignInForm,
) -> Response[InternalErrorProblem | str]:
    """Go on to the organisation's identity provider, or email a one-time sign-in link

     A form POST (`email`, `csrf_token`). Home-realm discovery: an address whose domain belongs to a
    tenant
    with an identity provider (`flask --app service console idp set`) gets a page that goes on at once
    to
    the provider's authorization endpoint (authorization code with PKCE S256, `state`, `nonce` and the
    address as `login_hint`; a page rather than a `303`, as the sign-in page's CSP `form-action 'self'`
    governs its POST's redirects too). `503` if that provider does not answer, its discovery document
    names an address the broker will not call (the webhook URL policy: https, in production no internal
    address), or its client secret is not where its settings say. Any other address gets the same page
    whether or not it is a console user's; a
    user's address is mailed a link that works once, for 15 minutes. Rate-limited per address and per
    client address (`429`).

    Args:
        body (ConsoleSignInForm): The console's sign-in form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InternalErrorProblem | str]
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
    body: ConsoleSignInForm,
) -> InternalErrorProblem | str | None:
    """Go on to the organisation's identity provider, or email a one-time sign-in link

     A form POST (`email`, `csrf_token`). Home-realm discovery: an address whose domain belongs to a
    tenant
    with an identity provider (`flask --app service console idp set`) gets a page that goes on at once
    to
    the provider's authorization endpoint (authorization code with PKCE S256, `state`, `nonce` and the
    address as `login_hint`; a page rather than a `303`, as the sign-in page's CSP `form-action 'self'`
    governs its POST's redirects too). `503` if that provider does not answer, its discovery document
    names an address the broker will not call (the webhook URL policy: https, in production no internal
    address), or its client secret is not where its settings say. Any other address gets the same page
    whether or not it is a console user's; a
    user's address is mailed a link that works once, for 15 minutes. Rate-limited per address and per
    client address (`429`).

    Args:
        body (ConsoleSignInForm): The console's sign-in form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InternalErrorProblem | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSignInForm,
) -> Response[InternalErrorProblem | str]:
    """Go on to the organisation's identity provider, or email a one-time sign-in link

     A form POST (`email`, `csrf_token`). Home-realm discovery: an address whose domain belongs to a
    tenant
    with an identity provider (`flask --app service console idp set`) gets a page that goes on at once
    to
    the provider's authorization endpoint (authorization code with PKCE S256, `state`, `nonce` and the
    address as `login_hint`; a page rather than a `303`, as the sign-in page's CSP `form-action 'self'`
    governs its POST's redirects too). `503` if that provider does not answer, its discovery document
    names an address the broker will not call (the webhook URL policy: https, in production no internal
    address), or its client secret is not where its settings say. Any other address gets the same page
    whether or not it is a console user's; a
    user's address is mailed a link that works once, for 15 minutes. Rate-limited per address and per
    client address (`429`).

    Args:
        body (ConsoleSignInForm): The console's sign-in form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSignInForm,
) -> InternalErrorProblem | str | None:
    """Go on to the organisation's identity provider, or email a one-time sign-in link

     A form POST (`email`, `csrf_token`). Home-realm discovery: an address whose domain belongs to a
    tenant
    with an identity provider (`flask --app service console idp set`) gets a page that goes on at once
    to
    the provider's authorization endpoint (authorization code with PKCE S256, `state`, `nonce` and the
    address as `login_hint`; a page rather than a `303`, as the sign-in page's CSP `form-action 'self'`
    governs its POST's redirects too). `503` if that provider does not answer, its discovery document
    names an address the broker will not call (the webhook URL policy: https, in production no internal
    address), or its client secret is not where its settings say. Any other address gets the same page
    whether or not it is a console user's; a
    user's address is mailed a link that works once, for 15 minutes. Rate-limited per address and per
    client address (`429`).

    Args:
        body (ConsoleSignInForm): The console's sign-in form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
