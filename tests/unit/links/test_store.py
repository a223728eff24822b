"""LinkStore on SQLite and PostgreSQL: the database decides races (one use, one replacement), and a link's change
commits with its webhook events or not at all."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event
from sqlalchemy.exc import DataError

from service.db.database import Database
from service.errors import LinkAlreadyReplaced, LinkNotFound
from service.links import store as link_store_module
from service.links.models import LaunchLink
from service.webhooks.outbox import OutboxEvent
from service.wiring import Stores
from tests.support.stores import NOW, a_profile, link_fields

PARALLEL = 8


def _event(tenant_id: int, endpoint_id: int | None = None) -> OutboxEvent:
    deliveries = ((endpoint_id, f"msg_{endpoint_id}"),) if endpoint_id else ()
    return OutboxEvent(f"evt_{NOW.timestamp()}_{endpoint_id}", tenant_id, "link.used", NOW, {}, deliveries)


def _links(stores: Stores) -> list[LaunchLink]:
    return stores.links.list_links(1, 200, now=NOW)


def test_of_parallel_uses_of_a_single_use_link_exactly_one_wins(stores: Stores) -> None:
    link = stores.links.add_link(link_fields(a_profile(stores)), ["created"])
    with ThreadPoolExecutor(PARALLEL) as pool:
        won = list(pool.map(lambda _: stores.links.consume_link(link.id, NOW), range(PARALLEL)))
    assert sorted(won) == [False] * (PARALLEL - 1) + [True]
    detail = stores.links.link_with_events(link.tenant_id, link.public_id)
    assert detail is not None
    assert [event.kind for event in detail.events] == ["created", "used"]


def test_of_parallel_replacements_of_one_link_exactly_one_makes_a_link(stores: Stores) -> None:
    profile = a_profile(stores)
    old = stores.links.add_link(link_fields(profile), ["created"])

    def replace(_: int) -> str:
        try:
            return stores.links.add_link(
                link_fields(profile), ["created"], (profile.tenant_id, old.public_id)
            ).public_id
        except LinkAlreadyReplaced:
            return "refused"

    with ThreadPoolExecutor(PARALLEL) as pool:
        made = list(pool.map(replace, range(PARALLEL)))
    assert made.count("refused") == PARALLEL - 1
    winner = next(public_id for public_id in made if public_id != "refused")
    assert {link.public_id: link.revoked_at is None for link in _links(stores)} == {
        old.public_id: False,
        winner: True,
    }
    refreshed = stores.links.link_by_public_id(profile.tenant_id, old.public_id)
    assert refreshed is not None
    assert refreshed.replaced_by_id == next(link.id for link in _links(stores) if link.public_id == winner)


def test_replacing_another_tenants_link_makes_nothing(stores: Stores) -> None:
    mine, theirs = a_profile(stores), a_profile(stores, "other")
    old = stores.links.add_link(link_fields(mine), ["created"])
    with pytest.raises(LinkNotFound):
        stores.links.add_link(link_fields(theirs), ["created"], (theirs.tenant_id, old.public_id))
    assert [link.public_id for link in _links(stores)] == [old.public_id]


def test_a_use_and_its_event_commit_together_or_not_at_all(stores: Stores, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = a_profile(stores)
    link = stores.links.add_link(link_fields(profile), ["created"])

    def broken(*_: object) -> None:
        raise RuntimeError("the outbox insert failed")

    with monkeypatch.context() as patched:
        patched.setattr(link_store_module, "add_outbox", broken)
        with pytest.raises(RuntimeError):
            stores.links.consume_link(link.id, NOW, [_event(profile.tenant_id)])
    (unused,) = _links(stores)
    assert unused.uses == 0
    assert stores.links.consume_link(link.id, NOW, [_event(profile.tenant_id)])
    assert [event.type for event in stores.webhooks.list_webhook_events(profile.tenant_id, 10)] == ["link.used"]


def test_a_revocation_is_noted_once_however_often_it_is_asked(stores: Stores) -> None:
    profile = a_profile(stores)
    link = stores.links.add_link(link_fields(profile), ["created"])
    later = NOW + dt.timedelta(minutes=1)
    with ThreadPoolExecutor(PARALLEL) as pool:
        list(pool.map(lambda _: stores.links.revoke_link(link.id, later), range(PARALLEL)))
    detail = stores.links.link_with_events(profile.tenant_id, link.public_id)
    assert detail is not None
    assert [event.kind for event in detail.events] == ["created", "revoked"]


def test_the_list_filters_by_recipient_hash_and_livemode_in_the_database(stores: Stores) -> None:
    live = a_profile(stores)
    test = stores.profiles.add_profile(
        tenant_id=live.tenant_id,
        keyset_id=live.keyset_id,
        name="app-test",
        profile_key="pk_storeTestProfile00000",
        kind="generic",
        delivery_mode="form",
        issuer="https://broker.test",
        audience="app",
        rp_url="https://rp.test/sso",
        allowed_redirect_origins=[],
        test=True,
    )
    hashed = stores.links.add_link(link_fields(live, recipient_hash="a" * 64), ["created"])
    other = stores.links.add_link(link_fields(live, recipient_hash="b" * 64), ["created"])
    tested = stores.links.add_link(link_fields(test, recipient_hash="a" * 64), ["created"])

    def ids(recipient_hash: str | None = None, livemode: bool | None = None) -> list[str]:
        found = stores.links.list_links(live.tenant_id, 50, now=NOW, recipient_hash=recipient_hash, livemode=livemode)
        return [link.public_id for link in found]

    assert ids(recipient_hash="a" * 64) == [tested.public_id, hashed.public_id]
    assert ids(recipient_hash="a" * 64, livemode=True) == [hashed.public_id]
    assert ids(livemode=False) == [tested.public_id]
    assert ids(livemode=True) == [other.public_id, hashed.public_id]
    assert ids(recipient_hash="c" * 64) == []


def test_the_newest_successor_is_the_live_end_of_a_chain(stores: Stores) -> None:
    profile = a_profile(stores)
    first = stores.links.add_link(link_fields(profile), ["created"])
    assert stores.links.newest_successor(first.id) is None
    second = stores.links.add_link(link_fields(profile), ["created"], (profile.tenant_id, first.public_id))
    third = stores.links.add_link(link_fields(profile), ["created", "emailed"], (profile.tenant_id, second.public_id))
    for start in (first, second):
        newest = stores.links.newest_successor(start.id)
        assert newest is not None
        assert newest.public_id == third.public_id
        assert [event.kind for event in newest.events] == ["created", "emailed"]


def test_a_new_link_and_its_first_event_are_one_statement_on_postgresql(database: Database, stores: Stores) -> None:
    """What a launch-link mint writes: on PostgreSQL one data-modifying WITH; the link as the transaction would
    have made it (column defaults included), its event beside it."""
    profile = a_profile(stores)
    engine = database.engine
    statements: list[str] = []

    def seen(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        link = stores.links.add_link(link_fields(profile), ["created"])
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    made = stores.links.link_with_events(profile.tenant_id, link.public_id)
    assert made is not None
    assert (made.id, made.uses, made.renewals, made.max_uses, made.sealed_payload) == (link.id, 0, 0, 1, b"sealed")
    assert [event.kind for event in made.events] == ["created"]
    if engine.dialect.name == "postgresql":
        assert len(statements) == 1
        assert " ".join(statements[0].split()).startswith("WITH new_link AS (INSERT INTO launch_links")


@pytest.mark.parametrize("database", ["postgres"], indirect=True)
def test_a_link_whose_event_fails_is_not_made(stores: Stores) -> None:
    """The one statement is one transaction: an event the database refuses (a kind longer than its column)
    leaves no link behind."""
    profile = a_profile(stores)
    with pytest.raises(DataError):
        stores.links.add_link(link_fields(profile), ["k" * 21])
    assert _links(stores) == []
