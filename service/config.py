"""Settings: the one place that reads the environment, validates it and fails at start."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from service.apikeys.settings import rate_limit_setting
from service.console.settings import ConsoleSettings, load_console_settings
from service.email.settings import SmtpSettings, parse_smtp_url
from service.errors import ConfigError
from service.settings_values import Problems, integer
from service.webhooks.settings import WebhookSettings, load_webhook_settings

ENVIRONMENTS = ("development", "test", "production")

# Development-only secrets: for hashing subject identifiers in audit rows, and the server's own secret
# (sealing stored idempotent responses, signing launch-page forms). Production must set its own of each,
# of at least _MIN_SECRET_CHARS characters.
_DEV_SUBJECT_HASH_KEY = "dev-only-subject-hash-key-not-for-production"
_DEV_SERVER_SECRET = "dev-only-server-secret-not-for-production"  # noqa: S105 - development only, refused in production
_MIN_SECRET_CHARS = 32
# The region outside production, where keys live in the emulator (which takes any region) or in tests.
_DEV_AWS_REGION = "eu-north-1"
# Heroku, Render and others hand out postgres:// URLs; SQLAlchemy knows only postgresql:// and we ship psycopg 3.
_POSTGRES_SCHEMES = ("postgres://", "postgresql://", "postgresql+psycopg://")


@dataclasses.dataclass(frozen=True)
class Settings:
    """Typed, validated settings of one broker instance."""

    environment: str
    database_url: str
    public_base_url: str
    subject_hash_key: str
    # The broker's own secret: seals the responses kept for Idempotency-Key replays and signs the form of each
    # launch page, seals console users' addresses and keys their lookup. Changing it forgets the idempotency
    # records in flight (24 h), makes open launch pages ask to be reloaded, and ends console sign-in: console
    # users must be added again (service/console/users.py). Separate from SUBJECT_HASH_KEY, whose change re-keys
    # the audit hashes and the hashes that find emailed links by address.
    server_secret: str
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
    # A bearer token /metrics requires; None: /metrics is open (restrict it at the network edge).
    metrics_token: str | None = dataclasses.field(default=None, repr=False)
    # How many proxies in front of the broker set X-Forwarded-For/-Proto/-Host (werkzeug's ProxyFix); 0 trusts none.
    trusted_proxies: int = 0
    # Where audit rows wait when the database will not take them, and how much may wait (then rows are lost).
    audit_spool_dir: str = "instance/audit-spool"
    audit_spool_max_bytes: int = 100 * 1024 * 1024
    # How long audit rows are kept before the hourly purge removes them (docs/operations.md says why 365).
    audit_retention_days: int = 365
    # Failed API key checks allowed per client address; past it, its made-up keys are refused without a lookup.
    auth_failure_limit: str = "30/minute"
    # How long after it expired an emailed link may still be renewed by its member (its sealed address is kept).
    link_renewal_days: int = 14
    # Renewal requests allowed per link: a member asks once, and again only after a failed mail.
    renewal_link_limit: str = "5/hour"
    # Renewal requests allowed per client address, counted only when the address is the client's own (not a
    # proxy's, see service/web/proxies.py); many members can share one (a mobile operator's NAT, an office).
    renewal_limit: str = "30/hour"
    # How long a running request holds its Idempotency-Key: after it, a retry takes over the key of a request
    # that died (SIGKILL, out of memory, a timeout) holding it. Longer than any request can run (gunicorn kills
    # a worker after 30 s), so a live request is never overtaken.
    idempotency_lease_seconds: int = 60
    # Webhook deliveries: timeouts, backoff, leases, when an endpoint is disabled (service/webhooks/settings.py).
    webhooks: WebhookSettings = dataclasses.field(default_factory=WebhookSettings)
    # The partner console: session lifetimes, sign-in links and their rate limits (service/console/settings.py).
    console: ConsoleSettings = dataclasses.field(default_factory=ConsoleSettings)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def _redis_url(raw: Any) -> str | None:
    if not raw:
        return None
    if not str(raw).startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("REDIS_URL must be a redis://, rediss:// or unix:// URL")
    return str(raw)


def _database_url(source: Mapping[str, Any], production: bool, instance: Path) -> str:
    raw = str(source.get("DATABASE_URL") or "")
    if not raw:
        if production:
            raise ConfigError("DATABASE_URL must be set when BROKER_ENV=production")
        return f"sqlite:///{(instance / 'broker.sqlite3').resolve()}"
    if not raw.startswith(("sqlite", *_POSTGRES_SCHEMES)):
        raise ConfigError("DATABASE_URL must be a postgresql:// (or postgres://) or sqlite:/// URL")
    return sqlalchemy_url(raw)


def sqlalchemy_url(database_url: str) -> str:
    """The URL SQLAlchemy needs: PostgreSQL URLs in any of their spellings name the psycopg 3 driver."""
    if database_url.startswith(_POSTGRES_SCHEMES):
        return "postgresql+psycopg://" + database_url.split("://", 1)[1]
    return database_url


def _public_base_url(source: Mapping[str, Any], production: bool) -> str:
    raw = source.get("PUBLIC_BASE_URL")
    if not raw and production:
        raise ConfigError(
            "PUBLIC_BASE_URL must be set when BROKER_ENV=production: the https:// address people reach the broker "
            "at (every launch link, emailed ones too, starts with it)"
        )
    url = str(raw or "http://127.0.0.1:8000").rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"PUBLIC_BASE_URL must be an http(s) URL, got {url!r}")
    if production and not url.startswith("https://"):
        raise ConfigError("PUBLIC_BASE_URL must start with https:// when BROKER_ENV=production")
    return url


def _secret(source: Mapping[str, Any], name: str, production: bool, dev_default: str) -> str:
    value = str(source.get(name) or "")
    if not value:
        if production:
            raise ConfigError(
                f"{name} must be set when BROKER_ENV=production (at least {_MIN_SECRET_CHARS} characters)"
            )
        return dev_default
    if production and len(value) < _MIN_SECRET_CHARS:
        raise ConfigError(f"{name} must be at least {_MIN_SECRET_CHARS} characters")
    return value


def _log_level(source: Mapping[str, Any]) -> str:
    level = str(source.get("LOG_LEVEL", "INFO")).upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
    return level


def _environment(source: Mapping[str, Any]) -> str:
    environment = str(source.get("BROKER_ENV", "development"))
    if environment not in ENVIRONMENTS:
        raise ConfigError(f"BROKER_ENV must be one of {', '.join(ENVIRONMENTS)}, got {environment!r}")
    return environment


def _aws_region(source: Mapping[str, Any], production: bool) -> str:
    """The region of the Secrets Manager holding the keysets. Production names it: a default region that is
    not the keys' own would start a broker that finds no key and says so only at the first request."""
    region = str(source.get("AWS_REGION") or source.get("AWS_DEFAULT_REGION") or "")
    if region:
        return region
    if production:
        raise ConfigError(
            "AWS_REGION must be set when BROKER_ENV=production: the region of the Secrets Manager that holds "
            "the keysets (for example eu-north-1)"
        )
    return _DEV_AWS_REGION


