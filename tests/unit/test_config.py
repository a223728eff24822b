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


def test_a_webhook_lease_must_outlast_an_attempt() -> None:
    with pytest.raises(ConfigError, match="WEBHOOK_LEASE_SECONDS"):
        load_settings({"WEBHOOK_TIMEOUT_SECONDS": "10", "WEBHOOK_LEASE_SECONDS": "15"})
    with pytest.raises(ConfigError, match="WEBHOOK_TIMEOUT_SECONDS"):
        load_settings({"WEBHOOK_TIMEOUT_SECONDS": "soon"})
    assert load_settings({"WEBHOOK_RETRY_BASE_SECONDS": "0.5"}).webhooks.retry_base_seconds == 0.5
