"""Errors werkzeug raises are RFC 9457 problems too: an unknown route, a wrong method."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.support.api import BROKER_URL, problem


def test_unknown_route_is_a_404_problem(client: FlaskClient) -> None:
    problem(client.get("/nope"), 404, "not_found")


def test_the_type_is_the_explainer_page_on_this_broker(client: FlaskClient) -> None:
    body = problem(client.get("/nope"), 404, "not_found")
    assert body["type"] == f"{BROKER_URL}/problems/not_found"


def test_wrong_method_is_a_405_problem_with_allow(client: FlaskClient) -> None:
    response = client.get("/api/v1/generateJWT")
    body = problem(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
    # It says which method the route takes, and why a browser got this.
    assert body["detail"].startswith("/api/v1/generateJWT takes POST, not GET. (Opening it in a browser sends GET")


def test_a_405_of_a_route_with_two_methods_names_both(client: FlaskClient) -> None:
    body = problem(client.delete("/.well-known/jwks.json"), 405, "method_not_allowed")
    assert body["detail"] == "/.well-known/jwks.json takes GET, not DELETE."


@pytest.mark.parametrize(
    ("path", "meant"),
    [
        ("/api/v1/generateJWT/", "/api/v1/generateJWT"),
        ("/api/v1/generatejwt", "/api/v1/generateJWT"),
        ("/api/v1/generateJwt", "/api/v1/generateJWT"),
        ("/api/v1/generateToken", "/api/v1/generateJWT"),
        ("/api/v1/link", "/api/v1/links"),
        ("/api/v1/tokens/inspect/", "/api/v1/tokens/inspect"),
    ],
)
def test_an_unknown_api_route_names_the_route_meant(client: FlaskClient, path: str, meant: str) -> None:
    body = problem(client.post(path, json={}), 404, "not_found")
    assert (
        body["detail"] == f"No such route. Did you mean {meant}? Paths are case-sensitive and have no trailing slash."
    )


def test_a_path_like_no_route_points_to_the_docs(client: FlaskClient) -> None:
    assert problem(client.get("/api/v1/zzzzzz"), 404, "not_found")["detail"].endswith(
        "See /docs (or /openapi.yaml) for the routes this service has."
    )
