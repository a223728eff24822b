"""Building brokers for the tests: an app on the shared boto3 Session, the dev seed, an API key's rate limit."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask

from service import create_app
from service.apikeys import credentials
from service.apikeys.issuing import create_api_key
from service.dev import seed as devseed
from service.wiring import Services, services
from tests.support.aws import REGION, secrets_client
from tests.support.privacy import WATCH


def seed_dev(app: Flask, folder: str, sandbox_url: str) -> dict[str, Any]:
    """The dev seed in `app` (dev tenant, ES256 keyset, three profiles and their test twins, the live, admin and
    test API keys); the keys join the watch."""
    with app.app_context():
        creds = devseed.seed(services(app), folder, sandbox_url)
    WATCH.watch(creds["apiKey"], creds["adminApiKey"], creds["testApiKey"])
    return creds


def dev_api_key(svc: Services, *scopes: str) -> str:
    """Another live API key of the dev tenant with only these scopes (none: it mints short-lived tokens only)."""
    api_key = create_api_key(svc, devseed.DEV_TENANT, list(scopes), "dev-" + ("-".join(scopes) or "bare"))
    WATCH.watch(api_key)
    return api_key


def set_rate_limit(svc: Services, creds: dict[str, Any], rate_limit: str, key: str = "apiKey") -> None:
    """Give one of the dev seed's API keys (`key` names it in `creds`) its own rate limit."""
    svc.stores.api_keys.set_rate_limit(credentials.api_key_prefix(creds[key]), rate_limit)


def build_app(config: Mapping[str, Any], *, clock: Callable[[], float] | None = None) -> Flask:
    """create_app with a Secrets Manager client from the test process's shared boto3 Session.

    The endpoint and region are read as load_settings reads them (the settings over the environment).
    """
    source = {**os.environ, **config}
    client = secrets_client(
        source.get("AWS_ENDPOINT_URL_SECRETS_MANAGER") or None,
        region=str(source.get("AWS_REGION") or source.get("AWS_DEFAULT_REGION") or REGION),
    )
    return create_app(config, secrets_client=client, clock=clock)
