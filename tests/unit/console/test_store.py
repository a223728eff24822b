"""ConsoleStore on SQLite and PostgreSQL: an account keeps an owner however its owners race each other."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from service.console.store import ConsoleStore
from service.wiring import Stores


def _owners(stores: Stores) -> tuple[int, int, int]:
    tenant = stores.tenants.create_tenant("clinic")
    first = stores.console.add_user(tenant.id, "cu_first", "a" * 64, b"sealed", "owner")
    second = stores.console.add_user(tenant.id, "cu_second", "b" * 64, b"sealed", "owner")
    return tenant.id, first.id, second.id


def _roles(store: ConsoleStore, tenant_id: int) -> list[str]:
    return [user.role for user in store.users_of_tenant(tenant_id)]


def test_of_two_owners_demoting_each_other_at_once_exactly_one_wins(stores: Stores) -> None:
    tenant_id, first, second = _owners(stores)
    with ThreadPoolExecutor(2) as pool:
        done = list(
            pool.map(
                lambda user_id: stores.console.change_keeping_an_owner(tenant_id, user_id, "viewer"), [first, second]
            )
        )
    assert sorted(done) == [False, True]
    assert sorted(_roles(stores.console, tenant_id)) == ["owner", "viewer"]


def test_of_two_owners_removing_each_other_at_once_exactly_one_wins(stores: Stores) -> None:
    tenant_id, first, second = _owners(stores)
    with ThreadPoolExecutor(2) as pool:
        done = list(
            pool.map(lambda user_id: stores.console.change_keeping_an_owner(tenant_id, user_id, None), [first, second])
        )
    assert sorted(done) == [False, True]
    assert _roles(stores.console, tenant_id) == ["owner"]


def test_the_last_owner_stays_but_others_change_freely(stores: Stores) -> None:
    tenant_id, first, second = _owners(stores)
    assert stores.console.change_keeping_an_owner(tenant_id, second, "admin")
    assert not stores.console.change_keeping_an_owner(tenant_id, first, "admin")
    assert not stores.console.change_keeping_an_owner(tenant_id, first, None)
    assert stores.console.change_keeping_an_owner(tenant_id, second, "viewer")
    assert stores.console.change_keeping_an_owner(tenant_id, first, "owner")  # an owner may stay one
    assert stores.console.change_keeping_an_owner(tenant_id, second, None)
    assert _roles(stores.console, tenant_id) == ["owner"]
