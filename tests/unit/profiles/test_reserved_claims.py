"""A payload may not carry the claims the broker sets, nor those a relying party may act on."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from service.profiles.kinds import GOVERNED_CLAIMS
from tests.support.api import generate, problem


def test_payload_redirect_is_refused_and_points_to_the_checked_one(client: FlaskClient, creds: dict[str, Any]) -> None:
    payload = {"userId": "u-1", "redirect": "http://169.254.169.254/latest/meta-data/"}
    body = problem(generate(client, creds, "generic", payload=payload), 422, "validation_failed")
    assert "payload.redirect" in body["errors"]
    assert "top level" in body["errors"]["payload.redirect"][0]


@pytest.mark.parametrize("claim", sorted(GOVERNED_CLAIMS - {"redirect"}))
def test_claims_a_relying_party_may_act_on_are_refused(client: FlaskClient, creds: dict[str, Any], claim: str) -> None:
    body = problem(generate(client, creds, "generic", payload={"userId": "u-1", claim: "x"}), 422, "validation_failed")
    assert f"payload.{claim}" in body["errors"]


def test_the_reserved_claims_are_the_documented_ones() -> None:
    assert {"redirect", "azp", "acr", "amr", "auth_time", "scope", "sid", "cnf", "client_id", "typ"} == GOVERNED_CLAIMS


def test_a_top_level_redirect_on_an_allowed_origin_still_works(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = generate(client, creds, "generic", redirect=creds["sandboxUrl"] + "/after")
    assert response.status_code == 200, response.get_data(as_text=True)
