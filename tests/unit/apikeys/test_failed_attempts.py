"""Made-up API keys cost a sprayer its address, not the broker a database query each."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from service.apikeys import credentials
from service.wiring import Services
from tests.support.api import bearer, generate, problem

SPRAYER = "127.0.0.2"
NEIGHBOUR = "127.0.0.3"


def _made_up_key() -> str:
    """A well-formed key with a valid checksum that exists nowhere: what a sprayer makes (the checksum is public)."""
    key = credentials.new_api_key()
    assert credentials.looks_like_api_key(key)
    return key


@pytest.fixture
def queries(svc: Services) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "api_keys" in statement:
            seen.append(statement)

    event.listen(svc.db.engine, "before_cursor_execute", count)
    yield seen
    event.remove(svc.db.engine, "before_cursor_execute", count)


def _mint_from(client: FlaskClient, key: str, address: str, creds: dict[str, Any]) -> Any:
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u"}}
    return client.post("/api/v1/generateJWT", json=body, headers=bearer(key), environ_base={"REMOTE_ADDR": address})


@pytest.mark.settings(AUTH_FAILURE_LIMIT="10/minute")
def test_a_spray_of_unknown_keys_is_cut_off_before_the_database(
    app: Flask, client: FlaskClient, creds: dict[str, Any], queries: list[str]
) -> None:
    # The real key has been used from the sprayer's address before: this instance has it cached.
    assert _mint_from(client, creds["apiKey"], SPRAYER, creds).status_code == 200
    queries.clear()
    statuses = [_mint_from(client, _made_up_key(), SPRAYER, creds).status_code for _ in range(60)]
    assert statuses[:10] == [401] * 10
    assert set(statuses[10:]) == {429}
    # Ten lookups (and at most a few the limiter raced), not sixty.
    assert len(queries) <= 11, len(queries)
    refused = _mint_from(client, _made_up_key(), SPRAYER, creds)
    body = problem(refused, 429, "rate_limited")
    assert int(refused.headers["Retry-After"]) >= 1
    assert "failed API key" in body["detail"]
    # A real key is not locked out: not from the sprayer's address (it is cached), not from elsewhere.
    assert _mint_from(client, creds["apiKey"], SPRAYER, creds).status_code == 200
    assert _mint_from(client, creds["adminApiKey"], NEIGHBOUR, creds).status_code == 200
    assert _mint_from(client, _made_up_key(), NEIGHBOUR, creds).status_code == 401


def test_failures_from_one_address_do_not_touch_another(client: FlaskClient, creds: dict[str, Any]) -> None:
    for _ in range(40):
        _mint_from(client, _made_up_key(), SPRAYER, creds)
    assert _mint_from(client, _made_up_key(), NEIGHBOUR, creds).status_code == 401
    assert generate(client, creds).status_code == 200


@pytest.mark.settings(AUTH_FAILURE_LIMIT="5/minute", LOOKUP_CACHE_SECONDS="0")
def test_a_real_key_works_from_a_refused_address_even_uncached(client: FlaskClient, creds: dict[str, Any]) -> None:
    # A sprayer behind the same address as a real partner (a NAT, a no-code platform's servers).
    statuses = [_mint_from(client, _made_up_key(), SPRAYER, creds).status_code for _ in range(8)]
    assert statuses == [401] * 5 + [429] * 3
    # Nothing is cached (LOOKUP_CACHE_SECONDS=0), yet both real keys are checked and accepted from there.
    assert _mint_from(client, creds["apiKey"], SPRAYER, creds).status_code == 200
    assert _mint_from(client, creds["adminApiKey"], SPRAYER, creds).status_code == 200
    assert _mint_from(client, _made_up_key(), SPRAYER, creds).status_code == 429
