"""The transactional outbox: each link change writes its webhook event in its own transaction (both or neither),
only for tenants with an endpoint for the type, with ids and states only."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from service.links import store as link_store_module
from service.links.launch_links import LinkState
from service.webhooks.models import WebhookDelivery, WebhookEvent
from service.wiring import Services
from tests.support.api import bearer, generate
from tests.support.apps import build_app
from tests.support.links import FROM_ITS_PAGE, launch_links, link_path
from tests.support.links import admin_link as _link
from tests.support.privacy import SEED_PERSONAL_DATA, WATCH, database_dump
from tests.support.smtp import Collector
from tests.support.webhooks import register

MEMBER = "babyyoda@galaxy.com"


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from=broker@tatooine.test"}


def _events(svc: Services) -> list[WebhookEvent]:
    with svc.db.session() as session:
        return list(session.scalars(select(WebhookEvent).order_by(WebhookEvent.id)))


def _deliveries(svc: Services) -> list[WebhookDelivery]:
    with svc.db.session() as session:
        return list(session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def test_a_tenant_without_endpoints_gets_no_outbox_rows(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    answer = _link(client, creds)
    assert client.post(link_path(answer), headers=FROM_ITS_PAGE).status_code in (200, 303)
    assert _events(svc) == []


def test_each_link_change_writes_its_event_with_ids_and_states_only(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    endpoint = register(client, creds, "https://hooks.example.com/x")
    answer = _link(client, creds, email={"to": MEMBER, "companyName": "Tatooine"})
    used = client.post(link_path(answer), headers=FROM_ITS_PAGE)
    assert used.status_code in (200, 303)
    other = _link(client, creds)
    client.post(f"/api/v1/links/{other['linkId']}/revoke", headers=bearer(creds["adminApiKey"]))
    replacement = _link(client, creds, replaces=answer["linkId"])  # a used link is revoked too
    events = [(event.type, event.data) for event in _events(svc)]
    request_id = answer["requestId"]
    main = {"profile": "exorlive-main", "livemode": True}
    assert events == [
        ("link.created", {"linkId": answer["linkId"], **main, "state": "usable", "requestId": request_id}),
        ("link.emailed", {"linkId": answer["linkId"], **main, "state": "usable", "requestId": request_id}),
        ("link.used", {"linkId": answer["linkId"], **main, "state": "used", "requestId": events[2][1]["requestId"]}),
        ("link.created", {"linkId": other["linkId"], **main, "state": "usable", "requestId": other["requestId"]}),
        (
            "link.revoked",
            {"linkId": other["linkId"], **main, "state": "revoked", "requestId": events[4][1]["requestId"]},
        ),
        ("link.created", {**events[5][1], "linkId": replacement["linkId"]}),
        ("link.revoked", {**events[6][1], "linkId": answer["linkId"], "replacedBy": replacement["linkId"]}),
    ]
    assert events[6][1]["state"] == "revoked"
    endpoint_id = svc.stores.webhooks.webhook_endpoint(None, endpoint["id"]).id  # type: ignore[union-attr]
    assert {delivery.endpoint_id for delivery in _deliveries(svc)} == {endpoint_id}
    assert len(_deliveries(svc)) == len(events)
    dump = database_dump(svc.db.engine)
    assert not [value for value in SEED_PERSONAL_DATA if value in dump.split("webhook_events", 1)[-1]]


def test_replacing_a_live_link_announces_its_revocation(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    register(client, creds, "https://hooks.example.com/x", ["link.revoked"])
    old = _link(client, creds)
    new = _link(client, creds, replaces=old["linkId"])
    ((event_type, data),) = [(event.type, event.data) for event in _events(svc)]
    assert (event_type, data["linkId"], data["replacedBy"], data["state"]) == (
        "link.revoked",
        old["linkId"],
        new["linkId"],
        "revoked",
    )


def test_only_subscribed_types_are_written(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    register(client, creds, "https://hooks.example.com/x", ["link.used"])
    answer = _link(client, creds)
    assert _events(svc) == []
    client.post(link_path(answer), headers=FROM_ITS_PAGE)
    assert [event.type for event in _events(svc)] == ["link.used"]


def test_a_use_and_its_event_commit_together_or_not_at_all(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(client, creds, "https://hooks.example.com/x", ["link.used"])
    answer = _link(client, creds)

    def broken(*_: Any) -> None:
        raise RuntimeError("the outbox insert failed")

    (link,) = launch_links(svc)
    monkeypatch.setattr(link_store_module, "add_outbox", broken)
    with pytest.raises(RuntimeError):
        svc.links.consume(link, svc.stores.profiles.profile_by_id(link.profile_id))
    monkeypatch.undo()
    (link,) = launch_links(svc)
    assert (link.uses, svc.links.state(link_path(answer).rsplit("/", 1)[1])) == (0, LinkState.USABLE)
    assert _events(svc) == []


def test_a_use_given_back_withdraws_its_unsent_event(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    register(client, creds, "https://hooks.example.com/x", ["link.used"])
    _link(client, creds)
    (link,) = launch_links(svc)
    used = svc.links.consume(link, svc.stores.profiles.profile_by_id(link.profile_id), "req-1")
    assert used is not None
    assert used.event_id is not None
    assert [event.type for event in _events(svc)] == ["link.used"]
    svc.links.release(used)
    assert _events(svc) == []
    assert launch_links(svc)[0].uses == 0


def test_an_email_failure_announces_the_failure_and_the_revocation(
    client: FlaskClient, creds: dict[str, Any], svc: Services, inbox: tuple[Collector, int]
) -> None:
    register(client, creds, "https://hooks.example.com/x")
    inbox[0].refuse_data = "554 5.7.1 rejected"
    response = generate(
        client, creds, "exorlive-main", key="adminApiKey", expireIn=120, email={"to": MEMBER, "companyName": "T"}
    )
    assert response.status_code == 502
    assert [event.type for event in _events(svc)] == ["link.created", "link.email_failed", "link.revoked"]
    assert {event.data["state"] for event in _events(svc)[1:]} <= {"usable", "revoked"}


def test_an_endpoint_deleted_through_another_worker_does_not_fail_the_change(
    client: FlaskClient, creds: dict[str, Any], config: dict[str, Any]
) -> None:
    """Another worker's cached routes still name the deleted endpoint: its change goes through without it."""
    admin_key = bearer(creds["adminApiKey"])
    other = build_app(config).test_client()  # a second worker on the same database
    made = client.post("/api/v1/webhooks", json={"url": "http://127.0.0.1:9/hooks"}, headers=admin_key)
    assert made.status_code == 201, made.get_json()
    WATCH.watch(made.get_json()["secret"])
    first = generate(other, creds, "generic", key="adminApiKey", qr=True)  # caches the tenant's routes
    assert first.status_code == 200
    link_path(first.get_json())
    assert client.delete(f"/api/v1/webhooks/{made.get_json()['id']}", headers=admin_key).status_code == 204
    again = generate(other, creds, "generic", key="adminApiKey", qr=True)
    assert again.status_code == 200, again.get_json()
    link_path(again.get_json())
