"""SSO token broker: signs relying-party JWTs with keys held in AWS Secrets Manager."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask

from service import admission, api, api_keys_api, cli, launch, links_api, logs, meta, metrics, problems, wellknown
from service.config import load_settings
from service.secrets_manager import make_client
from service.services import EXTENSION_KEY, build_services

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(
    config: Mapping[str, Any] | None = None,
    *,
    secrets_client: Any = None,
    clock: Callable[[], float] | None = None,
) -> Flask:
    """Build the broker. `config` overrides environment variables (tests); a fake client may be injected."""
    app = Flask(__name__, instance_relative_config=True)
    settings = load_settings(config, instance_path=app.instance_path)
    logs.configure_logging(settings.log_level)
    if settings.database_url.startswith("sqlite"):
        # The embedded default database lives in the instance folder.
        os.makedirs(app.instance_path, exist_ok=True)
    if settings.secrets_endpoint_url:
        log.warning(
            "Secrets Manager endpoint overridden (emulator or VPC endpoint)",
            extra={"endpoint": settings.secrets_endpoint_url},
        )

    app.config.update(MAX_CONTENT_LENGTH=settings.max_body_bytes)
    app.json.sort_keys = False  # type: ignore[attr-defined]  # responses keep the documented field order
    client = secrets_client if secrets_client is not None else make_client(settings)
    metrics.instrument_secrets_client(client)
    app.extensions[EXTENSION_KEY] = build_services(
        settings,
        secrets_client=client,
        clock=clock or time.time,
    )

    logs.init_app(app)
    admission.init_app(app)
    problems.register_error_handlers(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(wellknown.bp)
    app.register_blueprint(meta.bp)
    app.register_blueprint(launch.bp)
    app.register_blueprint(links_api.bp)
    app.register_blueprint(api_keys_api.bp)
    app.register_blueprint(metrics.bp)
    cli.register(app)
    return app
