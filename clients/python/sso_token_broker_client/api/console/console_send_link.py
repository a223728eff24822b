from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.console_send_form import ConsoleSendForm
from ...models.internal_error_problem import InternalErrorProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ConsoleSendForm,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["profile"] = profile

    params["replaces"] = replaces

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/console/send",
        "params": params,
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

    if response.status_code == 409:
        response_409 = response.text
        return response_409

    if response.status_code == 413:
        response_413 = response.text
        return response_413

    if response.status_code == 422:
        response_422 = response.text
        return response_422

    if response.status_code == 429:
        response_429 = response.text
        return response_429

    if response.status_code == 500:
        response_500 = InternalErrorProblem.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = response.text
        return response_502

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
    body: ConsoleSendForm,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """Make and deliver a launch link from the console

     The form becomes a generateJWT request handed to the same service `POST /api/v1/generateJWT` uses,
    as
    a caller made for the console user (its audit row names the user's id, `cu_…`): every rule, the
    webhook event and the email are the API's. Its validation errors come back on the form's fields
    (`422`). The answer page names the masked recipient, or shows the QR code (an inline SVG) and the
    link
    in a read-only field; the link is never put in a URL. A second press of the same form gives the
    first
    answer again (no second mail). With `replaces`, a link already replaced gets a `409` page naming the
    newest link of its chain. Audited as `console.link.sent` with the console user's id.

    Args:
        profile (str | Unset):
        replaces (str | Unset):
        body (ConsoleSendForm): The Send form: its CSRF token and attempt (a random value per form
            shown), the link's expiry (minutes:
            15, 60, 2880), locale, delivery (`email` with `to`, or `qr`), and the payload's fields by
            kind:
            `organization_id`, `organization_name`, `employee_*` (ExorLive Main), `contact_*`; generic
            profiles
            `key_1`…`key_5` with `value_1`…`value_5`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        body=body,
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
    body: ConsoleSendForm,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """Make and deliver a launch link from the console

     The form becomes a generateJWT request handed to the same service `POST /api/v1/generateJWT` uses,
    as
    a caller made for the console user (its audit row names the user's id, `cu_…`): every rule, the
    webhook event and the email are the API's. Its validation errors come back on the form's fields
    (`422`). The answer page names the masked recipient, or shows the QR code (an inline SVG) and the
    link
    in a read-only field; the link is never put in a URL. A second press of the same form gives the
    first
    answer again (no second mail). With `replaces`, a link already replaced gets a `409` page naming the
    newest link of its chain. Audited as `console.link.sent` with the console user's id.

    Args:
        profile (str | Unset):
        replaces (str | Unset):
        body (ConsoleSendForm): The Send form: its CSRF token and attempt (a random value per form
            shown), the link's expiry (minutes:
            15, 60, 2880), locale, delivery (`email` with `to`, or `qr`), and the payload's fields by
            kind:
            `organization_id`, `organization_name`, `employee_*` (ExorLive Main), `contact_*`; generic
            profiles
            `key_1`…`key_5` with `value_1`…`value_5`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        client=client,
        body=body,
        profile=profile,
        replaces=replaces,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSendForm,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """Make and deliver a launch link from the console

     The form becomes a generateJWT request handed to the same service `POST /api/v1/generateJWT` uses,
    as
    a caller made for the console user (its audit row names the user's id, `cu_…`): every rule, the
    webhook event and the email are the API's. Its validation errors come back on the form's fields
    (`422`). The answer page names the masked recipient, or shows the QR code (an inline SVG) and the
    link
    in a read-only field; the link is never put in a URL. A second press of the same form gives the
    first
    answer again (no second mail). With `replaces`, a link already replaced gets a `409` page naming the
    newest link of its chain. Audited as `console.link.sent` with the console user's id.

    Args:
        profile (str | Unset):
        replaces (str | Unset):
        body (ConsoleSendForm): The Send form: its CSRF token and attempt (a random value per form
            shown), the link's expiry (minutes:
            15, 60, 2880), locale, delivery (`email` with `to`, or `qr`), and the payload's fields by
            kind:
            `organization_id`, `organization_name`, `employee_*` (ExorLive Main), `contact_*`; generic
            profiles
            `key_1`…`key_5` with `value_1`…`value_5`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        body=body,
        profile=profile,
        replaces=replaces,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSendForm,
    profile: str | Unset = UNSET,
    replaces: str | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """Make and deliver a launch link from the console

     The form becomes a generateJWT request handed to the same service `POST /api/v1/generateJWT` uses,
    as
    a caller made for the console user (its audit row names the user's id, `cu_…`): every rule, the
    webhook event and the email are the API's. Its validation errors come back on the form's fields
    (`422`). The answer page names the masked recipient, or shows the QR code (an inline SVG) and the
    link
    in a read-only field; the link is never put in a URL. A second press of the same form gives the
    first
    answer again (no second mail). With `replaces`, a link already replaced gets a `409` page naming the
    newest link of its chain. Audited as `console.link.sent` with the console user's id.

    Args:
        profile (str | Unset):
        replaces (str | Unset):
        body (ConsoleSendForm): The Send form: its CSRF token and attempt (a random value per form
            shown), the link's expiry (minutes:
            15, 60, 2880), locale, delivery (`email` with `to`, or `qr`), and the payload's fields by
            kind:
            `organization_id`, `organization_name`, `employee_*` (ExorLive Main), `contact_*`; generic
            profiles
            `key_1`…`key_5` with `value_1`…`value_5`.

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
            profile=profile,
            replaces=replaces,
        )
    ).parsed
