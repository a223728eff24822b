"""generateJWT under database faults: no key blocked for a day, no 500, no "ok" for an answer never given."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from service.audit.models import AuditEvent
from service.links.models import LaunchLink
from service.tokens.idempotency import fingerprint
from service.tokens.minting import NOT_DELIVERED
from service.wiring import Services
from tests.support.api import bearer, problem
from tests.support.clock import Clock
from tests.support.privacy import WATCH


def _lost_connection(*_: Any, **__: Any) -> None:
    raise OperationalError("UPDATE idempotency_records ...", {}, Exception("server closed the connection"))


def _outcomes(svc: Services) -> list[str]:
    assert svc.auditor.flush()
    with svc.db.session() as session:
        return [row.outcome for row in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def _link_body(creds: dict[str, Any]) -> dict[str, Any]:
    return {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}, "expireIn": 60}


@pytest.mark.parametrize(
    "lease",
    [
        pytest.param(60, id="default"),
        pytest.param(5, id="IDEMPOTENCY_LEASE_SECONDS", marks=pytest.mark.settings(IDEMPOTENCY_LEASE_SECONDS="5")),
    ],
)
def test_a_request_that_died_holding_its_key_frees_it_when_the_lease_ends(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock, lease: int
) -> None:
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}}
    # A request claimed the key, then its worker was killed: it never finished nor freed it.
    svc.idempotency.begin(1, "crashed-1", fingerprint(body, None))
    headers = {**bearer(creds["apiKey"]), "Idempotency-Key": "crashed-1"}
    blocked = problem(client.post("/api/v1/generateJWT", json=body, headers=headers), 409, "idempotency_in_progress")
    assert f"free again {lease} s after it started" in blocked["detail"]
    clock.advance(lease - 1)
    problem(client.post("/api/v1/generateJWT", json=body, headers=headers), 409, "idempotency_in_progress")
    clock.advance(2)
    taken_over = client.post("/api/v1/generateJWT", json=body, headers=headers)
    assert taken_over.status_code == 200, taken_over.get_data(as_text=True)
    WATCH.watch(taken_over.get_json()["token"])
    replay = client.post("/api/v1/generateJWT", json=body, headers=headers)
    assert replay.headers["Idempotent-Replayed"] == "true"


def test_when_the_answer_cannot_be_stored_the_key_is_freed_and_the_link_revoked(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = {**bearer(creds["adminApiKey"]), "Idempotency-Key": "finish-fails-1"}
    with monkeypatch.context() as patch:
        patch.setattr(svc.stores.idempotency, "finish_idempotency", _lost_connection)
        failed = client.post("/api/v1/generateJWT", json=_link_body(creds), headers=headers)
    problem(failed, 503, "database_unavailable")
    assert int(failed.headers["Retry-After"]) >= 1
    # The link made for the answer nobody received was revoked, and its audit row does not say "ok".
    with svc.db.session() as session:
        [made] = session.scalars(select(LaunchLink)).all()
    assert made.revoked_at is not None
    assert _outcomes(svc) == [NOT_DELIVERED]
    # The key was freed: the retry makes the link again and answers it.
    retry = client.post("/api/v1/generateJWT", json=_link_body(creds), headers=headers)
    assert retry.status_code == 200, retry.get_data(as_text=True)
    WATCH.watch(retry.get_json()["token"], retry.get_json()["url"].rsplit("/", 1)[1])
    assert _outcomes(svc) == [NOT_DELIVERED, "ok"]


def test_a_database_that_does_not_answer_is_503_with_retry_after(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(svc.stores.profiles, "profile_by_key", _lost_connection)
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}}
    response = client.post("/api/v1/generateJWT", json=body, headers=bearer(creds["apiKey"]))
    detail = problem(response, 503, "database_unavailable")["detail"]
    assert "Retry" in detail
    assert "server closed" not in response.get_data(as_text=True)
    assert int(response.headers["Retry-After"]) >= 1


def test_the_ok_row_is_written_only_for_an_answer_given(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    response = client.post("/api/v1/generateJWT", json=_link_body(creds), headers=bearer(creds["adminApiKey"]))
    assert response.status_code == 200
    WATCH.watch(response.get_json()["token"], response.get_json()["url"].rsplit("/", 1)[1])
    assert _outcomes(svc) == ["ok"]
