"""SSO token broker: signs relying-party JWTs with keys held in AWS Secrets Manager.

Importing the package is cheap: `create_app` (service.app) is loaded on first use, so the Secrets Manager
rotation function and the CLI's helpers do not pay for Flask and SQLAlchemy unless they build the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from service.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from service.app import create_app

        return create_app
    if name == "application":
        # `flask --app service …` looks for `app`, then `application`, before it calls create_app: this one
        # checks the settings first, so bad ones end the CLI with `config error:` lines and status 2, and
        # logs to stderr, so that a command's stdout is only its answer.
        import sys

        from service.app import create_app
        from service.preflight import settings_or_exit

        settings_or_exit()
        return create_app(log_stream=sys.stderr)
    raise AttributeError(f"module 'service' has no attribute {name!r}")
