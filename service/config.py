"""Settings: the one place that reads the environment, validates it and fails at start."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from service.apikeys.rate_limits import normalise_rate_limit
from service.email.settings import SmtpSettings, parse_smtp_url
from service.errors import ConfigError

ENVIRONMENTS = ("development", "test", "production")

# A development-only key for hashing subject identifiers in audit rows. Production must set its own.
_DEV_SUBJECT_HASH_KEY = "dev-only-subject-hash-key-not-for-production"


@dataclasses.dataclass(frozen=True)
class Settings:
    """Typed, validated settings of one broker instance."""

    environment: str
    database_url: str
    public_base_url: str
    subject_hash_key: str
    aws_region: str
    secrets_endpoint_url: str | None
    # How long a key read from Secrets Manager is trusted before it is read again (in the background).
    secret_refresh_seconds: int
    # How long after the last successful read from Secrets Manager cached keys may still sign; after that
    # minting answers 503 while the JWKS keeps serving what it last knew.
    key_max_staleness_seconds: int
    # Bodies larger than this are refused with 413, also when sent chunked.
    max_body_bytes: int
    # A payload larger than this (as compact JSON) is refused with 422: tokens travel in URLs and forms.
    max_payload_bytes: int
    jwks_max_age_seconds: int
    # Timeout for the verifier's JWKS fetches over HTTP.
    log_level: str
    # How long an API key or profile read from the database is reused by this instance: the bound on how late
    # a revocation or a profile change takes effect on the other instances (this one forgets at once).
    lookup_cache_seconds: int = 5
    # Shared rate-limit counters for all instances (redis://…); None: each process counts on its own.
    redis_url: str | None = None
    # The rate limit of an API key without its own (as "<count>/<second|minute|hour|day>").
    default_rate_limit: str = "600/minute"
    # Where launch-link emails go out; None: the broker sends no email (requests asking for one get 502).
    smtp: SmtpSettings | None = None

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def _int(source: Mapping[str, Any], name: str, default: int, low: int, high: int) -> int:
    raw = source.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _redis_url(raw: Any) -> str | None:
    if not raw:
        return None
    if not str(raw).startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("REDIS_URL must be a redis://, rediss:// or unix:// URL")
    return str(raw)


def _rate_limit(source: Mapping[str, Any], name: str, default: str) -> str:
    raw = str(source.get(name, default))
    try:
        return normalise_rate_limit(raw)
    except ValueError as error:
        raise ConfigError(f"{name}: {error}") from None


def load_settings(overrides: Mapping[str, Any] | None = None, instance_path: str | None = None) -> Settings:
    """Build settings from the environment, with `overrides` (tests) taking precedence."""
    source: dict[str, Any] = dict(os.environ)
    source.update(overrides or {})
    environment = str(source.get("BROKER_ENV", "development"))
    if environment not in ENVIRONMENTS:
        raise ConfigError(f"BROKER_ENV must be one of {', '.join(ENVIRONMENTS)}, got {environment!r}")
    production = environment == "production"

    def required_in_production(name: str, dev_default: str) -> str:
        value = source.get(name)
        if value:
            return str(value)
        if production:
            raise ConfigError(f"{name} must be set when BROKER_ENV=production")
        return dev_default

    instance = Path(instance_path or "instance")
    database_url = required_in_production("DATABASE_URL", f"sqlite:///{(instance / 'broker.sqlite3').resolve()}")
    subject_hash_key = required_in_production("SUBJECT_HASH_KEY", _DEV_SUBJECT_HASH_KEY)
    if production and len(subject_hash_key) < 32:
        raise ConfigError("SUBJECT_HASH_KEY must be at least 32 characters")
    public_base_url = str(source.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")
    if not public_base_url.startswith(("http://", "https://")):
        raise ConfigError(f"PUBLIC_BASE_URL must be an http(s) URL, got {public_base_url!r}")
    log_level = str(source.get("LOG_LEVEL", "INFO")).upper()
    if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {log_level!r}")

    refresh = _int(source, "SECRET_REFRESH_SECONDS", 300, 1, 86_400)
    staleness = _int(source, "KEY_MAX_STALENESS_SECONDS", 3600, 1, 7 * 86_400)
    if staleness < refresh:
        raise ConfigError(
            f"KEY_MAX_STALENESS_SECONDS ({staleness}) must be at least SECRET_REFRESH_SECONDS ({refresh})"
        )
    return Settings(
        environment=environment,
        database_url=database_url,
        public_base_url=public_base_url,
        subject_hash_key=subject_hash_key,
        aws_region=str(source.get("AWS_REGION") or source.get("AWS_DEFAULT_REGION") or "eu-north-1"),
        secrets_endpoint_url=source.get("AWS_ENDPOINT_URL_SECRETS_MANAGER") or None,
        secret_refresh_seconds=refresh,
        key_max_staleness_seconds=staleness,
        max_body_bytes=_int(source, "MAX_BODY_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024),
        max_payload_bytes=_int(source, "MAX_PAYLOAD_BYTES", 8 * 1024, 256, 1024 * 1024),
        jwks_max_age_seconds=_int(source, "JWKS_MAX_AGE_SECONDS", 300, 0, 86_400),
        log_level=log_level,
        lookup_cache_seconds=_int(source, "LOOKUP_CACHE_SECONDS", 5, 0, 300),
        redis_url=_redis_url(source.get("REDIS_URL")),
        default_rate_limit=_rate_limit(source, "RATE_LIMIT", "600/minute"),
        smtp=parse_smtp_url(str(source["SMTP_URL"])) if source.get("SMTP_URL") else None,
    )
