"""The AWS Secrets Manager client and its cache: plain boto3, standard credential chain and endpoints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import boto3
import botocore.config
from aws_secretsmanager_caching import SecretCache, SecretCacheConfig
from aws_secretsmanager_caching.cache.secret_cache_hook import SecretCacheHook

from service.config import Settings

# Short timeouts and few retries: a request must never hang on Secrets Manager; the cache serves
# the last good value while it is down.
_CONNECT_TIMEOUT_SECONDS = 2
_READ_TIMEOUT_SECONDS = 3
_MAX_ATTEMPTS = 2


def client_config(connect_timeout: float, read_timeout: float, attempts: int) -> botocore.config.Config:
    """Timeouts and standard-mode retries of a Secrets Manager client."""
    return botocore.config.Config(
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        retries={"max_attempts": attempts, "mode": "standard"},
    )


# The broker's clients: a request must never hang on Secrets Manager.
BROKER_CLIENT_CONFIG = client_config(_CONNECT_TIMEOUT_SECONDS, _READ_TIMEOUT_SECONDS, _MAX_ATTEMPTS)


def new_client(
    region: str | None,
    endpoint_url: str | None,
    config: botocore.config.Config,
    session: boto3.session.Session | None = None,
) -> Any:
    """A boto3 secretsmanager client (from `session`, or a new one); an endpoint URL points it at an emulator."""
    return (session or boto3.session.Session()).client(
        "secretsmanager", region_name=region, endpoint_url=endpoint_url, config=config
    )


def make_client(settings: Settings, session: boto3.session.Session | None = None) -> Any:
    """The broker's client, as its settings say (AWS_REGION, AWS_ENDPOINT_URL_SECRETS_MANAGER)."""
    return new_client(settings.aws_region, settings.secrets_endpoint_url, BROKER_CLIENT_CONFIG, session)


# After a failed refresh the cache retries after 1, 2, 4 … s; capped low so recovery after an outage is quick.
_MAX_RETRY_DELAY_SECONDS = 15


class FreshnessHook(SecretCacheHook):  # type: ignore[misc]
    """Notes when each secret's metadata was last read successfully.

    The cache keeps serving its last value when a refresh fails, and says nothing; this hook sees every
    successful DescribeSecret, so the key source can tell fresh keys from stale ones.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        super().__init__()
        self._clock = clock
        self._described: dict[str, float] = {}

    def put(self, obj: Any) -> Any:
        if isinstance(obj, dict) and "VersionIdsToStages" in obj:
            now = self._clock()
            for name in (obj.get("ARN"), obj.get("Name")):
                if name:
                    self._described[str(name)] = now
        return obj

    def get(self, cached_obj: Any) -> Any:
        return cached_obj

    def described_at(self, secret_id: str) -> float | None:
        """When the secret's stages were last read from Secrets Manager, or None if never."""
        return self._described.get(secret_id)


def make_cache(client: Any, settings: Settings, hook: FreshnessHook) -> SecretCache:
    """The secret cache the key source reads through: one DescribeSecret per refresh interval."""
    config = SecretCacheConfig(
        secret_refresh_interval=settings.secret_refresh_seconds,
        exception_retry_delay_max=_MAX_RETRY_DELAY_SECONDS,
        secret_cache_hook=hook,
    )
    return SecretCache(config=config, client=client)


def create_secret(client: Any, name: str, secret_string: str, description: str) -> str:
    """Store a new secret and return its ARN."""
    response = client.create_secret(Name=name, SecretString=secret_string, Description=description)
    return str(response["ARN"])
