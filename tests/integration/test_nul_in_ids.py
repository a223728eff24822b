"""On PostgreSQL, whose text cannot hold NUL: an id, name or key with a NUL in it gets each route's own not-found,
never a 500. (SQLite, under the unit tests, stores NUL like any character, so only PostgreSQL showed it.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.db import migrate as migrations
from service.wiring import services
from tests.support.api import SEED_PAYLOADS, bearer, problem
from tests.support.webhooks import register

# `a%00b` in a path: werkzeug decodes it to "a\x00b" before the route sees it.
NUL_ID = "a\x00b"


@pytest.fixture
def db_url(postgres_url: str) -> str:
    """The app of `tests/conftest.py`, on a fresh PostgreSQL database instead of SQLite."""
    migrations.upgrade(postgres_url)
    return postgres_url


@pytest.fixture
def app(app: Flask) -> Iterator[Flask]:
    yield app
    services(app).db.engine.dispose()  # its connections closed before the database is dropped


@pytest.mark.parametrize(
    ("method", "path", "code"),
    [
        ("GET", "/api/v1/links/a%00b", "link_not_found"),
        ("POST", "/api/v1/links/a%00b/revoke", "link_not_found"),
        ("POST", "/api/v1/api-keys/a%00b/revoke", "api_key_not_found"),
        ("GET", "/api/v1/webhooks/a%00b", "webhook_not_found"),
        ("DELETE", "/api/v1/webhooks/a%00b", "webhook_not_found"),
        ("POST", "/api/v1/webhooks/a%00b/rotate-secret", "webhook_not_found"),
        ("GET", "/api/v1/webhooks/a%00b/deliveries", "webhook_not_found"),
        ("GET", "/keysets/a%00b/jwks.json", "keyset_not_found"),
    ],
)
def test_a_nul_in_a_path_id_is_not_found(
    client: FlaskClient, creds: dict[str, Any], method: str, path: str, code: str
) -> None:
    problem(client.open(path, method=method, headers=bearer(creds["adminApiKey"])), 404, code)


def test_a_nul_in_a_delivery_id_is_not_found(client: FlaskClient, creds: dict[str, Any]) -> None:
    webhook = register(client, creds, "https://hooks.example.com/x")
    path = f"/api/v1/webhooks/{webhook['id']}/deliveries/a%00b/redeliver"
    problem(client.post(path, headers=bearer(creds["adminApiKey"])), 404, "delivery_not_found")


@pytest.mark.parametrize(
    ("body", "headers", "code"),
    [
        ({"profileKey": NUL_ID}, {}, "profile_not_found"),
        ({}, {"Profile-Key": NUL_ID}, "profile_not_found"),
        ({"profileKey": "generic", "replaces": NUL_ID}, {}, "link_not_found"),
    ],
    ids=["profileKey", "Profile-Key", "replaces"],
)
def test_a_nul_in_generatejwt_keys_is_not_found(
    client: FlaskClient, creds: dict[str, Any], body: dict[str, Any], headers: dict[str, str], code: str
) -> None:
    if body.get("profileKey") == "generic":
        body["profileKey"] = creds["profiles"]["generic"]
    body = {"payload": SEED_PAYLOADS["generic"], "expireIn": 60, **body}
    response = client.post("/api/v1/generateJWT", json=body, headers={**bearer(creds["adminApiKey"]), **headers})
    problem(response, 404, code)


def test_a_nul_in_the_inspectors_profile_key_is_not_found(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = {"token": "a.b.c", "profileKey": NUL_ID}
    problem(client.post("/api/v1/tokens/inspect", json=body, headers=bearer(creds["apiKey"])), 404, "profile_not_found")
