"""What every feature's `flask --app service` commands share: the app's services, one-line errors, JSON rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click
from flask import current_app

from service.errors import BrokerError, KeyMaterialError
from service.wiring import Services, services


def current_services() -> Services:
    """The services of the app the command runs in."""
    return services(current_app)


def friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Domain errors become a one-line CLI error instead of a traceback."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (BrokerError, KeyMaterialError) as error:
            errors = getattr(error, "errors", None)
            raise click.ClickException(f"{error} {json.dumps(errors)}" if errors else str(error)) from None

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def echo_rows(rows: list[dict[str, Any]]) -> None:
    """One JSON object a line, as the list commands print them."""
    for row in rows:
        click.echo(json.dumps(row, default=str))
