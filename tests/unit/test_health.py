"""Readiness: the database and every keyset, without secrets; a broker without keysets is not ready."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient


def test_readiness_reports_the_database_and_keysets_without_secrets(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ready"
    assert body["database"] == "ok"
    entry = body["keysets"]["dev-es256"]
    assert entry["usable"] is True
    assert len(entry["kids"]) == 1
    assert "BEGIN" not in response.get_data(as_text=True)
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_a_broker_without_keysets_is_not_ready(client: FlaskClient) -> None:
    assert client.get("/readyz").status_code == 503
