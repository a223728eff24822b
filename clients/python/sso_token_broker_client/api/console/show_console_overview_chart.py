from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.internal_error_problem import InternalErrorProblem
from ...models.show_console_overview_chart_chart import (
    ShowConsoleOverviewChartChart,
)
from ...types import Response


def _get_kwargs(
    chart: ShowConsoleOverviewChartChart,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/console/overview/{chart}.svg".format(
            chart=quote(str(chart), safe=""),
        ),
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
    chart: ShowConsoleOverviewChartChart,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | InternalErrorProblem | str]:
    """One of the Overview's charts, as an SVG image

     A stacked bar chart (pygal) of tokens minted (`minted`) or links used (`used`) per day for 30 days,
    titled in the browser's language; `minted-narrow` and `used-narrow` are the same drawn for a phone.
    It holds no script; its `Content-Security-Policy` allows only its own
    inline styles. Any other `chart` is a `404` page.

    Args:
        chart (ShowConsoleOverviewChartChart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        chart=chart,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    chart: ShowConsoleOverviewChartChart,
    *,
    client: AuthenticatedClient | Client,
) -> Any | InternalErrorProblem | str | None:
    """One of the Overview's charts, as an SVG image

     A stacked bar chart (pygal) of tokens minted (`minted`) or links used (`used`) per day for 30 days,
    titled in the browser's language; `minted-narrow` and `used-narrow` are the same drawn for a phone.
    It holds no script; its `Content-Security-Policy` allows only its own
    inline styles. Any other `chart` is a `404` page.

    Args:
        chart (ShowConsoleOverviewChartChart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return sync_detailed(
        chart=chart,
        client=client,
    ).parsed


async def asyncio_detailed(
    chart: ShowConsoleOverviewChartChart,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | InternalErrorProblem | str]:
    """One of the Overview's charts, as an SVG image

     A stacked bar chart (pygal) of tokens minted (`minted`) or links used (`used`) per day for 30 days,
    titled in the browser's language; `minted-narrow` and `used-narrow` are the same drawn for a phone.
    It holds no script; its `Content-Security-Policy` allows only its own
    inline styles. Any other `chart` is a `404` page.

    Args:
        chart (ShowConsoleOverviewChartChart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InternalErrorProblem | str]
    """

    kwargs = _get_kwargs(
        chart=chart,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    chart: ShowConsoleOverviewChartChart,
    *,
    client: AuthenticatedClient | Client,
) -> Any | InternalErrorProblem | str | None:
    """One of the Overview's charts, as an SVG image

     A stacked bar chart (pygal) of tokens minted (`minted`) or links used (`used`) per day for 30 days,
    titled in the browser's language; `minted-narrow` and `used-narrow` are the same drawn for a phone.
    It holds no script; its `Content-Security-Policy` allows only its own
    inline styles. Any other `chart` is a `404` page.

    Args:
        chart (ShowConsoleOverviewChartChart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InternalErrorProblem | str
    """

    return (
        await asyncio_detailed(
            chart=chart,
            client=client,
        )
    ).parsed
