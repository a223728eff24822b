"""Production settings an operator must give, and what the broker says about them at start."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service import create_app
from service.apikeys import credentials
from service.config import load_settings
from service.errors import ConfigError
from service.preflight import log_start, settings_or_exit, summary
from service.wiring import Services
from tests.support.api import problem
from tests.support.apps import build_app
from tests.support.paths import ROOT
from tests.support.ports import free_port

SECRET = "s" * 32
PRODUCTION = {
    "BROKER_ENV": "production",
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/test",
    "PUBLIC_BASE_URL": "https://sso.example.org",
    "SUBJECT_HASH_KEY": SECRET,
    "SERVER_SECRET": "t" * 32,
}


def _without(name: str) -> dict[str, Any]:
    return {key: value for key, value in PRODUCTION.items() if key != name}


def test_production_requires_an_https_public_base_url() -> None:
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL must be set when BROKER_ENV=production"):
        load_settings(_without("PUBLIC_BASE_URL"))
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL must start with https://"):
        load_settings({**PRODUCTION, "PUBLIC_BASE_URL": "http://sso.example.org"})
    assert load_settings(PRODUCTION).public_base_url == "https://sso.example.org"


def test_development_keeps_its_local_default() -> None:
    assert load_settings({"BROKER_ENV": "development"}).public_base_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+psycopg"])
def test_every_postgres_url_spelling_is_accepted(scheme: str) -> None:
    settings = load_settings({**PRODUCTION, "DATABASE_URL": f"{scheme}://u:p@db.example.org:5432/broker"})
    assert settings.database_url == "postgresql+psycopg://u:p@db.example.org:5432/broker"


def test_an_unknown_database_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL must be a postgresql"):
        load_settings({**PRODUCTION, "DATABASE_URL": "mysql://u:p@db/broker"})


def test_production_requires_its_own_server_secret() -> None:
    with pytest.raises(ConfigError, match="SERVER_SECRET must be set when BROKER_ENV=production"):
        load_settings(_without("SERVER_SECRET"))
    with pytest.raises(ConfigError, match="SERVER_SECRET must be at least 32 characters"):
        load_settings({**PRODUCTION, "SERVER_SECRET": "short"})


def test_idempotent_responses_are_sealed_with_the_server_secret_not_the_subject_key(
    config: dict[str, Any], tmp_path: Path, creds: dict[str, Any], app: Flask
) -> None:
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}}
    headers = {"Authorization": f"Bearer {creds['apiKey']}", "Idempotency-Key": "deploy-1"}
    first = app.test_client().post("/api/v1/generateJWT", json=body, headers=headers)
    assert first.status_code == 200
    # The audit key rotates; the server secret does not: the stored response still opens.
    rotated = create_app({**config, "SUBJECT_HASH_KEY": "another-subject-hash-key-0123456789"})
    replay = rotated.test_client().post("/api/v1/generateJWT", json=body, headers=headers)
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert replay.get_json() == first.get_json()


def test_a_config_error_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        settings_or_exit(_without("PUBLIC_BASE_URL"))
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("config error: PUBLIC_BASE_URL must be set")
    assert err.count("\n") == 1


def test_the_cli_names_every_bad_setting_at_once_one_line_each(tmp_path: Path) -> None:
    shared = "same-secret-for-both-0123456789abcdef"
    env = {
        "PATH": "/usr/bin:/bin",
        "BROKER_ENV": "production",
        "PUBLIC_BASE_URL": "http://sso.example.org",
        "SUBJECT_HASH_KEY": shared,
        "SERVER_SECRET": shared,
        "METRICS_TOKEN": "short-metrics-token",
        "MAX_BODY_BYTES": "lots",
        "WEBHOOK_TIMEOUT_SECONDS": "soon",
    }
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "service", "db", "upgrade"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        "config error: DATABASE_URL must be set when BROKER_ENV=production",
        "config error: PUBLIC_BASE_URL must start with https:// when BROKER_ENV=production",
        "config error: AWS_REGION must be set when BROKER_ENV=production: the region of the Secrets Manager "
        "that holds the keysets (for example eu-north-1)",
        "config error: MAX_BODY_BYTES must be an integer, got 'lots'",
        "config error: METRICS_TOKEN must be at least 32 characters: it is a bearer secret; generate one as "
        "docs/deploy.md says",
        "config error: WEBHOOK_TIMEOUT_SECONDS must be a number, got 'soon'",
        "config error: SERVER_SECRET must differ from SUBJECT_HASH_KEY: generate one of each",
    ]
    assert result.stdout == ""
    for secret in (shared, "short-metrics-token"):
        assert secret not in result.stderr


def test_the_start_summary_names_each_production_risk() -> None:
    configured, warnings = summary(load_settings(PRODUCTION), [])
    assert configured["database"] == "postgresql"
    assert configured["redis"] is False
    assert configured["smtp"] is False
    assert configured["publicBaseUrl"] == "https://sso.example.org"
    text = " ".join(warnings)
    for risk in ("REDIS_URL", "SMTP_URL", "METRICS_TOKEN", "no keyset: run flask --app service keysets create"):
        assert risk in text
    assert SECRET not in repr(configured)
    complete = {**PRODUCTION, "REDIS_URL": "redis://127.0.0.1:6379/15", "METRICS_TOKEN": "m" * 32,
                "SMTP_URL": "smtp://127.0.0.1:25?from=no-reply%40example.org"}  # fmt: skip
    assert summary(load_settings(complete), ["acme"])[1] == []


def test_readiness_says_what_to_run_without_a_keyset(client: FlaskClient) -> None:
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.get_json()["reasons"] == ["no keyset: run flask --app service keysets create NAME --default"]


def test_readiness_has_no_reasons_when_ready(client: FlaskClient, creds: dict[str, Any]) -> None:
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.get_json()
    assert ready.get_json()["reasons"] == []


@pytest.mark.settings(METRICS_TOKEN="metrics-token-for-the-test-0123456")
def test_metrics_token_guards_metrics(client: FlaskClient) -> None:
    problem(client.get("/metrics"), 401, "unauthorized")
    problem(client.get("/metrics", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
    authorized = {"Authorization": "Bearer metrics-token-for-the-test-0123456"}
    assert client.get("/metrics", headers=authorized).status_code == 200


def test_without_a_metrics_token_metrics_stays_open(client: FlaskClient, svc: Services) -> None:
    assert svc.settings.metrics_token is None
    assert client.get("/metrics").status_code == 200


def _made_up_key_through_a_proxy(client: FlaskClient, forwarded_for: str) -> int:
    """A made-up API key sent by a client at 127.0.0.1 (a proxy) that says it forwards for `forwarded_for`."""
    headers = {"X-Forwarded-For": forwarded_for, "Authorization": f"Bearer {credentials.new_api_key()}"}
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    return client.post("/api/v1/generateJWT", json={}, headers=headers, environ_base=proxy).status_code


@pytest.mark.settings(TRUSTED_PROXIES="1", AUTH_FAILURE_LIMIT="2/minute")
def test_with_a_trusted_proxy_the_forwarded_address_is_the_clients(client: FlaskClient) -> None:
    assert [_made_up_key_through_a_proxy(client, "127.0.0.9") for _ in range(3)] == [401, 401, 429]
    # Another client behind the same proxy is not blocked with it.
    assert _made_up_key_through_a_proxy(client, "127.0.0.10") == 401


@pytest.mark.settings(AUTH_FAILURE_LIMIT="2/minute")
def test_without_trusted_proxies_forwarded_headers_are_ignored(client: FlaskClient) -> None:
    # A client cannot escape the limit by naming another address.
    assert [_made_up_key_through_a_proxy(client, f"127.0.0.{n}") for n in (11, 12, 13)] == [401, 401, 429]


def test_the_start_logs_one_line_of_what_is_configured_and_each_risk(
    caplog: pytest.LogCaptureFixture, db_url: str
) -> None:
    settings = load_settings({**PRODUCTION, "DATABASE_URL": db_url, "LOG_LEVEL": "DEBUG"})
    caplog.set_level(logging.INFO, logger="service.preflight")
    log_start(settings)
    [configured] = [r for r in caplog.records if r.getMessage() == "broker configured"]
    assert configured.__dict__["database"] == "sqlite"
    assert configured.__dict__["keysets"] == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(w.startswith("REDIS_URL is not set") for w in warnings)
    assert any(w.startswith("DATABASE_URL is SQLite") for w in warnings)
    assert "no keyset: run flask --app service keysets create NAME --default" in warnings


def test_the_start_says_when_the_database_cannot_be_read(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    path = tmp_path / "missing" / "db.sqlite3"
    settings = load_settings({**PRODUCTION, "DATABASE_URL": f"sqlite:///{path}", "LOG_LEVEL": "DEBUG"})
    caplog.set_level(logging.INFO, logger="service.preflight")
    log_start(settings)
    [configured] = [r for r in caplog.records if r.getMessage() == "broker configured"]
    assert configured.__dict__["keysets"].startswith("unknown")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert f"database unreachable: cannot open the SQLite database {path}: unable to open database file" in warnings


@pytest.mark.parametrize("environment", ["production", "development"])
def test_the_start_warns_of_a_database_it_cannot_reach(caplog: pytest.LogCaptureFixture, environment: str) -> None:
    port = free_port()
    url = f"postgresql://broker:pw-never-logged-0123@127.0.0.1:{port}/broker"
    settings = load_settings({**PRODUCTION, "BROKER_ENV": environment, "DATABASE_URL": url})
    caplog.set_level(logging.INFO, logger="service.preflight")
    log_start(settings)
    [warning, *_] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warning.getMessage() == (
        f"database unreachable: cannot connect to 127.0.0.1:{port}/broker as broker: connection refused; "
        "is the server running on that host and accepting TCP/IP connections?"
    )
    assert "pw-never-logged-0123" not in caplog.text


def test_the_start_says_what_to_run_when_the_database_is_not_migrated(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    settings = load_settings({**PRODUCTION, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"})
    caplog.set_level(logging.INFO, logger="service.preflight")
    log_start(settings)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "database not readable: is it migrated? (flask --app service db upgrade)" in warnings


def test_an_overridden_secrets_manager_endpoint_is_logged_once_per_start(
    caplog: pytest.LogCaptureFixture, config: dict[str, Any]
) -> None:
    caplog.set_level(logging.INFO)
    # Every worker and every CLI command builds an app: none of them repeats it.
    for _ in range(3):
        build_app(config)
    assert "endpoint overridden" not in caplog.text
    log_start(load_settings(config))
    [warning] = [r for r in caplog.records if "Secrets Manager endpoint overridden" in r.getMessage()]
    assert (warning.levelno, warning.__dict__["endpoint"]) == (
        logging.WARNING,
        config["AWS_ENDPOINT_URL_SECRETS_MANAGER"],
    )
