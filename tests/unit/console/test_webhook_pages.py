"""The console's Webhooks pages: endpoints, deliveries, redelivering (admins and owners), a new secret shown once."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from standardwebhooks import Webhook

from service.audit.models import AuditEvent
from service.console.users import Role
from service.dev import seed as devseed
from service.webhooks.models import WebhookEndpoint
from service.wiring import Services, dispatcher
from tests.support.api import generate
from tests.support.console import csrf_token
from tests.support.console_session import signed_in_as
from tests.support.privacy import WATCH
from tests.support.webhooks import Receiver, register

OWNER = devseed.DEV_CONSOLE_OWNER
VIEWER = "viewer@dev.example"
_SECRET = re.compile(r'data-testid="secret">(whsec_[^<]+)<')


def _dev_tenant(svc: Services) -> int:
    return svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id


def _endpoint_with_a_delivery(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> tuple[Receiver, dict[str, Any], str]:
    receiver = Receiver()
    created = register(client, creds, receiver.url, ["link.created"], description="Bubble app")
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    with receiver.serving():
        assert dispatcher(svc).run_once() == 1
    (delivery,) = svc.webhooks.deliveries(_dev_tenant(svc), created["id"], 10)
    return receiver, created, str(delivery["id"])


def _audit(svc: Services, action: str) -> list[AuditEvent]:
    assert svc.auditor.flush()
    with svc.db.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_an_admin_sees_the_deliveries_and_sends_one_again(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    receiver, created, delivery_id = _endpoint_with_a_delivery(client, svc, creds)
    signed_in_as(client, svc, _dev_tenant(svc), "admin@dev.example", Role.ADMIN)
    en = {"Accept-Language": "en"}
    listing = client.get("/console/webhooks", headers=en).get_data(as_text=True)
    assert f'data-endpoint-id="{created["id"]}"' in listing
    assert "Bubble app" in listing
    page = client.get(f"/console/webhooks/{created['id']}", headers=en)
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'data-delivery-id="{delivery_id}"' in text
    assert "Delivered" in text
    assert "HTTP 204" in text
    assert created["secret"] not in text
    done = client.post(
        f"/console/webhooks/{created['id']}/deliveries/{delivery_id}/redeliver", data={"csrf_token": csrf_token(text)}
    )
    assert done.status_code == 303
    assert done.headers["Location"] == f"/console/webhooks/{created['id']}"
    deliveries = svc.webhooks.deliveries(_dev_tenant(svc), created["id"], 10)
    assert [d["state"] for d in deliveries] == ["pending", "delivered"]
    with receiver.serving():
        assert dispatcher(svc).run_once() == 1
    assert len(receiver.ids()) == 2
    (row,) = _audit(svc, "console.webhook.redelivered")
    assert (row.outcome, row.detail["webhook"], row.detail["delivery"]) == ("ok", created["id"], delivery_id)
    assert row.detail["consoleUser"].startswith("cu_")


def test_an_owner_rotates_the_secret_and_sees_it_once(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    receiver, created, _ = _endpoint_with_a_delivery(client, svc, creds)
    signed_in_as(client, svc, _dev_tenant(svc), OWNER, Role.OWNER)
    page = client.get(f"/console/webhooks/{created['id']}").get_data(as_text=True)
    answer = client.post(f"/console/webhooks/{created['id']}/rotate-secret", data={"csrf_token": csrf_token(page)})
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "no-store"
    text = answer.get_data(as_text=True)
    found = _SECRET.search(text)
    assert found
    secret = found.group(1)
    WATCH.watch(secret)
    assert secret != created["secret"]
    assert secret not in client.get(f"/console/webhooks/{created['id']}").get_data(as_text=True)
    # The new secret signs what is sent from now on.
    generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey")
    with receiver.serving():
        assert dispatcher(svc).run_once() == 1
    last = receiver.received[-1]
    assert Webhook(secret).verify(last.body, last.headers)["type"] == "link.created"
    (row,) = _audit(svc, "console.webhook.secret_rotated")
    assert row.detail["webhook"] == created["id"]
    assert secret not in str(row.detail)


def test_a_viewer_reads_but_changes_nothing(client: FlaskClient, svc: Services, creds: dict[str, Any]) -> None:
    _, created, delivery_id = _endpoint_with_a_delivery(client, svc, creds)
    signed_in_as(client, svc, _dev_tenant(svc), VIEWER, Role.VIEWER)
    page = client.get(f"/console/webhooks/{created['id']}").get_data(as_text=True)
    assert 'data-testid="redeliver"' not in page
    assert 'data-testid="rotate-secret"' not in page
    token = csrf_token(page)
    rotate = client.post(f"/console/webhooks/{created['id']}/rotate-secret", data={"csrf_token": token})
    assert rotate.status_code == 403
    assert "whsec_" not in rotate.get_data(as_text=True)
    again = client.post(
        f"/console/webhooks/{created['id']}/deliveries/{delivery_id}/redeliver", data={"csrf_token": token}
    )
    assert again.status_code == 403
    assert len(svc.webhooks.deliveries(_dev_tenant(svc), created["id"], 10)) == 1
    assert [row.outcome for row in _audit(svc, "console.webhook.secret_rotated")] == ["forbidden"]


def test_another_accounts_endpoint_odd_ids_and_missing_tokens(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    _, created, delivery_id = _endpoint_with_a_delivery(client, svc, creds)
    other = svc.stores.tenants.create_tenant("other", "Other Clinic")
    signed_in_as(client, svc, other.id, "owner@other.example", Role.OWNER)
    assert client.get("/console/webhooks").status_code == 200
    assert created["id"] not in client.get("/console/webhooks").get_data(as_text=True)
    page = client.get(f"/console/webhooks/{created['id']}")
    assert page.status_code == 404
    token = csrf_token(client.get("/console/webhooks").get_data(as_text=True))
    assert (
        client.post(f"/console/webhooks/{created['id']}/rotate-secret", data={"csrf_token": token}).status_code == 404
    )
    redeliver = f"/console/webhooks/{created['id']}/deliveries/{delivery_id}/redeliver"
    assert client.post(redeliver, data={"csrf_token": token}).status_code == 404
    for odd in ("we_%00", "x" * 5000, "%E2%80%AE", "we_" + "\u00e9" * 300):
        assert client.get(f"/console/webhooks/{odd}").status_code == 404, odd
        assert client.post(f"/console/webhooks/{odd}/rotate-secret", data={"csrf_token": token}).status_code == 404
    assert client.post(f"/console/webhooks/{created['id']}/rotate-secret").status_code == 400
    assert client.get(f"/console/webhooks/{created['id']}/rotate-secret").status_code == 405
    signed_in_as(client, svc, _dev_tenant(svc), OWNER, Role.OWNER)
    assert client.post(redeliver.replace(delivery_id, "dlv_%00"), data={"csrf_token": token}).status_code == 404


@pytest.mark.parametrize("path", ["/console/webhooks", "/console/webhooks/we_x"])
def test_signed_out_goes_to_sign_in(client: FlaskClient, creds: dict[str, Any], path: str) -> None:
    assert client.get(path).status_code == 303


def test_a_disabled_endpoint_is_a_409_page_and_sends_nothing(
    client: FlaskClient, svc: Services, creds: dict[str, Any]
) -> None:
    _, created, delivery_id = _endpoint_with_a_delivery(client, svc, creds)
    with svc.db.session() as session:
        endpoint = session.scalar(select(WebhookEndpoint).where(WebhookEndpoint.public_id == created["id"]))
        assert endpoint is not None
        endpoint.disabled_at = dt.datetime.now(dt.UTC)
    signed_in_as(client, svc, _dev_tenant(svc), OWNER, Role.OWNER)
    page = client.get(f"/console/webhooks/{created['id']}", headers={"Accept-Language": "nb"}).get_data(as_text=True)
    assert 'data-testid="redeliver"' not in page
    assert "Slått av" in page
    answer = client.post(
        f"/console/webhooks/{created['id']}/deliveries/{delivery_id}/redeliver",
        data={"csrf_token": csrf_token(page)},
        headers={"Accept-Language": "nb"},
    )
    assert answer.status_code == 409
    assert "Dette endepunktet er slått av" in answer.get_data(as_text=True)
    assert len(svc.webhooks.deliveries(_dev_tenant(svc), created["id"], 10)) == 1
