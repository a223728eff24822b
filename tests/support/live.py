"""A live broker for browser tests: minting over real HTTP, and the state of a link it made."""

from __future__ import annotations

from typing import Any

import requests

from service.links.launch_links import LinkState
from service.wiring import Services
from tests.support.api import SEED_PAYLOADS
from tests.support.privacy import WATCH


def mint(live: dict[str, Any], profile: str, *, key: str = "apiKey", **extra: Any) -> dict[str, Any]:
    """generateJWT over HTTP for a seeded profile; its token and link secret join the privacy watch."""
    creds = live["creds"]
    response = requests.post(
        f"{live['base']}/api/v1/generateJWT",
        json={"profileKey": creds["profiles"][profile], "payload": SEED_PAYLOADS[profile], **extra},
        headers={"Authorization": f"Bearer {creds[key]}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    WATCH.watch(body.get("token", ""), body["url"].rsplit("/", 1)[-1])
    return body


def link_state(live: dict[str, Any], url: str) -> LinkState:
    svc: Services = live["svc"]
    return svc.links.state(url.rsplit("/", 1)[1])
