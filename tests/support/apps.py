"""Building brokers for the tests: the dev seed in an app, its API keys on the privacy watch."""

from __future__ import annotations

from typing import Any

from flask import Flask

from service.apikeys import credentials
from service.dev import seed as devseed
from service.wiring import Services, services
from tests.support.privacy import WATCH


def seed_dev(app: Flask, folder: str, sandbox_url: str) -> dict[str, Any]:
    """The dev seed in `app` (dev tenant, ES256 keyset, three profiles, two API keys); the keys join the watch."""
    with app.app_context():
        creds = devseed.seed(services(app), folder, sandbox_url)
    WATCH.watch(creds["apiKey"], creds["adminApiKey"])
    return creds


def set_rate_limit(svc: Services, creds: dict[str, Any], rate_limit: str, key: str = "apiKey") -> None:
    """Give one of the dev seed's API keys (`key` names it in `creds`) its own rate limit."""
    svc.store.set_rate_limit(credentials.api_key_prefix(creds[key]), rate_limit)
