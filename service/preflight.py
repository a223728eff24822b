"""Checks made once at start (gunicorn's master, the CLI): the settings, what is configured, what is risky.

Bad settings end the start with one line each, `config error: <message>`, and exit status 2: every bad
setting at once, no traceback, and under gunicorn once, not once per worker. A good start logs one line of
what is configured (never a URL with a password or a secret) and, in production, one warning for each risk
an operator should know of.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from typing import Any

from service.config import Settings, load_settings
from service.errors import ConfigError

log = logging.getLogger(__name__)

CONFIG_ERROR_EXIT_STATUS = 2


def settings_or_exit(overrides: Mapping[str, Any] | None = None, instance_path: str | None = None) -> Settings:
    """The settings, or a `config error: …` line on stderr for each problem and exit status 2."""
    try:
        return load_settings(overrides, instance_path)
    except ConfigError as error:
        print("".join(f"config error: {problem}\n" for problem in error.problems), end="", file=sys.stderr, flush=True)
        raise SystemExit(CONFIG_ERROR_EXIT_STATUS) from None


def database_kind(settings: Settings) -> str:
    return "postgresql" if settings.database_url.startswith("postgresql") else "sqlite"


def summary(settings: Settings, keysets: list[str] | None) -> tuple[dict[str, Any], list[str]]:
    """(what is configured, a warning per risk); `keysets` None when the database could not be read."""
    configured: dict[str, Any] = {
        "environment": settings.environment,
        "database": database_kind(settings),
        "redis": settings.redis_url is not None,
        "smtp": settings.smtp is not None,
        "keysets": keysets if keysets is not None else "unknown (database unreachable or not migrated)",
        "publicBaseUrl": settings.public_base_url,
        "metricsToken": settings.metrics_token is not None,
        "trustedProxies": settings.trusted_proxies,
    }
    if not settings.is_production:
        return configured, []
    warnings = []
    if settings.redis_url is None:
        warnings.append("REDIS_URL is not set: rate limits are counted per process, not across instances")
    if settings.smtp is None:
        warnings.append("SMTP_URL is not set: no emailed links (requests asking for one get 502 email_failed)")
    if settings.metrics_token is None:
        warnings.append("METRICS_TOKEN is not set: /metrics answers anyone who reaches this port")
    if database_kind(settings) == "sqlite":
        warnings.append("DATABASE_URL is SQLite: run one instance only; use PostgreSQL to run several")
    if keysets == []:
        warnings.append("no keyset: run flask --app service keysets create NAME --default")
    return configured, warnings


def _keyset_names(settings: Settings) -> tuple[list[str] | None, str | None]:
    """(the keysets' names, None), or (None, a warning) when the database cannot be read."""
    # Imported here: the rotation function and the CLI's config check need no database library.
    from sqlalchemy.exc import SQLAlchemyError

    from service.db.database import Database, make_engine, unreachable
    from service.keys.store import KeysetStore

    engine = make_engine(settings.database_url)
    try:
        return [keyset.name for keyset in KeysetStore(Database(engine)).list_keysets()], None
    except SQLAlchemyError as error:
        problem = unreachable(settings.database_url, error)
        if problem is not None:
            return None, f"database unreachable: {problem}"
        return None, "database not readable: is it migrated? (flask --app service db upgrade)"
    finally:
        engine.dispose()


def log_start(settings: Settings) -> None:
    """One line of what is configured, then one warning per risk (an unreachable database in any environment)."""
    from service.logs import configure_logging

    configure_logging(settings.log_level)
    keysets, database_problem = _keyset_names(settings)
    configured, warnings = summary(settings, keysets)
    log.info("broker configured", extra=configured)
    if settings.secrets_endpoint_url:
        # Here, once per start (gunicorn's master), not in every worker and CLI command.
        log.warning(
            "Secrets Manager endpoint overridden (emulator or VPC endpoint)",
            extra={"endpoint": settings.secrets_endpoint_url},
        )
    if database_problem:
        log.warning(database_problem)
    for warning in warnings:
        log.warning(warning)
