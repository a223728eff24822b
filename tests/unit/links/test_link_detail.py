"""A link's id in generateJWT's answer, GET /api/v1/links/{linkId} with its events, and `replaces`."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from service.apikeys.issuing import create_api_key
from service.profiles.setup import create_profile
from service.wiring import Services
from tests.support.api import bearer, generate, problem
from tests.support.links import FROM_ITS_PAGE, launch_links, link_path
from tests.support.links import admin_link as _link
from tests.support.privacy import WATCH


def _detail(client: FlaskClient, creds: dict[str, Any], link_id: str, key: str = "adminApiKey") -> Any:
    return client.get(f"/api/v1/links/{link_id}", headers=bearer(creds[key]))


def test_a_launch_link_answer_names_its_link_and_a_direct_url_does_not(
    client: FlaskClient, creds: dict[str, Any]
) -> None:
    answer = _link(client, creds)
    assert list(answer)[:3] == ["token", "url", "linkId"]
    assert answer["linkId"].startswith("ln_")  # never "-…", which a CLI would read as an option
    direct = generate(client, creds, "generic").get_json()
    assert "linkId" not in direct


def test_the_detail_shows_state_and_events_but_no_secret_or_payload(client: FlaskClient, creds: dict[str, Any]) -> None:
    answer = _link(client, creds)
    response = _detail(client, creds, answer["linkId"])
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    detail = response.get_json()
    assert detail["id"] == answer["linkId"]
    assert (detail["state"], detail["usesLeft"], detail["profile"]) == ("usable", 1, "exorlive-main")
    assert [event["type"] for event in detail["events"]] == ["created"]
    used = client.post(link_path(answer), headers=FROM_ITS_PAGE)
    assert used.status_code in (200, 303)
    detail = _detail(client, creds, answer["linkId"]).get_json()
    assert detail["state"] == "used"
    assert [event["type"] for event in detail["events"]] == ["created", "used"]
    text = _detail(client, creds, answer["linkId"]).get_data(as_text=True)
    assert link_path(answer).rsplit("/", 1)[1] not in text
    assert "Yoda" not in text


def test_the_detail_needs_links_admin_and_an_own_link(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    answer = _link(client, creds)
    problem(_detail(client, creds, answer["linkId"], key="apiKey"), 403, "insufficient_scope")
    problem(_detail(client, creds, "no-such-link"), 404, "link_not_found")


def test_replaces_revokes_the_old_link_with_the_new_one(client: FlaskClient, creds: dict[str, Any]) -> None:
    old = _link(client, creds)
    new = _link(client, creds, replaces=old["linkId"])
    assert new["linkId"] != old["linkId"]
    page = client.get(link_path(old))
    assert page.status_code == 410
    assert 'data-state="replaced"' in page.get_data(as_text=True)  # its page says a newer link was sent
    assert client.get(link_path(new)).status_code == 200
    events = [event["type"] for event in _detail(client, creds, old["linkId"]).get_json()["events"]]
    assert events == ["created", "replaced"]
    states = {
        link["id"]: link["state"]
        for link in client.get("/api/v1/links", headers=bearer(creds["adminApiKey"])).get_json()["links"]
    }
    assert states == {old["linkId"]: "revoked", new["linkId"]: "usable"}


def test_a_link_is_replaced_only_once_and_the_refusal_names_the_newest_link(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    first = _link(client, creds)
    second = _link(client, creds, replaces=first["linkId"])
    third = _link(client, creds, replaces=second["linkId"])
    again = generate(client, creds, "exorlive-main", expireIn=30, key="adminApiKey", replaces=first["linkId"])
    body = problem(again, 409, "link_already_replaced")
    assert third["linkId"] in body["detail"]
    assert "Nothing was made" in body["detail"]
    assert len(launch_links(svc)) == 3
    states = {
        link["id"]: link["state"]
        for link in client.get("/api/v1/links", headers=bearer(creds["adminApiKey"])).get_json()["links"]
    }
    assert sorted(states.values()) == ["revoked", "revoked", "usable"]
    assert states[third["linkId"]] == "usable"
    assert client.get(link_path(second)).status_code == 410


def test_replacing_an_unknown_link_makes_nothing(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    response = generate(client, creds, "exorlive-main", expireIn=120, key="adminApiKey", replaces="nope")
    body = problem(response, 404, "link_not_found")
    assert "nothing was made" in body["detail"]
    assert launch_links(svc) == []


def test_replaces_needs_links_admin(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    old = _link(client, creds)
    response = generate(client, creds, "exorlive-main", replaces=old["linkId"])
    problem(response, 403, "insufficient_scope")
    assert len(launch_links(svc)) == 1


def test_replacing_another_tenants_link_is_not_found(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    old = _link(client, creds)
    svc.stores.tenants.create_tenant("other")
    other_key = create_api_key(svc, "other", ["links:admin", "links:long"], "other")
    WATCH.watch(other_key)
    profile = create_profile(
        svc,
        "other",
        None,
        [],
        name="theirs",
        kind="generic",
        delivery_mode="query",
        issuer="https://broker.test",
        audience="theirs",
        rp_url="https://rp.example/sso",
    )
    body = {"profileKey": profile.profile_key, "payload": {"userId": "u-9"}, "replaces": old["linkId"]}
    response = client.post("/api/v1/generateJWT", json=body, headers=bearer(other_key))
    problem(response, 404, "link_not_found")
    assert len(launch_links(svc)) == 1
    assert client.get(link_path(old)).status_code == 200
