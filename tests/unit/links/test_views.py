"""Link administration over HTTP (scope links:admin): list a tenant's launch links, revoke one."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from service.wiring import Services
from tests.support.api import bearer, generate, problem
from tests.support.links import FROM_ITS_PAGE
from tests.support.privacy import WATCH


def _admin_get(client: FlaskClient, creds: dict[str, Any], path: str, key: str = "adminApiKey") -> Any:
    return client.get(path, headers=bearer(creds[key]))


def test_link_administration_needs_links_admin(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(_admin_get(client, creds, "/api/v1/links", key="apiKey"), 403, "insufficient_scope")
    assert "links:admin" in body["detail"]
    problem(client.post("/api/v1/links/x/revoke", headers=bearer(creds["apiKey"])), 403, "insufficient_scope")
    problem(client.get("/api/v1/links"), 401, "unauthorized")


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
    assert set(link) == {"id", "profile", "createdAt", "expiresAt", "usesLeft", "state", "recipient", "livemode"}
    assert (link["profile"], link["usesLeft"], link["state"], link["recipient"]) == ("exorlive-main", 1, "usable", None)
    assert link["livemode"] is True
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
    page = client.post(urlsplit(url).path, headers=FROM_ITS_PAGE)
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
