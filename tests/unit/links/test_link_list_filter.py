"""GET /api/v1/links?state=…: the state is filtered in the database, before the limit."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.support.api import bearer, generate
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE
from tests.support.privacy import WATCH


def _link(client: FlaskClient, creds: dict[str, Any], minutes: int = 60) -> str:
    response = generate(client, creds, "generic", key="adminApiKey", expireIn=minutes)
    assert response.status_code == 200, response.get_data(as_text=True)
    url = response.get_json()["url"]
    WATCH.watch(url.rsplit("/", 1)[1])
    return str(url)


def _listed(client: FlaskClient, creds: dict[str, Any], query: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/links?{query}", headers=bearer(creds["adminApiKey"]))
    assert response.status_code == 200, response.get_data(as_text=True)
    return list(response.get_json()["links"])


def test_usable_links_older_than_the_limit_are_found(client: FlaskClient, creds: dict[str, Any]) -> None:
    for _ in range(3):
        _link(client, creds)
    newest = [_link(client, creds) for _ in range(10)]
    for link in _listed(client, creds, "limit=10"):
        response = client.post(f"/api/v1/links/{link['id']}/revoke", headers=bearer(creds["adminApiKey"]))
        assert response.status_code == 200
    assert len(newest) == 10

    usable = _listed(client, creds, "state=usable&limit=10")
    assert [link["state"] for link in usable] == ["usable"] * 3
    revoked = _listed(client, creds, "state=revoked&limit=4")
    assert [link["state"] for link in revoked] == ["revoked"] * 4
    assert len(_listed(client, creds, "limit=50")) == 13


def test_each_state_filter_agrees_with_the_state_shown(
    client: FlaskClient, creds: dict[str, Any], clock: Clock
) -> None:
    short = _link(client, creds, minutes=6)
    used = _link(client, creds)
    _link(client, creds)  # stays usable
    _link(client, creds)
    revoked = _listed(client, creds, "limit=1")[0]  # the newest
    client.post(f"/api/v1/links/{revoked['id']}/revoke", headers=bearer(creds["adminApiKey"]))
    assert client.post(urlpath(used), headers=FROM_ITS_PAGE).status_code in (200, 303)
    clock.advance(7 * 60)
    assert short
    every = {link["id"]: link["state"] for link in _listed(client, creds, "limit=50")}
    assert sorted(every.values()) == ["expired", "revoked", "usable", "used"]
    for state in ("usable", "expired", "used", "revoked"):
        filtered = _listed(client, creds, f"state={state}&limit=50")
        assert [link["id"] for link in filtered] == [i for i, s in every.items() if s == state]


def urlpath(url: str) -> str:
    return "/l/" + url.rsplit("/", 1)[1]
