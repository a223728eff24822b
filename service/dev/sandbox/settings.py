"""The sandbox relying party's settings: read from the environment once, validated, overridable by tests."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from typing import Any

from service.errors import ConfigError

# One path segment, so the partner name cannot reshape the routes it appears in.
_PARTNER_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# A session URL is opened right after the exchange; an hour is already generous for a demo.
_MAX_SESSION_SECONDS = 3600


@dataclasses.dataclass(frozen=True)
class SandboxSettings:
    """What the sandbox agreed with the broker (iss, aud, JWKS URL) and where it is served."""

    partner: str
    jwks_url: str
    issuer: str
    audience: str
    public_url: str
    session_seconds: int
    log_level: str


def _http_url(source: Mapping[str, Any], name: str, default: str) -> str:
    value = str(source.get(name) or default)
    if not value.startswith(("http://", "https://")):
        raise ConfigError(f"{name} must be an http(s) URL, got {value!r}")
    return value


def _session_seconds(source: Mapping[str, Any]) -> int:
    raw = source.get("SANDBOX_SESSION_SECONDS", 300)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"SANDBOX_SESSION_SECONDS must be an integer, got {raw!r}") from None
    if not 1 <= value <= _MAX_SESSION_SECONDS:
        raise ConfigError(f"SANDBOX_SESSION_SECONDS must be between 1 and {_MAX_SESSION_SECONDS}, got {value}")
    return value


def load_sandbox_settings(overrides: Mapping[str, Any] | None = None) -> SandboxSettings:
    """Settings from the environment with `overrides` on top; ConfigError in production or when invalid."""
    source: dict[str, Any] = dict(os.environ)
    source.update(overrides or {})
    if source.get("BROKER_ENV") == "production":
        raise ConfigError("the sandbox relying party is for development only; it refuses BROKER_ENV=production")
    partner = str(source.get("SANDBOX_PARTNER") or "dev")
    if not _PARTNER_PATTERN.match(partner):
        raise ConfigError(f"SANDBOX_PARTNER must be letters, digits, '-' or '_', got {partner!r}")
    audience = str(source.get("SANDBOX_AUDIENCE") or "sandbox-rp")
    log_level = str(source.get("LOG_LEVEL") or "INFO").upper()
    if log_level not in _LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, got {log_level!r}")
    return SandboxSettings(
        partner=partner,
        jwks_url=_http_url(source, "SANDBOX_JWKS_URL", "http://127.0.0.1:8000/.well-known/jwks.json"),
        # iss is compared exactly (DESIGN §9), so it is taken as given, trailing slash and all.
        issuer=str(source.get("SANDBOX_ISSUER") or "http://127.0.0.1:8000"),
        audience=audience,
        public_url=_http_url(source, "SANDBOX_PUBLIC_URL", "http://127.0.0.1:8001").rstrip("/"),
        session_seconds=_session_seconds(source),
        log_level=log_level,
    )
