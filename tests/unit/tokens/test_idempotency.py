"""Idempotency-Key on generateJWT: a replay of the first response, 422 for another body, 409 while it runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.links.models import LaunchLink
from service.tokens.models import IdempotencyRecord
from service.wiring import Services
from tests.support.api import bearer, problem
from tests.support.privacy import WATCH


# --- idempotency ---------------------------------------------------------------------------------
def _idempotent(client: FlaskClient, creds: dict[str, Any], key: str, **body: Any) -> Any:
    body.setdefault("profileKey", creds["profiles"]["exorlive-main"])
    body.setdefault("payload", {"organizationId": "o", "organizationName": "O", "employeeId": "e",
                                "employeeFirstname": "A", "employeeLastname": "B",
                                "contact": {"id": "c", "firstname": "C", "lastname": "D"}})  # fmt: skip
    headers = {**bearer(creds["adminApiKey"]), "Idempotency-Key": key}
    response = client.post("/api/v1/generateJWT", json=body, headers=headers)
    if response.status_code == 200:
        WATCH.watch(response.get_json()["token"], response.get_json()["url"].rsplit("/", 1)[1])
    return response


def test_the_same_key_and_body_return_the_first_response(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    first = _idempotent(client, creds, "order-42", expireIn=60)
    second = _idempotent(client, creds, "order-42", expireIn=60)
    assert first.status_code == second.status_code == 200
    assert second.get_json() == first.get_json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    with svc.db.session() as session:
        assert session.query(LaunchLink).count() == 1
        record = session.query(IdempotencyRecord).one()
        assert "order-42" not in record.key_hash
        assert first.get_json()["token"].encode() not in (record.sealed_response or b"")


def test_the_same_key_with_another_body_is_422(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert _idempotent(client, creds, "k-1", expireIn=60).status_code == 200
    problem(_idempotent(client, creds, "k-1", expireIn=61), 422, "idempotency_key_reused")


def test_keys_are_per_tenant_and_expire_after_24_hours(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    first = _idempotent(client, creds, "k-2").get_json()
    with svc.db.session() as session:
        session.query(IdempotencyRecord).update({"created_at": dt.datetime.now(dt.UTC) - dt.timedelta(hours=25)})
    again = _idempotent(client, creds, "k-2")
    assert again.status_code == 200
    assert again.get_json()["token"] != first["token"]
    assert "Idempotent-Replayed" not in again.headers


def test_the_same_key_while_the_first_runs_is_409(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    from service.tokens.idempotency import fingerprint

    body = {"profileKey": creds["profiles"]["generic"], "payload": {"a": 1}}
    claim = svc.idempotency.begin(1, "k-3", fingerprint(body, None))
    headers = {**bearer(creds["apiKey"]), "Idempotency-Key": "k-3"}
    response = client.post("/api/v1/generateJWT", json=body, headers=headers)
    problem(response, 409, "idempotency_in_progress")
    assert response.headers["Retry-After"] == "1"
    svc.idempotency.abandon(claim)  # type: ignore[arg-type]
    assert client.post("/api/v1/generateJWT", json=body, headers=headers).status_code == 200


def test_a_failed_request_frees_its_key(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(_idempotent(client, creds, "k-4", payload={"iss": "x"}), 422, "validation_failed")
    assert _idempotent(client, creds, "k-4").status_code == 200


@pytest.mark.parametrize("key", ["", "a" * 256, "bad key", "ключ"])
def test_malformed_idempotency_keys_are_400(client: FlaskClient, creds: dict[str, Any], key: str) -> None:
    body = {"profileKey": creds["profiles"]["generic"], "payload": {}}
    headers = {**bearer(creds["apiKey"]), "Idempotency-Key": key}
    problem(client.post("/api/v1/generateJWT", json=body, headers=headers), 400, "bad_request")
