"""Errors werkzeug raises are RFC 9457 problems too: an unknown route, a wrong method."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.support.api import BROKER_URL, problem


def test_unknown_route_is_a_404_problem(client: FlaskClient) -> None:
    problem(client.get("/nope"), 404, "not_found")


def test_the_type_is_the_explainer_page_on_this_broker(client: FlaskClient) -> None:
    body = problem(client.get("/nope"), 404, "not_found")
    assert body["type"] == f"{BROKER_URL}/problems/not_found"


def test_wrong_method_is_a_405_problem_with_allow(client: FlaskClient) -> None:
    response = client.get("/api/v1/generateJWT")
    problem(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
