"""The application factory: `create_app` builds the broker from its settings and wires every feature in."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from flask import Flask

from service import cli, health, locales, logs, metrics
from service.apikeys import admission
from service.apikeys import views as apikeys_views
from service.config import load_settings
from service.console import api_key_pages as console_api_key_pages
from service.console import audit_pages as console_audit_pages
from service.console import inbox_pages as console_inbox_pages
from service.console import inspector_pages as console_inspector_pages
from service.console import key_pages as console_key_pages
from service.console import link_pages as console_link_pages
from service.console import overview_pages as console_overview_pages
from service.console import pages as console_pages
from service.console import profile_pages as console_profile_pages
from service.console import send_pages as console_send_pages
from service.console import user_pages as console_user_pages
from service.console import web as console_web
from service.console import webhook_pages as console_webhook_pages
from service.docs import guides
from service.docs import views as docs_views
from service.keys import views as keys_views
from service.keys.secrets_manager import make_client
from service.links import pages as link_pages
from service.links import views as links_views
from service.problems import views as problems_views
from service.testmode import views as testmode_views
from service.tokens import views as tokens_views
from service.web import contract, problems, proxies
from service.webhooks import views as webhooks_views
from service.wiring import EXTENSION_KEY, build_services

__all__ = ["create_app"]


def create_app(
    config: Mapping[str, Any] | None = None,
    *,
    secrets_client: Any = None,
    clock: Callable[[], float] | None = None,
    log_stream: TextIO | None = None,
) -> Flask:
    """Build the broker. `config` overrides environment variables (tests); a fake client may be injected.

    Logs go to stdout, or to `log_stream` (the CLI's stderr, service/__init__.py)."""
    # "service", not __name__: the instance folder stays beside the package (instance/ at the project root).
    app = Flask("service", instance_relative_config=True)
    settings = load_settings(config, instance_path=app.instance_path)
    logs.configure_logging(settings.log_level, log_stream)
    if settings.database_url.startswith("sqlite"):
        # The embedded default database lives in the instance folder.
        os.makedirs(app.instance_path, exist_ok=True)

    app.config.update(MAX_CONTENT_LENGTH=settings.max_body_bytes)
    proxies.install(app, settings)
    app.json.sort_keys = False  # type: ignore[attr-defined]  # responses keep the documented field order
    client = secrets_client if secrets_client is not None else make_client(settings)
    metrics.instrument_secrets_client(client)
    app.extensions[EXTENSION_KEY] = build_services(
        settings,
        secrets_client=client,
        clock=clock or time.time,
    )

    locales.install(app.jinja_env)
    logs.init_app(app)
    admission.init_app(app)
    problems.register_error_handlers(app)
    app.register_blueprint(tokens_views.bp)
    app.register_blueprint(keys_views.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(contract.bp)
    app.register_blueprint(link_pages.bp)
    app.register_blueprint(links_views.bp)
    app.register_blueprint(apikeys_views.bp)
    app.register_blueprint(docs_views.bp)
    app.register_blueprint(guides.bp)
    app.register_blueprint(problems_views.bp)
    app.register_blueprint(testmode_views.bp)
    app.register_blueprint(webhooks_views.bp)
    # The console's pages (sign-in, home, links) are one blueprint, with its CSRF cookie's settings.
    for module in (
        console_link_pages,
        console_api_key_pages,
        console_user_pages,
        console_profile_pages,
        console_key_pages,
        console_webhook_pages,
        console_inspector_pages,
        console_inbox_pages,
        console_send_pages,
        console_overview_pages,
        console_audit_pages,
    ):
        assert module.bp is console_pages.bp
    console_web.init_app(app)
    webhook_store = app.extensions[EXTENSION_KEY].stores.webhooks
    metrics.init_app(app, settings.metrics_token, before_scrape=lambda: metrics.observe_webhook_backlog(webhook_store))
    cli.register(app)
    return app
