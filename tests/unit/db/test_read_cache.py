"""API keys and profiles are reused for LOOKUP_CACHE_SECONDS: revocation elsewhere is late by at most that."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import update

from service.apikeys import credentials
from service.apikeys.models import ApiKey
from service.db.database import Database, make_engine
from service.db.read_cache import ReadCache
from service.wiring import Services, Stores
from tests.support.api import generate, problem


def _another_instance(svc: Services) -> Stores:
    """Second stores on the same database, as another broker instance would have."""
    return Stores.over(Database(make_engine(str(svc.db.engine.url)), cache_seconds=0))


@pytest.mark.settings(LOOKUP_CACHE_SECONDS="1")
def test_a_key_revoked_by_another_instance_is_refused_within_the_bound(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    assert generate(client, creds).status_code == 200
    revoked_at = time.monotonic()
    _another_instance(svc).api_keys.revoke_api_key(credentials.api_key_prefix(creds["apiKey"]), dt.datetime.now(dt.UTC))
    # Within the bound the cached key may still pass; past it, it never does.
    while True:
        # Timed when sent: the lookup happens after this, so an acceptance proves the entry was still fresh.
        sent = time.monotonic() - revoked_at
        response = generate(client, creds)
        if response.status_code != 200:
            break
        assert sent < 1.0
        time.sleep(0.05)  # pacing the probes; `sent < 1.0` is the deadline
    problem(response, 401, "unauthorized")


@pytest.mark.settings(LOOKUP_CACHE_SECONDS="300")
def test_this_instances_own_revocation_takes_effect_at_once(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    assert generate(client, creds).status_code == 200
    svc.stores.api_keys.revoke_api_key(credentials.api_key_prefix(creds["apiKey"]), dt.datetime.now(dt.UTC))
    problem(generate(client, creds), 401, "unauthorized")


@pytest.mark.settings(LOOKUP_CACHE_SECONDS="300")
def test_a_profile_change_here_is_seen_at_once(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    redirect = f"{creds['sandboxUrl']}/home"
    assert generate(client, creds, "generic", redirect=redirect).status_code == 200
    profile = svc.stores.profiles.find_profile(1, "generic")
    assert profile is not None
    svc.stores.profiles.update_profile(profile.id, allowed_redirect_origins=[])
    body = generate(client, creds, "generic", redirect=redirect)
    problem(body, 422, "redirect_not_allowed")


@pytest.mark.settings(LOOKUP_CACHE_SECONDS="0")
def test_zero_turns_the_cache_off(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    assert generate(client, creds).status_code == 200
    with Database(make_engine(str(svc.db.engine.url))).session() as session:
        session.execute(update(ApiKey).values(revoked_at=dt.datetime.now(dt.UTC)))
    problem(generate(client, creds), 401, "unauthorized")


def test_misses_are_not_kept() -> None:
    cache = ReadCache(60)
    assert cache.get("k", lambda: None) is None
    assert cache.get("k", lambda: "found") == "found"
    assert cache.get("k", lambda: "reloaded") == "found"
    cache.forget("k")
    assert cache.get("k", lambda: "reloaded") == "reloaded"
    cache.forget()
    assert cache.get("k", lambda: "again") == "again"


@pytest.mark.settings(LOOKUP_CACHE_SECONDS="300")
def test_within_the_bound_the_database_is_not_asked_again(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    assert generate(client, creds).status_code == 200
    with Database(make_engine(str(svc.db.engine.url))).session() as session:
        session.execute(update(ApiKey).values(revoked_at=dt.datetime.now(dt.UTC)))
    # The documented staleness: another instance's revocation is not seen yet.
    assert generate(client, creds).status_code == 200
