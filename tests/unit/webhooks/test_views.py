"""Webhook endpoints over HTTP (scope webhooks:admin): register, list, show, delete, rotate the secret, deliveries,
redeliver, the events list; problem+json for every refusal."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from service.apikeys.issuing import create_api_key
from service.wiring import Services, dispatcher
from tests.support.api import bearer, generate, problem
from tests.support.links import link_path
from tests.support.privacy import WATCH
from tests.support.webhooks import Receiver, register

API = "/api/v1/webhooks"


def _admin(client: FlaskClient, creds: dict[str, Any], method: str, path: str, **kwargs: Any) -> Any:
    return client.open(path, method=method, headers=bearer(creds["adminApiKey"]), **kwargs)


def test_webhooks_need_the_webhooks_admin_scope(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(client.get(API, headers=bearer(creds["apiKey"])), 403, "insufficient_scope")
    assert "webhooks:admin" in body["detail"]
    problem(
        client.post(API, json={"url": "https://x.example"}, headers=bearer(creds["apiKey"])), 403, "insufficient_scope"
    )
    problem(client.get(API), 401, "unauthorized")


def test_register_shows_the_secret_once_and_never_again(client: FlaskClient, creds: dict[str, Any]) -> None:
    created = register(client, creds, "http://127.0.0.1:9/hooks", ["link.used"], description="Bubble")
    assert created["id"].startswith("we_")
    assert created["secret"].startswith("whsec_")
    assert (created["events"], created["state"], created["description"]) == (["link.used"], "enabled", "Bubble")
    listed = _admin(client, creds, "GET", API)
    assert listed.status_code == 200
    assert listed.headers["Cache-Control"] == "no-store"
    (endpoint,) = listed.get_json()["webhooks"]
    assert "secret" not in endpoint
    assert endpoint == {key: value for key, value in created.items() if key != "secret"}
    shown = _admin(client, creds, "GET", f"{API}/{created['id']}").get_json()
    assert shown == endpoint
    assert created["secret"] not in _admin(client, creds, "GET", API).get_data(as_text=True)


def test_every_event_type_without_events(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert register(client, creds, "https://hooks.example.com/x")["events"] is None


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"url": "http://hooks.example.com/x"}, "webhook_url_not_allowed", "url"),
        ({"url": "ftp://hooks.example.com/x"}, "webhook_url_not_allowed", "url"),
        ({"url": "https://user:pw@hooks.example.com/x"}, "webhook_url_not_allowed", "url"),
        ({"url": "https://hooks.example.com/x#frag"}, "webhook_url_not_allowed", "url"),
        ({"url": "https://hooks.example.com:99999/"}, "webhook_url_not_allowed", "url"),
        ({"url": "https://"}, "webhook_url_not_allowed", "url"),
        ({"url": "https://x.example", "events": ["link.exploded"]}, "validation_failed", "events.0"),
        ({"url": "https://x.example", "events": []}, "validation_failed", "events"),
        ({"url": "https://x.example", "events": ["link.used", "link.used"]}, "validation_failed", "events"),
        ({"url": "https://x.example", "description": "a\nb"}, "validation_failed", "description"),
        ({"url": "https://x.example", "secret": "whsec_mine"}, "validation_failed", "secret"),
        ({"events": ["link.used"]}, "validation_failed", "url"),
        ({"url": 5}, "validation_failed", "url"),
        (["https://x.example"], "validation_failed", "_body"),
    ],
)
def test_bad_registrations_are_422_naming_the_field(
    client: FlaskClient, creds: dict[str, Any], body: Any, code: str, field: str
) -> None:
    answer = problem(_admin(client, creds, "POST", API, json=body), 422, code)
    assert field in answer["errors"]


def test_a_registration_needs_a_json_body(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(_admin(client, creds, "POST", API, data="url=x"), 415, "unsupported_media_type")
    problem(_admin(client, creds, "POST", API, data="{", content_type="application/json"), 400, "malformed_json")


@pytest.mark.settings(WEBHOOK_MAX_ENDPOINTS="2")
def test_a_tenant_has_at_most_max_endpoints(client: FlaskClient, creds: dict[str, Any]) -> None:
    register(client, creds, "https://a.example/x")
    register(client, creds, "https://b.example/x")
    answer = problem(_admin(client, creds, "POST", API, json={"url": "https://c.example/x"}), 422, "validation_failed")
    assert "the most it may have" in answer["errors"]["url"][0]


def test_delete_and_unknown_ids(client: FlaskClient, creds: dict[str, Any]) -> None:
    created = register(client, creds, "https://a.example/x")
    deleted = _admin(client, creds, "DELETE", f"{API}/{created['id']}")
    assert deleted.status_code == 204
    assert deleted.get_data() == b""
    for method, path in [
        ("GET", f"{API}/{created['id']}"),
        ("DELETE", f"{API}/{created['id']}"),
        ("POST", f"{API}/{created['id']}/rotate-secret"),
        ("GET", f"{API}/{created['id']}/deliveries"),
        ("POST", f"{API}/{created['id']}/deliveries/dlv_x/redeliver"),
    ]:
        problem(_admin(client, creds, method, path), 404, "webhook_not_found")


def test_another_tenants_endpoint_is_not_found(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    created = register(client, creds, "https://a.example/x")
    svc.stores.tenants.create_tenant("other")
    other_key = create_api_key(svc, "other", ["webhooks:admin"], "other-admin")
    WATCH.watch(other_key)
    problem(client.get(f"{API}/{created['id']}", headers=bearer(other_key)), 404, "webhook_not_found")
    assert client.get(API, headers=bearer(other_key)).get_json() == {"webhooks": []}


def test_rotate_secret_returns_a_new_secret_and_the_overlap(client: FlaskClient, creds: dict[str, Any]) -> None:
    created = register(client, creds, "https://a.example/x")
    rotated = _admin(client, creds, "POST", f"{API}/{created['id']}/rotate-secret")
    assert rotated.status_code == 200
    body = rotated.get_json()
    WATCH.watch(body["secret"])
    assert body["secret"] != created["secret"]
    assert body["previousSecretExpiresAt"] is not None


@pytest.mark.parametrize("limit", ["0", "201", "x", "-1"])
def test_list_limits_are_checked(client: FlaskClient, creds: dict[str, Any], limit: str) -> None:
    created = register(client, creds, "https://a.example/x")
    problem(_admin(client, creds, "GET", f"{API}/{created['id']}/deliveries?limit={limit}"), 422, "validation_failed")
    problem(_admin(client, creds, "GET", f"{API}/events?limit={limit}"), 422, "validation_failed")


def test_deliveries_events_and_redeliver(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    receiver = Receiver()
    created = register(client, creds, receiver.url, ["link.created"])
    made = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey").get_json()
    link_path(made)
    (delivery,) = _admin(client, creds, "GET", f"{API}/{created['id']}/deliveries").get_json()["deliveries"]
    assert (delivery["type"], delivery["state"], delivery["attempts"]) == ("link.created", "pending", 0)
    (event,) = _admin(client, creds, "GET", f"{API}/events").get_json()["events"]
    assert event["id"] == delivery["eventId"]
    assert event["data"]["linkId"] == made["linkId"]
    with receiver.serving():
        assert dispatcher(svc).run_once() == 1
    (delivery,) = _admin(client, creds, "GET", f"{API}/{created['id']}/deliveries").get_json()["deliveries"]
    assert (delivery["state"], delivery["attempts"], delivery["lastStatus"]) == ("delivered", 1, 204)
    assert delivery["nextAttemptAt"] is None
    again = _admin(client, creds, "POST", f"{API}/{created['id']}/deliveries/{delivery['id']}/redeliver")
    assert again.status_code == 202
    assert again.get_json()["eventId"] == delivery["eventId"]
    assert again.get_json()["state"] == "pending"
    with receiver.serving():
        assert dispatcher(svc).run_once() == 1
    assert receiver.ids() == [delivery["eventId"], delivery["eventId"]]
    assert [body["type"] for body in receiver.verified(created["secret"])] == ["link.created", "link.created"]
    problem(
        _admin(client, creds, "POST", f"{API}/{created['id']}/deliveries/dlv_nope/redeliver"), 404, "delivery_not_found"
    )


PRODUCTION = {
    "BROKER_ENV": "production",
    "SUBJECT_HASH_KEY": "subject-hash-key-for-the-production-test-0123",
    "SERVER_SECRET": "server-secret-for-the-production-test-0123456",
    "PUBLIC_BASE_URL": "https://broker.example.com",
}


@pytest.mark.settings(**PRODUCTION)
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hooks",
        "https://127.0.0.1/hooks",
        "https://localhost/hooks",
        "https://10.0.0.7/hooks",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/hooks",
        "https://[::ffff:192.168.1.1]/hooks",
        "https://hooks.invalid/x",  # does not resolve
    ],
)
def test_in_production_internal_targets_are_refused_at_registration(
    client: FlaskClient, creds: dict[str, Any], url: str
) -> None:
    answer = problem(_admin(client, creds, "POST", API, json={"url": url}), 422, "webhook_url_not_allowed")
    assert answer["errors"]["url"]
