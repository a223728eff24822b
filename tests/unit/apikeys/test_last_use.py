"""An API key's last use: written when it authenticates a request, at most every few minutes per instance."""

from __future__ import annotations

import datetime as dt

from service.apikeys import credentials
from service.wiring import Stores

NOW = dt.datetime(2026, 12, 7, 20, 0, tzinfo=dt.UTC)


def _key(stores: Stores) -> str:
    tenant = stores.tenants.create_tenant("clinic")
    api_key = credentials.new_api_key()
    prefix = credentials.api_key_prefix(api_key)
    stores.api_keys.add_api_key(tenant.id, prefix, credentials.hash_api_key(api_key), [], "")
    return prefix


def _last_used(stores: Stores, prefix: str) -> dt.datetime | None:
    (key,) = stores.api_keys.list_api_keys()
    assert key.prefix == prefix
    moment = key.last_used_at
    return moment.replace(tzinfo=dt.UTC) if moment is not None and moment.tzinfo is None else moment


def test_a_use_is_written_once_then_not_again_within_the_precision(stores: Stores) -> None:
    prefix = _key(stores)
    assert _last_used(stores, prefix) is None
    stores.api_keys.note_used(prefix, NOW)
    assert _last_used(stores, prefix) == NOW
    stores.api_keys.note_used(prefix, NOW + dt.timedelta(seconds=30))  # a request is not a database write
    assert _last_used(stores, prefix) == NOW


def test_an_unknown_prefix_writes_nothing(stores: Stores) -> None:
    prefix = _key(stores)
    stores.api_keys.note_used("tbk_nosuchkey", NOW)
    assert _last_used(stores, prefix) is None
