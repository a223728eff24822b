"""What every feature's `flask --app service` commands share: the app's services, one-line errors, JSON rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click
from flask import current_app
from flask.cli import AppGroup, ScriptInfo
from sqlalchemy.exc import DBAPIError

from service.db.database import unreachable
from service.errors import BrokerError, KeyMaterialError
from service.wiring import Services, services

# A database the command cannot reach; a bad setting is 2 (service/preflight.py).
DATABASE_ERROR_EXIT_STATUS = 3


def current_services() -> Services:
    """The services of the app the command runs in."""
    return services(current_app)


class CommandGroup(AppGroup):
    """A feature's command group: a database its command cannot reach ends it with one line, not a traceback.

    `database error: cannot connect to host:port/db as user: why` on stderr (never the password), exit
    status 3; the release step (`db upgrade`) says it so, like a `config error:`. Other errors are unchanged.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DBAPIError as error:
            # The app as the CLI loaded it (its context may already be gone: it is the command's).
            settings = services(ctx.ensure_object(ScriptInfo).load_app()).settings
            problem = unreachable(settings.database_url, error)
            if problem is None:
                raise
            click.echo(f"database error: {problem}", err=True)
            ctx.exit(DATABASE_ERROR_EXIT_STATUS)


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
