from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_problem import BadRequestProblem
from ...models.generate_unavailable_problem import GenerateUnavailableProblem
from ...models.inspect_token_request import InspectTokenRequest
from ...models.internal_error_problem import InternalErrorProblem
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.payload_too_large_problem import PayloadTooLargeProblem
from ...models.profile_not_found_problem import ProfileNotFoundProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.token_inspection import TokenInspection
from ...models.unauthorized_problem import UnauthorizedProblem
from ...models.unsupported_media_type_problem import UnsupportedMediaTypeProblem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: InspectTokenRequest,
    profile_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(profile_key, Unset):
        headers["Profile-Key"] = profile_key

    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tokens/inspect",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | ProfileNotFoundProblem
    | RateLimitedProblem
    | TokenInspection
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
    | None
):
    if response.status_code == 200:
        response_200 = TokenInspection.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ProfileNotFoundProblem.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = MethodNotAllowedProblem.from_dict(response.json())

        return response_405

    if response.status_code == 413:
        response_413 = PayloadTooLargeProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = UnsupportedMediaTypeProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ValidationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = RateLimitedProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = InternalErrorProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = GenerateUnavailableProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    BadRequestProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | ProfileNotFoundProblem
    | RateLimitedProblem
    | TokenInspection
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InspectTokenRequest,
    profile_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[
    BadRequestProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | ProfileNotFoundProblem
    | RateLimitedProblem
    | TokenInspection
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
]:
    """Check a token against every relying-party rule

     Decodes a JWT and checks it against each rule a relying party applies (the broker's own rules, as in
    `verify: true`): `format`, `alg`, `typ`, `header` (no `jku`/`x5u`/`jwk`/`x5c`/`crit`), `kid` known
    in the
    JWKS, `signature`, `iss`, `aud`, `iat` (not in the future beyond the leeway), `nbf` (equal to
    `iat`), `exp`
    (not past, with the 30 s leeway), `lifetime` (`exp` at most 300 s after `iat`) and `nonce`. Each is
    `pass`, `fail` or `unchecked` with a sentence why. For "why did the relying party refuse this
    token?",
    and for partners who sign their own tokens.

    Keys: the JWKS document in `jwks` if you send one, else the published JWKS of the profile's keyset
    (with `profileKey`), else the default `/.well-known/jwks.json`. The broker never fetches a URL from
    the
    request. A key whose `kid` the token names but that cannot verify anything (another curve than
    `P-256`
    for `ES256`, an RSA modulus under 2048 bits, an `alg` or `kty` that does not fit, members that are
    not a
    public key) fails `kid` with the reason. `iss` and `aud` are checked against the profile's, or
    against
    `issuer` and `audience`.

    Any valid API key may inspect; no scope is needed. The token is never logged or stored; the answer
    holds its claims and is sent with `Cache-Control: no-store`. Send the token alone as `text/plain`
    (with `Profile-Key` as a header if you like) or as JSON.

    Args:
        profile_key (str | Unset):
        x_request_id (str | Unset):
        body (InspectTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestProblem | GenerateUnavailableProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | ProfileNotFoundProblem | RateLimitedProblem | TokenInspection | UnauthorizedProblem | UnsupportedMediaTypeProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        profile_key=profile_key,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: InspectTokenRequest,
    profile_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> (
    BadRequestProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | ProfileNotFoundProblem
    | RateLimitedProblem
    | TokenInspection
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
    | None
):
    """Check a token against every relying-party rule

     Decodes a JWT and checks it against each rule a relying party applies (the broker's own rules, as in
    `verify: true`): `format`, `alg`, `typ`, `header` (no `jku`/`x5u`/`jwk`/`x5c`/`crit`), `kid` known
    in the
    JWKS, `signature`, `iss`, `aud`, `iat` (not in the future beyond the leeway), `nbf` (equal to
    `iat`), `exp`
    (not past, with the 30 s leeway), `lifetime` (`exp` at most 300 s after `iat`) and `nonce`. Each is
    `pass`, `fail` or `unchecked` with a sentence why. For "why did the relying party refuse this
    token?",
    and for partners who sign their own tokens.

    Keys: the JWKS document in `jwks` if you send one, else the published JWKS of the profile's keyset
    (with `profileKey`), else the default `/.well-known/jwks.json`. The broker never fetches a URL from
    the
    request. A key whose `kid` the token names but that cannot verify anything (another curve than
    `P-256`
    for `ES256`, an RSA modulus under 2048 bits, an `alg` or `kty` that does not fit, members that are
    not a
    public key) fails `kid` with the reason. `iss` and `aud` are checked against the profile's, or
    against
    `issuer` and `audience`.

    Any valid API key may inspect; no scope is needed. The token is never logged or stored; the answer
    holds its claims and is sent with `Cache-Control: no-store`. Send the token alone as `text/plain`
    (with `Profile-Key` as a header if you like) or as JSON.

    Args:
        profile_key (str | Unset):
        x_request_id (str | Unset):
        body (InspectTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestProblem | GenerateUnavailableProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | ProfileNotFoundProblem | RateLimitedProblem | TokenInspection | UnauthorizedProblem | UnsupportedMediaTypeProblem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        profile_key=profile_key,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InspectTokenRequest,
    profile_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[
    BadRequestProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | ProfileNotFoundProblem
    | RateLimitedProblem
    | TokenInspection
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
]:
    """Check a token against every relying-party rule

     Decodes a JWT and checks it against each rule a relying party applies (the broker's own rules, as in
    `verify: true`): `format`, `alg`, `typ`, `header` (no `jku`/`x5u`/`jwk`/`x5c`/`crit`), `kid` known
    in the
    JWKS, `signature`, `iss`, `aud`, `iat` (not in the future beyond the leeway), `nbf` (equal to
    `iat`), `exp`
    (not past, with the 30 s leeway), `lifetime` (`exp` at most 300 s after `iat`) and `nonce`. Each is
    `pass`, `fail` or `unchecked` with a sentence why. For "why did the relying party refuse this
    token?",
    and for partners who sign their own tokens.

    Keys: the JWKS document in `jwks` if you send one, else the published JWKS of the profile's keyset
    (with `profileKey`), else the default `/.well-known/jwks.json`. The broker never fetches a URL from
    the
    request. A key whose `kid` the token names but that cannot verify anything (another curve than
    `P-256`
    for `ES256`, an RSA modulus under 2048 bits, an `alg` or `kty` that does not fit, members that are
    not a
    public key) fails `kid` with the reason. `iss` and `aud` are checked against the profile's, or
    against
    `issuer` and `audience`.

    Any valid API key may inspect; no scope is needed. The token is never logged or stored; the answer
    holds its claims and is sent with `Cache-Control: no-store`. Send the token alone as `text/plain`
    (with `Profile-Key` as a header if you like) or as JSON.

    Args:
        profile_key (str | Unset):
        x_request_id (str | Unset):
        body (InspectTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestProblem | GenerateUnavailableProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | ProfileNotFoundProblem | RateLimitedProblem | TokenInspection | UnauthorizedProblem | UnsupportedMediaTypeProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        profile_key=profile_key,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InspectTokenRequest,
    profile_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> (
    BadRequestProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | ProfileNotFoundProblem
    | RateLimitedProblem
    | TokenInspection
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
    | None
):
    """Check a token against every relying-party rule

     Decodes a JWT and checks it against each rule a relying party applies (the broker's own rules, as in
    `verify: true`): `format`, `alg`, `typ`, `header` (no `jku`/`x5u`/`jwk`/`x5c`/`crit`), `kid` known
    in the
    JWKS, `signature`, `iss`, `aud`, `iat` (not in the future beyond the leeway), `nbf` (equal to
    `iat`), `exp`
    (not past, with the 30 s leeway), `lifetime` (`exp` at most 300 s after `iat`) and `nonce`. Each is
    `pass`, `fail` or `unchecked` with a sentence why. For "why did the relying party refuse this
    token?",
    and for partners who sign their own tokens.

    Keys: the JWKS document in `jwks` if you send one, else the published JWKS of the profile's keyset
    (with `profileKey`), else the default `/.well-known/jwks.json`. The broker never fetches a URL from
    the
    request. A key whose `kid` the token names but that cannot verify anything (another curve than
    `P-256`
    for `ES256`, an RSA modulus under 2048 bits, an `alg` or `kty` that does not fit, members that are
    not a
    public key) fails `kid` with the reason. `iss` and `aud` are checked against the profile's, or
    against
    `issuer` and `audience`.

    Any valid API key may inspect; no scope is needed. The token is never logged or stored; the answer
    holds its claims and is sent with `Cache-Control: no-store`. Send the token alone as `text/plain`
    (with `Profile-Key` as a header if you like) or as JSON.

    Args:
        profile_key (str | Unset):
        x_request_id (str | Unset):
        body (InspectTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestProblem | GenerateUnavailableProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | ProfileNotFoundProblem | RateLimitedProblem | TokenInspection | UnauthorizedProblem | UnsupportedMediaTypeProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            profile_key=profile_key,
            x_request_id=x_request_id,
        )
    ).parsed
