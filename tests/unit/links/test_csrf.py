"""Login CSRF: a launch link is used only by a POST from its own page, never by one a hostile page sends."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from tests.support.api import generate
from tests.support.links import link_path
from tests.support.privacy import WATCH


def _link(client: FlaskClient, creds: dict[str, Any]) -> str:
    response = generate(client, creds, "generic", key="adminApiKey", expireIn=60)
    assert response.status_code == 200, response.get_data(as_text=True)
    return link_path(response.get_json())


def _form_token(page: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    assert match, page
    return match.group(1)


def _state(response: Any) -> str:
    match = re.search(r'data-state="([^"]+)"', response.get_data(as_text=True))
    return match.group(1) if match else ""


@pytest.mark.parametrize(
    "headers",
    [{}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}],
    ids=["no-headers", "origin-null", "cross-site", "same-site"],
)
def test_a_post_not_from_the_links_page_is_403_and_uses_nothing(
    client: FlaskClient, creds: dict[str, Any], headers: dict[str, str]
) -> None:
    path = _link(client, creds)
    refused = client.post(path, headers=headers)
    assert refused.status_code == 403
    assert _state(refused) == "cross_site"
    assert "Open the link" in refused.get_data(as_text=True)
    assert refused.headers["Cache-Control"] == "no-store"
    # The link was not used: its own page still works.
    assert client.post(path, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 303


def test_the_pages_form_token_with_its_cookie_uses_the_link(client: FlaskClient, creds: dict[str, Any]) -> None:
    path = _link(client, creds)
    page = client.get(path)
    cookie = page.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    token = _form_token(page.get_data(as_text=True))
    assert client.post(path, data={"csrf": token}).status_code == 303


def test_a_token_without_the_browsers_cookie_is_refused(app: Any, client: FlaskClient, creds: dict[str, Any]) -> None:
    path = _link(client, creds)
    # The attacker opens the link's page in their own browser and copies its form token.
    token = _form_token(app.test_client().get(path).get_data(as_text=True))
    # The victim's browser has no (or another) cookie for it.
    victim = app.test_client()
    assert victim.post(path, data={"csrf": token}).status_code == 403
    victim.get(path)
    assert victim.post(path, data={"csrf": token}).status_code == 403


def test_a_token_for_another_link_is_refused(client: FlaskClient, creds: dict[str, Any]) -> None:
    first, second = _link(client, creds), _link(client, creds)
    token = _form_token(client.get(first).get_data(as_text=True))
    client.get(second)
    assert client.post(second, data={"csrf": token}).status_code == 403


@pytest.mark.settings(PUBLIC_BASE_URL="https://broker.test")
def test_on_https_the_cookie_is_host_prefixed_and_secure(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = generate(client, creds, "generic", key="adminApiKey", expireIn=60)
    url = response.get_json()["url"]
    assert url.startswith("https://broker.test/l/")
    WATCH.watch(url.rsplit("/", 1)[1])
    path = urlsplit(url).path
    cookie = client.get(path, base_url="https://broker.test").headers["Set-Cookie"]
    assert cookie.startswith("__Host-launch=")
    assert "Secure" in cookie
    assert "Path=/" in cookie
    assert "Domain" not in cookie
