"""The AWS Secrets Manager client and its cache: plain boto3, standard credential chain and endpoints."""

from __future__ import annotations

from typing import Any

import boto3
import botocore.config
from aws_secretsmanager_caching import SecretCache, SecretCacheConfig

from service.config import Settings

# Short timeouts and few retries: a request must never hang on Secrets Manager; the cache serves
# the last good value while it is down.
_CONNECT_TIMEOUT_SECONDS = 2
_READ_TIMEOUT_SECONDS = 3
_MAX_ATTEMPTS = 2


def make_client(settings: Settings) -> Any:
    """A boto3 secretsmanager client; AWS_ENDPOINT_URL_SECRETS_MANAGER points it at an emulator."""
    config = botocore.config.Config(
        connect_timeout=_CONNECT_TIMEOUT_SECONDS,
        read_timeout=_READ_TIMEOUT_SECONDS,
        retries={"max_attempts": _MAX_ATTEMPTS, "mode": "standard"},
    )
    return boto3.session.Session().client(
        "secretsmanager",
        region_name=settings.aws_region,
        endpoint_url=settings.secrets_endpoint_url,
        config=config,
    )


def make_cache(client: Any, settings: Settings) -> SecretCache:
    """The secret cache the key source reads through: one DescribeSecret per refresh interval."""
    config = SecretCacheConfig(secret_refresh_interval=settings.secret_refresh_seconds)
    return SecretCache(config=config, client=client)


def create_secret(client: Any, name: str, secret_string: str, description: str) -> str:
    """Store a new secret and return its ARN."""
    response = client.create_secret(Name=name, SecretString=secret_string, Description=description)
    return str(response["ARN"])