def _metrics_token(source: Mapping[str, Any]) -> str | None:
    token = str(source.get("METRICS_TOKEN") or "")
    if not token:
        return None
    if len(token) < _MIN_SECRET_CHARS:
        raise ConfigError(
            f"METRICS_TOKEN must be at least {_MIN_SECRET_CHARS} characters: it is a bearer secret; generate one "
            "as docs/deploy.md says"
        )
    return token


def _distinct_secrets(source: Mapping[str, Any]) -> None:
    """SERVER_SECRET and SUBJECT_HASH_KEY are two secrets: one leaked or rotated must not be the other."""
    server_secret = str(source.get("SERVER_SECRET") or "")
    if server_secret and server_secret == str(source.get("SUBJECT_HASH_KEY") or ""):
        raise ConfigError("SERVER_SECRET must differ from SUBJECT_HASH_KEY: generate one of each")


def key_freshness(source: Mapping[str, Any]) -> tuple[int, int]:
    """(SECRET_REFRESH_SECONDS, KEY_MAX_STALENESS_SECONDS): keys may not be trusted for less than a refresh."""
    problems = Problems()
    refresh = problems.read(integer, source, "SECRET_REFRESH_SECONDS", 300, 1, 86_400)
    staleness = problems.read(integer, source, "KEY_MAX_STALENESS_SECONDS", 3600, 1, 7 * 86_400)
    problems.raise_any()
    if staleness < refresh:
        raise ConfigError(
            f"KEY_MAX_STALENESS_SECONDS ({staleness}) must be at least SECRET_REFRESH_SECONDS ({refresh})"
        )
    return refresh, staleness


