"""Sandbox relying party: a separate Flask app that plays ExorLive for development, demos and tests.

It verifies tokens with `service.tokens.verifier` (the relying party's rules, DESIGN §9) against the broker's
JWKS fetched over HTTP, and shows who is signed in. Development only: it warns loudly when created and
refuses to start with BROKER_ENV=production.

Its one-time sessions and its replay cache live in memory, so it must be served by ONE gunicorn worker
(threads are fine): `gunicorn --workers 1 --threads 4 service.dev.sandbox.wsgi:app`. With more workers a
session URL opened by one worker is unknown to the others, and a token replayed to another worker
would be accepted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask

from service import logs
from service.dev.sandbox import views
from service.dev.sandbox.relying_party import RelyingParty
from service.dev.sandbox.settings import load_sandbox_settings

__all__ = ["create_sandbox_app", "relying_party"]

log = logging.getLogger(__name__)

# A JWT is at most 16 KiB (the verifier's limit); a form around it needs little more.
_MAX_BODY_BYTES = 64 * 1024


def create_sandbox_app(config: Mapping[str, Any] | None = None, *, clock: Callable[[], float] | None = None) -> Flask:
    """Build the sandbox RP. `config` overrides environment variables (tests); `clock` drives expiry."""
    settings = load_sandbox_settings(config)
    logs.configure_logging(settings.log_level)
    log.warning(
        "SANDBOX RELYING PARTY: development only; it accepts tokens for a fake ExorLive. Never run it in production.",
        extra={"partner": settings.partner, "issuer": settings.issuer, "audience": settings.audience},
    )
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=_MAX_BODY_BYTES)
    app.json.sort_keys = False  # type: ignore[attr-defined]  # responses keep the documented field order
    app.extensions[views.EXTENSION_KEY] = RelyingParty(settings, clock or time.time)
    logs.init_app(app)
    views.init_app(app)
    return app


def relying_party(app: Flask) -> RelyingParty:
    """The app's relying party (to close its JWKS session when a test is done)."""
    return app.extensions[views.EXTENSION_KEY]  # type: ignore[no-any-return]
