from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bad_request_problem import BadRequestProblem
from ...models.generate_conflict_problem import GenerateConflictProblem
from ...models.generate_forbidden_problem import GenerateForbiddenProblem
from ...models.generate_jwt_request import GenerateJWTRequest
from ...models.generate_jwt_response import GenerateJWTResponse
from ...models.generate_not_found_problem import GenerateNotFoundProblem
from ...models.generate_unavailable_problem import GenerateUnavailableProblem
from ...models.internal_error_problem import InternalErrorProblem
from ...models.method_not_allowed_problem import MethodNotAllowedProblem
from ...models.payload_too_large_problem import PayloadTooLargeProblem
from ...models.rate_limited_problem import RateLimitedProblem
from ...models.relying_party_error_problem import RelyingPartyErrorProblem
from ...models.unauthorized_problem import UnauthorizedProblem
from ...models.unsupported_media_type_problem import UnsupportedMediaTypeProblem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: GenerateJWTRequest,
    profile_key: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(profile_key, Unset):
        headers["Profile-Key"] = profile_key

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/generateJWT",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestProblem
    | GenerateConflictProblem
    | GenerateForbiddenProblem
    | GenerateJWTResponse
    | GenerateNotFoundProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | RelyingPartyErrorProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
    | None
):
    if response.status_code == 200:
        response_200 = GenerateJWTResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = GenerateForbiddenProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = GenerateNotFoundProblem.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = MethodNotAllowedProblem.from_dict(response.json())

        return response_405

    if response.status_code == 409:
        response_409 = GenerateConflictProblem.from_dict(response.json())

        return response_409

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

    if response.status_code == 502:
        response_502 = RelyingPartyErrorProblem.from_dict(response.json())

        return response_502

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
    | GenerateConflictProblem
    | GenerateForbiddenProblem
    | GenerateJWTResponse
    | GenerateNotFoundProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | RelyingPartyErrorProblem
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
    body: GenerateJWTRequest,
    profile_key: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[
    BadRequestProblem
    | GenerateConflictProblem
    | GenerateForbiddenProblem
    | GenerateJWTResponse
    | GenerateNotFoundProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | RelyingPartyErrorProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
]:
    """Sign a single sign-on token and get the URL to open

     Signs a JWT for the profile named by `profileKey` and returns it with a ready-to-open `url`.

    The token's header is `{alg, kid, typ: "JWT"}`. Its claims are your `payload` at the top level, plus
    `iss` and `aud` (from the profile), `iat`, `nbf` (equal to `iat`), `exp` and a random `nonce`; a
    `redirect` you send becomes a claim too. A token lives at most 5 minutes (less if the profile says
    so), whatever `expireIn` asks for; `expiresIn` in the response says how long it actually lives.

    What `url` is depends on the profile's delivery mode:

    - `query`: the relying party's URL with the token in its query string.
    - `exchange`: the broker POSTs the token to the relying party, which answers with a URL; that URL.
    - `form`: a **launch link** on the broker (`/l/…`) whose page form-POSTs a token to the relying
    party.

    When `expireIn` asks for longer than a token may live, `url` is always a launch link valid for
    `expireIn`, whatever the mode: opening it mints a fresh token at that moment. A launch link is
    single-use unless the profile allows more, and neither it nor an `exchange` URL contains the token
    or any payload value.

    The response holds a live token: it is sent with `Cache-Control: no-store`; do not log or store it.

    Args:
        profile_key (str | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (GenerateJWTRequest): The generateJWT request. `payload` is required, and a profile
            key in `profileKey` or in the
            `Profile-Key` header. Fields not listed here are refused with `422`; the Ayrshare-style
            fields
            `privateKey`, `base64` and `domain` are refused with an explanation (the broker holds the
            keys, and
            the relying party's domain is part of the profile).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestProblem | GenerateConflictProblem | GenerateForbiddenProblem | GenerateJWTResponse | GenerateNotFoundProblem | GenerateUnavailableProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | RateLimitedProblem | RelyingPartyErrorProblem | UnauthorizedProblem | UnsupportedMediaTypeProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        profile_key=profile_key,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: GenerateJWTRequest,
    profile_key: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> (
    BadRequestProblem
    | GenerateConflictProblem
    | GenerateForbiddenProblem
    | GenerateJWTResponse
    | GenerateNotFoundProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | RelyingPartyErrorProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
    | None
):
    """Sign a single sign-on token and get the URL to open

     Signs a JWT for the profile named by `profileKey` and returns it with a ready-to-open `url`.

    The token's header is `{alg, kid, typ: "JWT"}`. Its claims are your `payload` at the top level, plus
    `iss` and `aud` (from the profile), `iat`, `nbf` (equal to `iat`), `exp` and a random `nonce`; a
    `redirect` you send becomes a claim too. A token lives at most 5 minutes (less if the profile says
    so), whatever `expireIn` asks for; `expiresIn` in the response says how long it actually lives.

    What `url` is depends on the profile's delivery mode:

    - `query`: the relying party's URL with the token in its query string.
    - `exchange`: the broker POSTs the token to the relying party, which answers with a URL; that URL.
    - `form`: a **launch link** on the broker (`/l/…`) whose page form-POSTs a token to the relying
    party.

    When `expireIn` asks for longer than a token may live, `url` is always a launch link valid for
    `expireIn`, whatever the mode: opening it mints a fresh token at that moment. A launch link is
    single-use unless the profile allows more, and neither it nor an `exchange` URL contains the token
    or any payload value.

    The response holds a live token: it is sent with `Cache-Control: no-store`; do not log or store it.

    Args:
        profile_key (str | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (GenerateJWTRequest): The generateJWT request. `payload` is required, and a profile
            key in `profileKey` or in the
            `Profile-Key` header. Fields not listed here are refused with `422`; the Ayrshare-style
            fields
            `privateKey`, `base64` and `domain` are refused with an explanation (the broker holds the
            keys, and
            the relying party's domain is part of the profile).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestProblem | GenerateConflictProblem | GenerateForbiddenProblem | GenerateJWTResponse | GenerateNotFoundProblem | GenerateUnavailableProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | RateLimitedProblem | RelyingPartyErrorProblem | UnauthorizedProblem | UnsupportedMediaTypeProblem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        profile_key=profile_key,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GenerateJWTRequest,
    profile_key: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> Response[
    BadRequestProblem
    | GenerateConflictProblem
    | GenerateForbiddenProblem
    | GenerateJWTResponse
    | GenerateNotFoundProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | RelyingPartyErrorProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
]:
    """Sign a single sign-on token and get the URL to open

     Signs a JWT for the profile named by `profileKey` and returns it with a ready-to-open `url`.

    The token's header is `{alg, kid, typ: "JWT"}`. Its claims are your `payload` at the top level, plus
    `iss` and `aud` (from the profile), `iat`, `nbf` (equal to `iat`), `exp` and a random `nonce`; a
    `redirect` you send becomes a claim too. A token lives at most 5 minutes (less if the profile says
    so), whatever `expireIn` asks for; `expiresIn` in the response says how long it actually lives.

    What `url` is depends on the profile's delivery mode:

    - `query`: the relying party's URL with the token in its query string.
    - `exchange`: the broker POSTs the token to the relying party, which answers with a URL; that URL.
    - `form`: a **launch link** on the broker (`/l/…`) whose page form-POSTs a token to the relying
    party.

    When `expireIn` asks for longer than a token may live, `url` is always a launch link valid for
    `expireIn`, whatever the mode: opening it mints a fresh token at that moment. A launch link is
    single-use unless the profile allows more, and neither it nor an `exchange` URL contains the token
    or any payload value.

    The response holds a live token: it is sent with `Cache-Control: no-store`; do not log or store it.

    Args:
        profile_key (str | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (GenerateJWTRequest): The generateJWT request. `payload` is required, and a profile
            key in `profileKey` or in the
            `Profile-Key` header. Fields not listed here are refused with `422`; the Ayrshare-style
            fields
            `privateKey`, `base64` and `domain` are refused with an explanation (the broker holds the
            keys, and
            the relying party's domain is part of the profile).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestProblem | GenerateConflictProblem | GenerateForbiddenProblem | GenerateJWTResponse | GenerateNotFoundProblem | GenerateUnavailableProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | RateLimitedProblem | RelyingPartyErrorProblem | UnauthorizedProblem | UnsupportedMediaTypeProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        profile_key=profile_key,
        idempotency_key=idempotency_key,
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GenerateJWTRequest,
    profile_key: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    x_request_id: str | Unset = UNSET,
) -> (
    BadRequestProblem
    | GenerateConflictProblem
    | GenerateForbiddenProblem
    | GenerateJWTResponse
    | GenerateNotFoundProblem
    | GenerateUnavailableProblem
    | InternalErrorProblem
    | MethodNotAllowedProblem
    | PayloadTooLargeProblem
    | RateLimitedProblem
    | RelyingPartyErrorProblem
    | UnauthorizedProblem
    | UnsupportedMediaTypeProblem
    | ValidationProblem
    | None
):
    """Sign a single sign-on token and get the URL to open

     Signs a JWT for the profile named by `profileKey` and returns it with a ready-to-open `url`.

    The token's header is `{alg, kid, typ: "JWT"}`. Its claims are your `payload` at the top level, plus
    `iss` and `aud` (from the profile), `iat`, `nbf` (equal to `iat`), `exp` and a random `nonce`; a
    `redirect` you send becomes a claim too. A token lives at most 5 minutes (less if the profile says
    so), whatever `expireIn` asks for; `expiresIn` in the response says how long it actually lives.

    What `url` is depends on the profile's delivery mode:

    - `query`: the relying party's URL with the token in its query string.
    - `exchange`: the broker POSTs the token to the relying party, which answers with a URL; that URL.
    - `form`: a **launch link** on the broker (`/l/…`) whose page form-POSTs a token to the relying
    party.

    When `expireIn` asks for longer than a token may live, `url` is always a launch link valid for
    `expireIn`, whatever the mode: opening it mints a fresh token at that moment. A launch link is
    single-use unless the profile allows more, and neither it nor an `exchange` URL contains the token
    or any payload value.

    The response holds a live token: it is sent with `Cache-Control: no-store`; do not log or store it.

    Args:
        profile_key (str | Unset):
        idempotency_key (str | Unset):
        x_request_id (str | Unset):
        body (GenerateJWTRequest): The generateJWT request. `payload` is required, and a profile
            key in `profileKey` or in the
            `Profile-Key` header. Fields not listed here are refused with `422`; the Ayrshare-style
            fields
            `privateKey`, `base64` and `domain` are refused with an explanation (the broker holds the
            keys, and
            the relying party's domain is part of the profile).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestProblem | GenerateConflictProblem | GenerateForbiddenProblem | GenerateJWTResponse | GenerateNotFoundProblem | GenerateUnavailableProblem | InternalErrorProblem | MethodNotAllowedProblem | PayloadTooLargeProblem | RateLimitedProblem | RelyingPartyErrorProblem | UnauthorizedProblem | UnsupportedMediaTypeProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            profile_key=profile_key,
            idempotency_key=idempotency_key,
            x_request_id=x_request_id,
        )
    ).parsed
