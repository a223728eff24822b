"""Launch links in tests: the path of a link generateJWT answered, its secret, the stored rows, a use from its page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask.testing import FlaskClient

from service.links.models import LaunchLink
from service.wiring import Services
from tests.support.api import BROKER_URL, generate
from tests.support.privacy import WATCH

# What a browser sends when the link's own page posts its form: the broker accepts a use only from there.
FROM_ITS_PAGE = {"Sec-Fetch-Site": "same-origin"}


def link_path(body: dict[str, Any]) -> str:
    """The path of the broker's launch link in a generateJWT answer; its secret joins the privacy watch."""
    url = body["url"]
    assert url.startswith(f"{BROKER_URL}/l/")
    WATCH.watch(url.rsplit("/", 1)[1])
    return urlsplit(url).path


def admin_link(client: FlaskClient, creds: dict[str, Any], **body: Any) -> dict[str, Any]:
    """A two-hour launch link of the exorlive-main profile, made with the admin key (every scope); its answer."""
    response = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey", **body)
    assert response.status_code == 200, response.get_json()
    answer: dict[str, Any] = response.get_json()
    link_path(answer)
    return answer


def secret_of(path: str) -> str:
    return path.rsplit("/", 1)[1]


def launch_links(svc: Services) -> list[LaunchLink]:
    """Every launch link in the broker's database."""
    with svc.db.session() as session:
        return list(session.query(LaunchLink).all())
