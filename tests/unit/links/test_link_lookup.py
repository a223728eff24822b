"""The clinic admin's link list: a member's links found by address, matched by a keyed hash (the address itself
is never stored), and the address asked for never logged; live or test links apart, no uses left on a dead link,
and the replacing link named."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.links.launch_links import recipient_hash
from service.links.models import LaunchLink
from service.wiring import Services
from tests.support.api import bearer, generate, problem
from tests.support.clock import Clock
from tests.support.links import FROM_ITS_PAGE, link_path
from tests.support.privacy import WATCH, database_dump
from tests.support.smtp import Collector

MEMBER = "ola.nordmann@example.no"
OTHER = "kari.nordmann@example.no"
WATCH.watch(MEMBER, OTHER, "ola.nordmann", "kari.nordmann")


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from=broker%40broker.test"}


def _emailed(client: FlaskClient, creds: dict[str, Any], to: str, minutes: int = 60) -> dict[str, Any]:
    response = generate(client, creds, "exorlive-go", key="adminApiKey", expireIn=minutes, email={"to": to})
    assert response.status_code == 200, response.get_json()
    answer: dict[str, Any] = response.get_json()
    link_path(answer)
    return answer


def _plain(client: FlaskClient, creds: dict[str, Any], **body: Any) -> dict[str, Any]:
    response = generate(client, creds, "exorlive-main", key="adminApiKey", expireIn=120, **body)
    assert response.status_code == 200, response.get_json()
    answer: dict[str, Any] = response.get_json()
    link_path(answer)
    return answer


def _list(client: FlaskClient, creds: dict[str, Any], query: str = "") -> Any:
    return client.get(f"/api/v1/links{query}", headers=bearer(creds["adminApiKey"]))


def _ids(client: FlaskClient, creds: dict[str, Any], query: str) -> list[str]:
    response = _list(client, creds, query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return [link["id"] for link in response.get_json()["links"]]


# --- by address ----------------------------------------------------------------------------------
def test_a_members_links_are_found_by_their_address_and_no_one_elses(
    client: FlaskClient, creds: dict[str, Any]
) -> None:
    first = _emailed(client, creds, MEMBER)
    other = _emailed(client, creds, OTHER)
    plain = _plain(client, creds)
    second = _emailed(client, creds, MEMBER)
    assert _ids(client, creds, f"?recipient={MEMBER}") == [second["linkId"], first["linkId"]]
    # As a person types it: another case, spaces around it, percent-encoded.
    assert _ids(client, creds, "?recipient=%20Ola.Nordmann%40Example.NO%20") == [second["linkId"], first["linkId"]]
    assert _ids(client, creds, f"?recipient={OTHER}") == [other["linkId"]]
    assert _ids(client, creds, "?recipient=nobody@example.no") == []
    assert plain["linkId"] not in _ids(client, creds, f"?recipient={MEMBER}")
    # With the other filters, before the limit.
    client.post(f"/api/v1/links/{second['linkId']}/revoke", headers=bearer(creds["adminApiKey"]))
    assert _ids(client, creds, f"?recipient={MEMBER}&state=usable&limit=1") == [first["linkId"]]
    (shown,) = _list(client, creds, f"?recipient={MEMBER}&state=revoked").get_json()["links"]
    assert shown["recipient"] == "o***@example.no"


def test_the_address_is_kept_only_as_a_keyed_hash(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    made = _emailed(client, creds, MEMBER)
    dump = database_dump(svc.db.engine)
    assert MEMBER not in dump
    assert "ola.nordmann" not in dump.lower()
    with svc.db.session() as session:
        stored = session.query(LaunchLink).filter_by(public_id=made["linkId"]).one().recipient_hash
    # Not a plain hash anyone could compute from a guessed address: an HMAC under SUBJECT_HASH_KEY, apart from
    # the audit rows' subject hashes.
    assert stored == recipient_hash(svc.settings.subject_hash_key, MEMBER)
    assert stored not in (hashlib.sha256(MEMBER.encode()).hexdigest(), recipient_hash("another key" * 4, MEMBER))
    plain = _plain(client, creds)
    with svc.db.session() as session:
        assert session.query(LaunchLink).filter_by(public_id=plain["linkId"]).one().recipient_hash is None


def test_a_renewed_link_is_found_by_the_address_too(client: FlaskClient, creds: dict[str, Any], clock: Clock) -> None:
    made = _emailed(client, creds, MEMBER, minutes=1)
    clock.advance(61)
    assert client.post(f"{link_path(made)}/renew", headers=FROM_ITS_PAGE).status_code == 200
    links = _list(client, creds, f"?recipient={MEMBER}").get_json()["links"]
    assert [link["state"] for link in links] == ["usable", "expired"]
    assert links[1]["id"] == made["linkId"]


@pytest.mark.parametrize("value", ["not-an-address", "", "%20", "ola@", "a" * 250 + "@example.no"])
def test_a_recipient_that_is_not_an_address_is_422_and_never_quoted(
    client: FlaskClient, creds: dict[str, Any], value: str
) -> None:
    body = problem(_list(client, creds, f"?recipient={value}"), 422, "validation_failed")
    assert list(body["errors"]) == ["recipient"]
    assert "%2B" in body["errors"]["recipient"][0]
    if len(value) > 3:
        assert value not in str(body)


def test_the_address_asked_for_reaches_no_log_line(client: FlaskClient, creds: dict[str, Any]) -> None:
    """The access line names the route, never the path or its query string (service/logs.py)."""
    before = len(WATCH.lines)
    assert _list(client, creds, f"?recipient={MEMBER}").status_code == 200
    problem(_list(client, creds, f"?recipent={MEMBER}"), 400, "unknown_query_parameter")
    lines = WATCH.lines[before:]
    assert any('"route": "/api/v1/links"' in line for line in lines)
    assert not [line for line in lines if "ola.nordmann" in line.lower() or "recipient=" in line]


def test_an_address_with_a_plus_is_found_when_the_plus_is_encoded(client: FlaskClient, creds: dict[str, Any]) -> None:
    made = _emailed(client, creds, "ola.nordmann+klinikk@example.no")
    assert _ids(client, creds, "?recipient=ola.nordmann%2Bklinikk@example.no") == [made["linkId"]]
    # A bare + arrives as a space: not an address, and the answer says how to write it.
    body = problem(_list(client, creds, "?recipient=ola.nordmann+klinikk@example.no"), 422, "validation_failed")
    assert "%2B" in body["errors"]["recipient"][0]


def test_the_cli_lists_a_members_links_by_address(app: Flask, client: FlaskClient, creds: dict[str, Any]) -> None:
    made, _other = _emailed(client, creds, MEMBER), _emailed(client, creds, OTHER)
    runner = app.test_cli_runner()
    args = ["links", "list", "--tenant", "dev", "--recipient", MEMBER.upper(), "--state", "usable"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [made["linkId"]]


# --- what each link shows ------------------------------------------------------------------------
def test_links_carry_livemode_and_the_list_filters_on_it(client: FlaskClient, creds: dict[str, Any]) -> None:
    live = _plain(client, creds)
    WATCH.watch(creds["testApiKey"])
    body = {"profileKey": creds["testProfiles"]["exorlive-main"], "expireIn": 120}
    test = generate(client, creds, "exorlive-main", key="testApiKey", **body)
    assert test.status_code == 200, test.get_json()
    test_id = test.get_json()["linkId"]
    link_path(test.get_json())
    shown = {link["id"]: link["livemode"] for link in _list(client, creds).get_json()["links"]}
    assert shown == {live["linkId"]: True, test_id: False}
    assert _ids(client, creds, "?livemode=true") == [live["linkId"]]
    assert _ids(client, creds, "?livemode=false") == [test_id]
    assert _ids(client, creds, "?livemode=false&state=used") == []
    assert client.get(f"/api/v1/links/{test_id}", headers=bearer(creds["adminApiKey"])).get_json()["livemode"] is False
    for wrong in ("yes", "True", "1", ""):
        errors = problem(_list(client, creds, f"?livemode={wrong}"), 422, "validation_failed")["errors"]
        assert list(errors) == ["livemode"]


def test_a_revoked_or_expired_link_has_no_uses_left(client: FlaskClient, creds: dict[str, Any], clock: Clock) -> None:
    revoked, short, usable = _plain(client, creds), _emailed(client, creds, MEMBER, minutes=1), _plain(client, creds)
    client.post(f"/api/v1/links/{revoked['linkId']}/revoke", headers=bearer(creds["adminApiKey"]))
    clock.advance(61)
    shown = {link["id"]: (link["state"], link["usesLeft"]) for link in _list(client, creds).get_json()["links"]}
    assert shown[revoked["linkId"]] == ("revoked", 0)
    assert shown[short["linkId"]] == ("expired", 0)
    assert shown[usable["linkId"]] == ("usable", 1)
    detail = client.get(f"/api/v1/links/{short['linkId']}", headers=bearer(creds["adminApiKey"])).get_json()
    assert detail["usesLeft"] == 0


def test_the_replaced_event_names_the_link_that_replaced_it(client: FlaskClient, creds: dict[str, Any]) -> None:
    first = _plain(client, creds)
    second = _plain(client, creds, replaces=first["linkId"])
    third = _plain(client, creds, replaces=second["linkId"])

    def events(link: dict[str, Any]) -> list[dict[str, Any]]:
        response = client.get(f"/api/v1/links/{link['linkId']}", headers=bearer(creds["adminApiKey"]))
        return list(response.get_json()["events"])

    replaced = events(first)[-1]
    assert (replaced["type"], replaced["replacedBy"]) == ("replaced", second["linkId"])
    assert events(second)[-1]["replacedBy"] == third["linkId"]
    assert all("replacedBy" not in event for event in events(third))
    assert [set(event) for event in events(first)] == [{"type", "at"}, {"type", "at", "replacedBy"}]
