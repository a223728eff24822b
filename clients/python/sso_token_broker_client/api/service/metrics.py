from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.unauthorized_problem import UnauthorizedProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_request_id, Unset):
        headers["X-Request-Id"] = x_request_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/metrics",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> UnauthorizedProblem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedProblem.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[UnauthorizedProblem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[UnauthorizedProblem | str]:
    """Prometheus metrics

     Every gunicorn worker's counters, histograms and gauges added up, in the Prometheus text format:
    tokens minted by profile, algorithm and outcome; request latency by route pattern; Secrets Manager
    calls and failures; the age of each cached key; launch links made, used and refused. With
    `METRICS_TOKEN` set, only to `Authorization: Bearer <METRICS_TOKEN>` (else `401 unauthorized`);
    without it, no authentication: restrict it at the network edge. Labels never hold personal data or
    secrets.

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UnauthorizedProblem | str]
    """

    kwargs = _get_kwargs(
        x_request_id=x_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> UnauthorizedProblem | str | None:
    """Prometheus metrics

     Every gunicorn worker's counters, histograms and gauges added up, in the Prometheus text format:
    tokens minted by profile, algorithm and outcome; request latency by route pattern; Secrets Manager
    calls and failures; the age of each cached key; launch links made, used and refused. With
    `METRICS_TOKEN` set, only to `Authorization: Bearer <METRICS_TOKEN>` (else `401 unauthorized`);
    without it, no authentication: restrict it at the network edge. Labels never hold personal data or
    secrets.

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UnauthorizedProblem | str
    """

    return sync_detailed(
        client=client,
        x_request_id=x_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> Response[UnauthorizedProblem | str]:
    """Prometheus metrics

     Every gunicorn worker's counters, histograms and gauges added up, in the Prometheus text format:
    tokens minted by profile, algorithm and outcome; request latency by route pattern; Secrets Manager
    calls and failures; the age of each cached key; launch links made, used and refused. With
    `METRICS_TOKEN` set, only to `Authorization: Bearer <METRICS_TOKEN>` (else `401 unauthorized`);
    without it, no authentication: restrict it at the network edge. Labels never hold personal data or
    secrets.

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UnauthorizedProblem | str]
    """

    kwargs = _get_kwargs(
        x_request_id=x_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    x_request_id: str | Unset = UNSET,
) -> UnauthorizedProblem | str | None:
    """Prometheus metrics

     Every gunicorn worker's counters, histograms and gauges added up, in the Prometheus text format:
    tokens minted by profile, algorithm and outcome; request latency by route pattern; Secrets Manager
    calls and failures; the age of each cached key; launch links made, used and refused. With
    `METRICS_TOKEN` set, only to `Authorization: Bearer <METRICS_TOKEN>` (else `401 unauthorized`);
    without it, no authentication: restrict it at the network edge. Labels never hold personal data or
    secrets.

    Args:
        x_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UnauthorizedProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            x_request_id=x_request_id,
        )
    ).parsed
