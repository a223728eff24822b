"""Settings are read in one place, validated, and a bad or missing production setting fails at start."""

from __future__ import annotations

import pytest

from service import create_app
from service.config import load_settings
from service.errors import ConfigError


def test_development_defaults() -> None:
    settings = load_settings({"BROKER_ENV": "development"}, instance_path="/srv/inst")
    assert settings.database_url == "sqlite:////srv/inst/broker.sqlite3"
    assert settings.max_body_bytes == 64 * 1024
    assert not settings.is_production
    assert settings.audit_retention_days == 365
    assert load_settings({"AUDIT_RETENTION_DAYS": "31"}).audit_retention_days == 31


@pytest.mark.parametrize("missing", ["DATABASE_URL", "SUBJECT_HASH_KEY", "SERVER_SECRET", "PUBLIC_BASE_URL"])
def test_production_requires_its_settings(missing: str) -> None:
    values = {
        "BROKER_ENV": "production",
        "DATABASE_URL": "postgresql://db/x",
        "SUBJECT_HASH_KEY": "k" * 40,
        "SERVER_SECRET": "s" * 40,
        "PUBLIC_BASE_URL": "https://sso.example.org",
    }
    values[missing] = ""
    with pytest.raises(ConfigError, match=missing):
        load_settings(values)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BROKER_ENV", "staging"),
        ("MAX_BODY_BYTES", "lots"),
        ("MAX_BODY_BYTES", "10"),
        ("SECRET_REFRESH_SECONDS", "0"),
        ("IDEMPOTENCY_LEASE_SECONDS", "0"),
        ("PUBLIC_BASE_URL", "ftp://x"),
        ("LOG_LEVEL", "LOUD"),
        ("AUDIT_RETENTION_DAYS", "30"),
        ("AUDIT_RETENTION_DAYS", "3651"),
        ("AUDIT_RETENTION_DAYS", "a year"),
    ],
)
def test_invalid_values_fail_with_the_setting_named(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value})


def test_a_short_subject_hash_key_is_refused_in_production() -> None:
    with pytest.raises(ConfigError, match="SUBJECT_HASH_KEY"):
        load_settings({"BROKER_ENV": "production", "DATABASE_URL": "sqlite://", "SUBJECT_HASH_KEY": "short",
                       "SERVER_SECRET": "s" * 40, "PUBLIC_BASE_URL": "https://sso.example.org"})  # fmt: skip


def test_the_factory_fails_at_start_on_bad_settings() -> None:
    with pytest.raises(ConfigError):
        create_app({"BROKER_ENV": "production", "DATABASE_URL": ""})


PRODUCTION = {
    "BROKER_ENV": "production",
    "DATABASE_URL": "postgresql://db/x",
    "SUBJECT_HASH_KEY": "k" * 40,
    "SERVER_SECRET": "s" * 40,
    "PUBLIC_BASE_URL": "https://sso.example.org",
    "AWS_REGION": "eu-west-1",
}


def test_every_bad_setting_is_named_at_once() -> None:
    with pytest.raises(ConfigError) as refused:
        load_settings({"LOG_LEVEL": "LOUD", "MAX_BODY_BYTES": "10", "SECRET_REFRESH_SECONDS": "0",
                       "KEY_MAX_STALENESS_SECONDS": "soon", "RATE_LIMIT": "lots", "REDIS_URL": "http://r",
                       "SMTP_URL": "http://mail", "WEBHOOK_POLL_SECONDS": "0",
                       "WEBHOOK_CONCURRENCY": "many"})  # fmt: skip
    named = [problem.split(" ", 1)[0].rstrip(":") for problem in refused.value.problems]
    assert named == [
        "SECRET_REFRESH_SECONDS",
        "KEY_MAX_STALENESS_SECONDS",
        "MAX_BODY_BYTES",
        "LOG_LEVEL",
        "REDIS_URL",
        "RATE_LIMIT",
        "SMTP_URL",
        "WEBHOOK_POLL_SECONDS",
        "WEBHOOK_CONCURRENCY",
    ]


def test_the_server_secret_is_not_the_subject_hash_key() -> None:
    same = "one-secret-for-two-purposes-0123456789"
    for environment in ({}, PRODUCTION):
        with pytest.raises(ConfigError, match="SERVER_SECRET must differ from SUBJECT_HASH_KEY") as refused:
            load_settings({**environment, "SUBJECT_HASH_KEY": same, "SERVER_SECRET": same})
        assert same not in str(refused.value)
    assert load_settings(PRODUCTION).server_secret != load_settings(PRODUCTION).subject_hash_key


def test_a_metrics_token_is_a_secret_of_32_characters_or_more() -> None:
    for environment in ({}, PRODUCTION):
        with pytest.raises(ConfigError, match="METRICS_TOKEN must be at least 32 characters") as refused:
            load_settings({**environment, "METRICS_TOKEN": "m" * 31})
        assert "m" * 31 not in str(refused.value)
    assert load_settings({"METRICS_TOKEN": "m" * 32}).metrics_token == "m" * 32
    assert load_settings({"METRICS_TOKEN": ""}).metrics_token is None


def test_production_names_its_aws_region(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    without = {name: value for name, value in PRODUCTION.items() if name != "AWS_REGION"}
    with pytest.raises(ConfigError, match="AWS_REGION must be set when BROKER_ENV=production"):
        load_settings(without)
    assert load_settings({**without, "AWS_DEFAULT_REGION": "eu-central-1"}).aws_region == "eu-central-1"
    assert load_settings(PRODUCTION).aws_region == "eu-west-1"
    # Development and tests keep the emulator's default.
    assert load_settings({"BROKER_ENV": "development"}).aws_region == "eu-north-1"


def test_a_webhook_lease_must_outlast_an_attempt() -> None:
    with pytest.raises(ConfigError, match="WEBHOOK_LEASE_SECONDS"):
        load_settings({"WEBHOOK_TIMEOUT_SECONDS": "10", "WEBHOOK_LEASE_SECONDS": "15"})
    with pytest.raises(ConfigError, match="WEBHOOK_TIMEOUT_SECONDS"):
        load_settings({"WEBHOOK_TIMEOUT_SECONDS": "soon"})
    # The lease is compared once both are numbers; every other bad one is named with it.
    with pytest.raises(ConfigError) as refused:
        load_settings({"WEBHOOK_TIMEOUT_SECONDS": "soon", "WEBHOOK_LEASE_SECONDS": "later"})
    assert [problem.split(" ", 1)[0] for problem in refused.value.problems] == [
        "WEBHOOK_TIMEOUT_SECONDS",
        "WEBHOOK_LEASE_SECONDS",
    ]
    assert load_settings({"WEBHOOK_RETRY_BASE_SECONDS": "0.5"}).webhooks.retry_base_seconds == 0.5
