import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...models.show_console_audit_action import ShowConsoleAuditAction
from ...models.show_console_audit_outcome import ShowConsoleAuditOutcome
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    action: ShowConsoleAuditAction | Unset = UNSET,
    outcome: ShowConsoleAuditOutcome | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    before: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_action: str | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = action

    params["action"] = json_action

    json_outcome: str | Unset = UNSET
    if not isinstance(outcome, Unset):
        json_outcome = outcome

    params["outcome"] = json_outcome

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/console/audit",
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

    if response.status_code == 400:
        response_400 = response.text
        return response_400

    if response.status_code == 403:
        response_403 = response.text
        return response_403

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
    action: ShowConsoleAuditAction | Unset = UNSET,
    outcome: ShowConsoleAuditOutcome | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """The account's audit trail, in the console

     The account's audit events, newest first, 50 a page: when, action, outcome, profile, who (the API
    key's
    prefix or the console user's id) and the link's id; never personal data. Owners and admins only (a
    viewer
    gets a `403` page). `before` is the id of the last row of the page before (the "Older events" link);
    `from` and `to` are days in the account's time zone, both included. A filter that cannot be used
    (a date that is no date or outside 2000–2100, `to` before `from`, an unknown action or outcome, a
    cursor
    that is no positive 32-bit number) gets a `400` page saying so.

    Args:
        action (ShowConsoleAuditAction | Unset):
        outcome (ShowConsoleAuditOutcome | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        action=action,
        outcome=outcome,
        from_=from_,
        to=to,
        before=before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    action: ShowConsoleAuditAction | Unset = UNSET,
    outcome: ShowConsoleAuditOutcome | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """The account's audit trail, in the console

     The account's audit events, newest first, 50 a page: when, action, outcome, profile, who (the API
    key's
    prefix or the console user's id) and the link's id; never personal data. Owners and admins only (a
    viewer
    gets a `403` page). `before` is the id of the last row of the page before (the "Older events" link);
    `from` and `to` are days in the account's time zone, both included. A filter that cannot be used
    (a date that is no date or outside 2000–2100, `to` before `from`, an unknown action or outcome, a
    cursor
    that is no positive 32-bit number) gets a `400` page saying so.

    Args:
        action (ShowConsoleAuditAction | Unset):
        outcome (ShowConsoleAuditOutcome | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        client=client,
        action=action,
        outcome=outcome,
        from_=from_,
        to=to,
        before=before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    action: ShowConsoleAuditAction | Unset = UNSET,
    outcome: ShowConsoleAuditOutcome | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Response[Any | InternalErrorProblem | str]:
    """The account's audit trail, in the console

     The account's audit events, newest first, 50 a page: when, action, outcome, profile, who (the API
    key's
    prefix or the console user's id) and the link's id; never personal data. Owners and admins only (a
    viewer
    gets a `403` page). `before` is the id of the last row of the page before (the "Older events" link);
    `from` and `to` are days in the account's time zone, both included. A filter that cannot be used
    (a date that is no date or outside 2000–2100, `to` before `from`, an unknown action or outcome, a
    cursor
    that is no positive 32-bit number) gets a `400` page saying so.

    Args:
        action (ShowConsoleAuditAction | Unset):
        outcome (ShowConsoleAuditOutcome | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        action=action,
        outcome=outcome,
        from_=from_,
        to=to,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    action: ShowConsoleAuditAction | Unset = UNSET,
    outcome: ShowConsoleAuditOutcome | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    before: int | Unset = UNSET,
) -> Any | InternalErrorProblem | str | None:
    """The account's audit trail, in the console

     The account's audit events, newest first, 50 a page: when, action, outcome, profile, who (the API
    key's
    prefix or the console user's id) and the link's id; never personal data. Owners and admins only (a
    viewer
    gets a `403` page). `before` is the id of the last row of the page before (the "Older events" link);
    `from` and `to` are days in the account's time zone, both included. A filter that cannot be used
    (a date that is no date or outside 2000–2100, `to` before `from`, an unknown action or outcome, a
    cursor
    that is no positive 32-bit number) gets a `400` page saying so.

    Args:
        action (ShowConsoleAuditAction | Unset):
        outcome (ShowConsoleAuditOutcome | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        before (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            action=action,
            outcome=outcome,
            from_=from_,
            to=to,
            before=before,
        )
    ).parsed
