"""API routes with query parameters take only theirs, each once: an unknown one is 400 with the one it meant
(ignored, `?stat=used` would list every link as if it had filtered)."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.support.api import bearer, problem


def _links(client: FlaskClient, creds: dict[str, Any], query: str) -> Any:
    return client.get(f"/api/v1/links?{query}", headers=bearer(creds["adminApiKey"]))


@pytest.mark.parametrize(
    ("query", "name", "meant"),
    [
        ("stat=used", "stat", "state"),
        ("State=used", "State", "state"),
        ("limits=5", "limits", "limit"),
        ("LIMIT=5", "LIMIT", "limit"),
        ("recipent=ola.nordmann@example.no", "recipent", "recipient"),
        ("to=ola.nordmann@example.no", "to", None),
        ("live_mode=true", "live_mode", "livemode"),
        ("liveMode=true", "liveMode", "livemode"),
    ],
)
def test_an_unknown_query_parameter_is_400_with_the_one_meant(
    client: FlaskClient, creds: dict[str, Any], query: str, name: str, meant: str | None
) -> None:
    body = problem(_links(client, creds, query), 400, "unknown_query_parameter")
    if meant is None:
        assert body["errors"] == {name: ["Unknown query parameter."]}
        assert body["detail"].startswith(f"Unknown query parameter {name}. This route takes limit")
    else:
        assert body["errors"] == {name: [f"Unknown query parameter: did you mean {meant}?"]}
        assert body["detail"].startswith(f"Unknown query parameter {name} (did you mean {meant}?). This route takes")
    assert "case-sensitive" in body["detail"]
    assert "ola.nordmann" not in str(body)  # values are never quoted back


def test_a_parameter_like_no_other_gets_the_list_of_parameters(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(_links(client, creds, "state=used&profile=x&zzz=1"), 400, "unknown_query_parameter")
    assert body["errors"] == {"profile": ["Unknown query parameter."], "zzz": ["Unknown query parameter."]}
    assert body["detail"].startswith("Unknown query parameters profile, zzz. This route takes limit, state")
    assert "=x" not in body["detail"]


def test_a_very_long_name_is_shortened(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(_links(client, creds, "x" * 500 + "=1"), 400, "unknown_query_parameter")
    assert list(body["errors"]) == ["x" * 40]


def test_a_parameter_given_twice_is_422(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(_links(client, creds, "state=used&state=revoked"), 422, "validation_failed")
    assert body["errors"] == {"state": ["Give state once."]}


def test_the_caller_is_known_before_the_query_is_judged(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(client.get("/api/v1/links?stat=used"), 401, "unauthorized")
    problem(client.get("/api/v1/links?stat=used", headers=bearer(creds["apiKey"])), 403, "insufficient_scope")


@pytest.mark.parametrize("path", ["/api/v1/webhooks/events", "/api/v1/webhooks/we_doesNotExist/deliveries"])
def test_the_webhook_lists_refuse_unknown_query_parameters_too(
    client: FlaskClient, creds: dict[str, Any], path: str
) -> None:
    body = problem(client.get(f"{path}?limt=5", headers=bearer(creds["adminApiKey"])), 400, "unknown_query_parameter")
    assert body["errors"] == {"limt": ["Unknown query parameter: did you mean limit?"]}
    assert "This route takes limit;" in body["detail"]


@pytest.mark.parametrize("query", ["limit=+5", "limit=%205", "limit=²"])
def test_a_limit_is_digits_only(client: FlaskClient, creds: dict[str, Any], query: str) -> None:
    problem(_links(client, creds, query), 422, "validation_failed")
