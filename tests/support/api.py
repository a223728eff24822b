"""Calling the broker's API in-process: the dev seed's payloads, the Bearer header, generateJWT, problem answers."""

from __future__ import annotations

import json
from typing import Any

from flask.testing import FlaskClient

from service.dev import seed as devseed
from tests.support.privacy import WATCH

# The public base URL of every in-process test broker.
BROKER_URL = "http://broker.test"
# The ExorLive document's example payloads, exactly as the dev seed uses them.
SEED_MAIN_PAYLOAD: dict[str, Any] = devseed.SAMPLE_PAYLOADS["exorlive-main"]
SEED_GO_PAYLOAD: dict[str, Any] = devseed.SAMPLE_PAYLOADS["exorlive-go"]
SEED_PAYLOADS = {"exorlive-main": SEED_MAIN_PAYLOAD, "exorlive-go": SEED_GO_PAYLOAD, "generic": {"userId": "u-123"}}


def bearer(api_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"}


def generate(
    client: FlaskClient, creds: dict[str, Any], profile: str = "generic", *, key: str = "apiKey", **body: Any
) -> Any:
    """POST generateJWT for a dev profile with its seed payload unless the body says otherwise.

    `key` names the credential: "apiKey" (links:long, links:email, as "testApiKey"), "adminApiKey" (every
    scope), or any other name in `creds`.
    """
    if "profileKey" not in body:
        body["profileKey"] = creds["profiles"][profile]
    if "payload" not in body:
        body["payload"] = SEED_PAYLOADS[profile]
    response = client.post("/api/v1/generateJWT", json=body, headers=bearer(creds[key]))
    if response.status_code == 200:
        WATCH.watch(response.get_json().get("token", ""))
    return response


def problem(response: Any, status: int, code: str) -> dict[str, Any]:
    """Assert an RFC 9457 problem with this status and code, and return its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = json.loads(response.get_data())
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["type"].endswith("/problems/" + code)
    assert body["title"]
    assert body["detail"]
    assert body["requestId"]
    assert response.headers["X-Request-Id"] == body["requestId"]
    return body