def load_settings(overrides: Mapping[str, Any] | None = None, instance_path: str | None = None) -> Settings:
    """Build settings from the environment, with `overrides` (tests) taking precedence.

    Every bad setting is found before anything is refused: the ConfigError carries one message for each.
    """
    source: dict[str, Any] = dict(os.environ)
    source.update(overrides or {})
    problems = Problems()
    environment = problems.read(_environment, source)
    production = environment == "production"
    instance = Path(instance_path or "instance")
    refresh, staleness = problems.read_or((0, 0), key_freshness, source)
    settings = Settings(
        environment=environment,
        database_url=problems.read(_database_url, source, production, instance),
        public_base_url=problems.read(_public_base_url, source, production),
        subject_hash_key=problems.read(_secret, source, "SUBJECT_HASH_KEY", production, _DEV_SUBJECT_HASH_KEY),
        server_secret=problems.read(_secret, source, "SERVER_SECRET", production, _DEV_SERVER_SECRET),
        aws_region=problems.read(_aws_region, source, production),
        secrets_endpoint_url=source.get("AWS_ENDPOINT_URL_SECRETS_MANAGER") or None,
        secret_refresh_seconds=refresh,
        key_max_staleness_seconds=staleness,
        max_body_bytes=problems.read(integer, source, "MAX_BODY_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024),
        max_payload_bytes=problems.read(integer, source, "MAX_PAYLOAD_BYTES", 8 * 1024, 256, 1024 * 1024),
        jwks_max_age_seconds=problems.read(integer, source, "JWKS_MAX_AGE_SECONDS", 300, 0, 86_400),
        log_level=problems.read(_log_level, source),
        lookup_cache_seconds=problems.read(integer, source, "LOOKUP_CACHE_SECONDS", 5, 0, 300),
        redis_url=problems.read(_redis_url, source.get("REDIS_URL")),
        default_rate_limit=problems.read(rate_limit_setting, source, "RATE_LIMIT", "600/minute"),
        smtp=problems.read(parse_smtp_url, str(source["SMTP_URL"])) if source.get("SMTP_URL") else None,
        metrics_token=problems.read(_metrics_token, source),
        trusted_proxies=problems.read(integer, source, "TRUSTED_PROXIES", 0, 0, 5),
        auth_failure_limit=problems.read(rate_limit_setting, source, "AUTH_FAILURE_LIMIT", "30/minute"),
        audit_spool_dir=str(source.get("AUDIT_SPOOL_DIR") or instance / "audit-spool"),
        audit_spool_max_bytes=problems.read(integer, source, "AUDIT_SPOOL_MAX_BYTES", 100 * 1024 * 1024, 1024, 1024**4),
        audit_retention_days=problems.read(integer, source, "AUDIT_RETENTION_DAYS", 365, 31, 3650),
        link_renewal_days=problems.read(integer, source, "LINK_RENEWAL_DAYS", 14, 0, 365),
        renewal_link_limit=problems.read(rate_limit_setting, source, "RENEWAL_LINK_LIMIT", "5/hour"),
        renewal_limit=problems.read(rate_limit_setting, source, "RENEWAL_LIMIT", "30/hour"),
        idempotency_lease_seconds=problems.read(integer, source, "IDEMPOTENCY_LEASE_SECONDS", 60, 1, 86_400),
        webhooks=problems.read(load_webhook_settings, source),
        console=problems.read(load_console_settings, source),
    )
    problems.read(_distinct_secrets, source)
    problems.raise_any()
    return settings
