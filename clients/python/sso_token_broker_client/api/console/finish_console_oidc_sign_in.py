from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    code: str | Unset = UNSET,
    state: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["code"] = code

    params["state"] = state

    params["error"] = error

    params["error_description"] = error_description

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/console/sign-in/oidc/callback",
        "params": params,
    }

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
    code: str | Unset = UNSET,
    state: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """Come back from the organisation's identity provider (OpenID Connect)

     The `redirectUri` registered at the provider. The `state` must be one this browser was given (once;
    it
    is kept with the nonce and the PKCE verifier in the console's signed CSRF cookie); the `code` is
    exchanged with the verifier; the ID token's signature (the provider's JWKS), `iss`, `aud`, `exp` and
    `nonce` are checked; its `email` must be verified (`email_verified: true`) and in one of the
    tenant's
    allowed domains. Then the console user with that address (made on first sign-in with the tenant's
    default role; an existing user keeps theirs) is signed in with a new session id (any session the
    browser brought ends) and `303` to `/console`. Otherwise a page and no session: `400` (unknown or
    used
    state, no or bad code), `403` (the provider said `error=...`, the ID token failed a check, the
    address
    is not verified or not in an allowed domain), `503` (the provider does not answer). Sent with
    `Referrer-Policy: no-referrer`.

    Args:
        code (str | Unset):
        state (str | Unset):
        error (str | Unset):
        error_description (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        code=code,
        state=state,
        error=error,
        error_description=error_description,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    code: str | Unset = UNSET,
    state: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """Come back from the organisation's identity provider (OpenID Connect)

     The `redirectUri` registered at the provider. The `state` must be one this browser was given (once;
    it
    is kept with the nonce and the PKCE verifier in the console's signed CSRF cookie); the `code` is
    exchanged with the verifier; the ID token's signature (the provider's JWKS), `iss`, `aud`, `exp` and
    `nonce` are checked; its `email` must be verified (`email_verified: true`) and in one of the
    tenant's
    allowed domains. Then the console user with that address (made on first sign-in with the tenant's
    default role; an existing user keeps theirs) is signed in with a new session id (any session the
    browser brought ends) and `303` to `/console`. Otherwise a page and no session: `400` (unknown or
    used
    state, no or bad code), `403` (the provider said `error=...`, the ID token failed a check, the
    address
    is not verified or not in an allowed domain), `503` (the provider does not answer). Sent with
    `Referrer-Policy: no-referrer`.

    Args:
        code (str | Unset):
        state (str | Unset):
        error (str | Unset):
        error_description (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        client=client,
        code=code,
        state=state,
        error=error,
        error_description=error_description,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    code: str | Unset = UNSET,
    state: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """Come back from the organisation's identity provider (OpenID Connect)

     The `redirectUri` registered at the provider. The `state` must be one this browser was given (once;
    it
    is kept with the nonce and the PKCE verifier in the console's signed CSRF cookie); the `code` is
    exchanged with the verifier; the ID token's signature (the provider's JWKS), `iss`, `aud`, `exp` and
    `nonce` are checked; its `email` must be verified (`email_verified: true`) and in one of the
    tenant's
    allowed domains. Then the console user with that address (made on first sign-in with the tenant's
    default role; an existing user keeps theirs) is signed in with a new session id (any session the
    browser brought ends) and `303` to `/console`. Otherwise a page and no session: `400` (unknown or
    used
    state, no or bad code), `403` (the provider said `error=...`, the ID token failed a check, the
    address
    is not verified or not in an allowed domain), `503` (the provider does not answer). Sent with
    `Referrer-Policy: no-referrer`.

    Args:
        code (str | Unset):
        state (str | Unset):
        error (str | Unset):
        error_description (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        code=code,
        state=state,
        error=error,
        error_description=error_description,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    code: str | Unset = UNSET,
    state: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """Come back from the organisation's identity provider (OpenID Connect)

     The `redirectUri` registered at the provider. The `state` must be one this browser was given (once;
    it
    is kept with the nonce and the PKCE verifier in the console's signed CSRF cookie); the `code` is
    exchanged with the verifier; the ID token's signature (the provider's JWKS), `iss`, `aud`, `exp` and
    `nonce` are checked; its `email` must be verified (`email_verified: true`) and in one of the
    tenant's
    allowed domains. Then the console user with that address (made on first sign-in with the tenant's
    default role; an existing user keeps theirs) is signed in with a new session id (any session the
    browser brought ends) and `303` to `/console`. Otherwise a page and no session: `400` (unknown or
    used
    state, no or bad code), `403` (the provider said `error=...`, the ID token failed a check, the
    address
    is not verified or not in an allowed domain), `503` (the provider does not answer). Sent with
    `Referrer-Policy: no-referrer`.

    Args:
        code (str | Unset):
        state (str | Unset):
        error (str | Unset):
        error_description (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            code=code,
            state=state,
            error=error,
            error_description=error_description,
        )
    ).parsed
