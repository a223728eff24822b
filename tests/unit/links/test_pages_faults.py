"""A launch link's pages answer a database failure with a page people can read, never with JSON."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from service.links.launch_links import LinkState
from service.wiring import Services
from tests.support.api import generate
from tests.support.faults import lost_connection
from tests.support.links import FROM_ITS_PAGE, link_path, secret_of


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_database_failure_is_a_503_page_and_the_link_still_works(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    path = link_path(generate(client, creds, "generic", key="adminApiKey", expireIn=60).get_json())
    with monkeypatch.context() as patch:
        patch.setattr(svc.stores.links, "link_by_hash", lost_connection)
        response = client.open(path, method=method, headers=FROM_ITS_PAGE)
    assert response.status_code == 503
    assert response.mimetype == "text/html"
    assert response.headers["Retry-After"]
    page = response.get_data(as_text=True)
    assert "We could not sign you in right now" in page
    assert 'data-state="unavailable"' in page
    assert "server closed" not in page
    assert svc.links.state(secret_of(path)) is LinkState.USABLE
    assert client.post(path, headers=FROM_ITS_PAGE).status_code == 303
