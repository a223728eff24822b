"""`GET /` (HTML for browsers, JSON for API clients) and `GET /docs` (Swagger UI, every file served by the broker)."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from service.docs.views import ASSETS
from tests.support.api import BROKER_URL, problem

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def test_a_browser_gets_the_index_page(client: FlaskClient) -> None:
    response = client.get("/", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert "Accept" in response.vary
    html = response.get_data(as_text=True)
    for href in (
        'href="/docs"',
        'href="/problems"',
        'href="/openapi.yaml"',
        f'href="{BROKER_URL}/.well-known/jwks.json"',
    ):
        assert href in html
    assert f"{BROKER_URL}/healthz" in html
    csp = response.headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'none'; style-src 'nonce-")
    assert "script-src" not in csp


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", "application/json, text/html;q=0.5"])
def test_an_api_client_gets_the_json_index(client: FlaskClient, accept: str | None) -> None:
    response = client.get("/", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "Accept" in response.vary
    body = response.get_json()
    assert body["docs"] == f"{BROKER_URL}/docs"
    assert body["jwks"] == f"{BROKER_URL}/.well-known/jwks.json"
    assert body["problems"] == f"{BROKER_URL}/problems"
    assert body["generateJWT"] == f"{BROKER_URL}/api/v1/generateJWT"


def test_docs_load_only_the_brokers_own_files(client: FlaskClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/docs/assets/swagger-ui-bundle.js" in sources
    assert "/docs/assets/swagger-ui.css" in sources
    # Nothing from another host: every script, style sheet and link is on this broker.
    assert [source for source in sources if re.match(r"^(https?:)?//", source)] == []
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp
    assert "connect-src 'self';" in csp
    assert "frame-ancestors 'none'" in csp
    assert 'data-spec="/openapi.json"' in html


def test_the_reference_points_to_the_generated_clients(client: FlaskClient) -> None:
    description = client.get("/openapi.json").get_json()["info"]["description"]
    assert "## Typed clients" in description
    assert "`clients/python`" in description
    assert "`clients/typescript`" in description


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_every_asset_is_served_and_revalidated(client: FlaskClient, name: str) -> None:
    response = client.get(f"/docs/assets/{name}")
    assert response.status_code == 200
    assert response.mimetype == ASSETS[name][1]
    assert len(response.get_data()) > 100
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    again = client.get(f"/docs/assets/{name}", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_the_docs_script_sends_nothing_to_an_outside_validator(client: FlaskClient) -> None:
    script = client.get("/docs/assets/docs.js").get_data(as_text=True)
    assert "validatorUrl: null" in script


@pytest.mark.parametrize("name", ["swagger-ui-bundle.js.map", "../app.py", "index.html", "x" * 300])
def test_other_asset_names_are_404_problems(client: FlaskClient, name: str) -> None:
    body = problem(client.get(f"/docs/assets/{name}"), 404, "not_found")
    if "/" not in name:  # a path with a slash names no asset route at all
        assert "swagger-ui.css" in body["detail"]


def test_docs_with_a_slash_redirects_to_docs(client: FlaskClient) -> None:
    response = client.get("/docs/")
    assert response.status_code == 308
    assert response.headers["Location"] == "/docs"
    assert client.get("/docs/", follow_redirects=True).request.path == "/docs"
    # /docs itself is the page, not a redirect to /docs/.
    assert client.get("/docs").status_code == 200


def test_the_index_says_bubble_imports_curl_not_the_contract(client: FlaskClient) -> None:
    html = client.get("/", headers={"Accept": BROWSER_ACCEPT}).get_data(as_text=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "Bubble's API Connector does not import it: paste a curl into its Import another call from cURL" in text
    assert "code generators and Bubble's API Connector" not in text
