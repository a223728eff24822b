"""The sweeper: `link.expired` once for each link that expired unused, and `keyset.rotated` when a new key signs,
whether `keysets promote` or the rotation function promoted it."""

from __future__ import annotations

import json
import uuid
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from service.profiles.setup import create_profile
from service.webhooks.models import WebhookEvent
from service.webhooks.sweeper import Sweeper
from service.wiring import Services, sweeper
from tests.support.api import bearer, generate
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE, link_path
from tests.support.webhooks import register


def _events(svc: Services) -> list[tuple[str, dict[str, Any]]]:
    with svc.db.session() as session:
        return [(event.type, event.data) for event in session.scalars(select(WebhookEvent).order_by(WebhookEvent.id))]


def _link(client: FlaskClient, creds: dict[str, Any], minutes: int = 1) -> dict[str, Any]:
    answer: dict[str, Any] = generate(client, creds, "exorlive-main", expireIn=minutes, key="adminApiKey").get_json()
    link_path(answer)
    return answer


def test_an_unused_link_is_announced_once_when_it_expired(
    client: FlaskClient, creds: dict[str, Any], svc: Services, clock: Clock
) -> None:
    before = _link(client, creds)
    clock.advance(61)
    register(client, creds, "https://hooks.example.com/x", ["link.expired"])
    expiring, used, revoked = _link(client, creds), _link(client, creds), _link(client, creds)
    client.post(link_path(used), headers=FROM_ITS_PAGE)
    client.post(f"/api/v1/links/{revoked['linkId']}/revoke", headers=bearer(creds["adminApiKey"]))
    assert sweeper(svc).sweep() == 0
    clock.advance(61)
    assert sweeper(svc).sweep() == 1
    assert sweeper(svc).sweep() == 0
    assert _events(svc) == [
        (
            "link.expired",
            {
                "linkId": expiring["linkId"],
                "profile": "exorlive-main",
                "state": "expired",
                "requestId": None,
                "livemode": True,
            },
        )
    ]
    assert before["linkId"] != expiring["linkId"]  # expired before the endpoint existed: not announced


def _run(app: Flask, *args: str) -> Any:
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output.strip().splitlines()[0])


def test_a_promoted_key_is_announced_to_the_tenants_signing_with_it(
    app: Flask, client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    register(client, creds, "https://hooks.example.com/x", ["keyset.rotated"])
    name = f"hooks-{uuid.uuid4().hex[:8]}"
    first_kid = _run(app, "keysets", "create", name)["kid"]
    create_profile(
        svc, "dev", name, ["https://rp.example"], name="rotating", kind="generic", delivery_mode="query",
        issuer="https://broker.test", audience="rp", rp_url="https://rp.example/landing",
    )  # fmt: skip
    assert sweeper(svc).announce_signing_keys() == 0  # first seen: noted, nothing rotated
    new_kid = _run(app, "keysets", "rotate", name)["pendingKid"]
    assert _run(app, "keysets", "promote", name, "--force")["currentKid"] == new_kid
    rotated = {"keyset": name, "kid": new_kid, "previousKid": first_kid, "requestId": None}
    assert _events(svc) == [("keyset.rotated", rotated)]
    # This process's copy of the keys is older than the promotion (the key is pending in it): nothing to add.
    assert sweeper(svc).announce_signing_keys() == 0
    assert _events(svc) == [("keyset.rotated", rotated)]


class _Keys:
    """A key source as a process sees it: the kid of each stage."""

    def __init__(self, stages: dict[str, dict[str, str]]) -> None:
        self.stages = stages

    def kids_by_stage(self, keyset: Any) -> dict[str, str]:
        return self.stages.get(keyset.name, {})


def test_a_rotation_made_elsewhere_is_announced_when_this_process_sees_it(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    register(client, creds, "https://hooks.example.com/x", ["keyset.rotated"])
    keys = _Keys({"dev-es256": {"AWSCURRENT": "kid-1"}})
    stores = svc.stores
    sweep = Sweeper(svc.db, stores.keysets, stores.profiles, svc.outbox, keys, lambda: 0)  # type: ignore[arg-type]
    assert sweep.announce_signing_keys() == 0
    keys.stages["dev-es256"] = {"AWSCURRENT": "kid-1", "AWSPENDING": "kid-2"}
    assert sweep.announce_signing_keys() == 0
    keys.stages["dev-es256"] = {"AWSCURRENT": "kid-2", "AWSPREVIOUS": "kid-1"}  # the rotation function promoted it
    assert sweep.announce_signing_keys() == 1
    assert sweep.announce_signing_keys() == 0  # once (another sweeper finds it done too)
    (event,) = _events(svc)
    assert event == (
        "keyset.rotated",
        {"keyset": "dev-es256", "kid": "kid-2", "previousKid": "kid-1", "requestId": None},
    )
