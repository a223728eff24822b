"""Scopes, Idempotency-Key, and link administration over HTTP and in the CLI."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.db.models import IdempotencyRecord, LaunchLink
from service.wiring import Services
from tests.support.api import bearer, generate, problem
from tests.support.privacy import WATCH


def _admin_get(client: FlaskClient, creds: dict[str, Any], path: str, key: str = "adminApiKey") -> Any:
    return client.get(path, headers=bearer(creds[key]))


# --- scopes --------------------------------------------------------------------------------------
def test_a_url_outliving_the_token_needs_links_long(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(generate(client, creds, "generic", expireIn=6), 403, "insufficient_scope")
    assert "links:long" in body["detail"]
    assert generate(client, creds, "generic", expireIn=5).status_code == 200
    assert generate(client, creds, "generic", expireIn=6, key="adminApiKey").status_code == 200


def test_link_administration_needs_links_admin(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(_admin_get(client, creds, "/api/v1/links", key="apiKey"), 403, "insufficient_scope")
    assert "links:admin" in body["detail"]
    problem(client.post("/api/v1/links/x/revoke", headers=bearer(creds["apiKey"])), 403, "insufficient_scope")
    problem(client.get("/api/v1/links"), 401, "unauthorized")


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
    with svc.store.session() as session:
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
    with svc.store.session() as session:
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


# --- link administration -------------------------------------------------------------------------
def test_list_shows_links_without_secret_or_payload(client: FlaskClient, creds: dict[str, Any]) -> None:
    made = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey").get_json()
    generate(client, creds, "generic")  # a direct query URL: no link
    secret = made["url"].rsplit("/", 1)[1]
    WATCH.watch(secret)
    response = _admin_get(client, creds, "/api/v1/links")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    (link,) = response.get_json()["links"]
    assert set(link) == {"id", "profile", "createdAt", "expiresAt", "usesLeft", "state", "recipient"}
    assert (link["profile"], link["usesLeft"], link["state"], link["recipient"]) == ("exorlive-main", 1, "usable", None)
    assert link["expiresAt"] == made["expiresAt"]
    text = response.get_data(as_text=True)
    assert secret not in text
    assert "Yoda" not in text


def test_revoke_over_http_shows_the_revoked_page(client: FlaskClient, creds: dict[str, Any]) -> None:
    url = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey").get_json()["url"]
    WATCH.watch(url.rsplit("/", 1)[1])
    (link,) = _admin_get(client, creds, "/api/v1/links").get_json()["links"]
    revoked = client.post(f"/api/v1/links/{link['id']}/revoke", headers=bearer(creds["adminApiKey"]))
    assert revoked.status_code == 200
    assert revoked.get_json()["state"] == "revoked"
    page = client.post(urlsplit(url).path)
    assert page.status_code == 410
    assert 'data-state="revoked"' in page.get_data(as_text=True)
    states = [row["state"] for row in _admin_get(client, creds, "/api/v1/links?state=revoked").get_json()["links"]]
    assert states == ["revoked"]
    assert _admin_get(client, creds, "/api/v1/links?state=usable").get_json()["links"] == []


def test_revoking_an_unknown_or_foreign_link_is_404(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    problem(client.post("/api/v1/links/nope/revoke", headers=bearer(creds["adminApiKey"])), 404, "link_not_found")


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "limit=x", "state=gone"])
def test_bad_list_queries_are_422(client: FlaskClient, creds: dict[str, Any], query: str) -> None:
    problem(_admin_get(client, creds, f"/api/v1/links?{query}"), 422, "validation_failed")


def test_cli_lists_revokes_and_purges(app: Flask, client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    runner = app.test_cli_runner()
    used = generate(client, creds, "exorlive-main").get_json()["url"]
    kept = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey").get_json()["url"]
    WATCH.watch(used.rsplit("/", 1)[1], kept.rsplit("/", 1)[1])
    client.post(urlsplit(used).path)
    listed = [json.loads(line) for line in runner.invoke(args=["links", "list", "--tenant", "dev"]).stdout.splitlines()]
    assert sorted(link["state"] for link in listed) == ["usable", "used"]
    purged = json.loads(runner.invoke(args=["links", "purge"]).stdout.splitlines()[-1])
    assert purged["linksPurged"] == 1
    with svc.store.session() as session:
        sealed = {row.uses: row.sealed_payload for row in session.query(LaunchLink)}
    assert sealed[1] is None
    assert sealed[0] is not None
    usable = next(link for link in listed if link["state"] == "usable")
    result = runner.invoke(args=["links", "revoke", usable["id"]])
    assert json.loads(result.stdout.splitlines()[-1])["state"] == "revoked"
    assert json.loads(runner.invoke(args=["links", "purge"]).stdout.splitlines()[-1])["linksPurged"] == 1
    assert client.get(urlsplit(kept).path).status_code == 410
