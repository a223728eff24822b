"""Malformed JSON says where it breaks, and for the usual slips what to change (issue 16, item 4)."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.support.api import bearer, problem

# As the ExorLive document writes its examples: a comma after the last member.
WITH_TRAILING_COMMA = """{
  "profileKey": "%s",
  "payload": {
    "userId": "u-123",
  }
}"""


def _post(client: FlaskClient, creds: dict[str, Any], raw: str) -> Any:
    return client.post(
        "/api/v1/generateJWT", data=raw.encode(), content_type="application/json", headers=bearer(creds["apiKey"])
    )


def test_a_trailing_comma_is_named_with_its_line_and_column(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(_post(client, creds, WITH_TRAILING_COMMA % creds["profiles"]["generic"]), 400, "malformed_json")
    assert body["detail"] == (
        "The body is not valid JSON: a trailing comma at line 4, column 22, before the closing '}'. "
        "JSON allows no comma after the last member of an object or array: remove it."
    )


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        ("{'payload': {}}", "a single quote at line 1, column 2. JSON strings and names take double quotes."),
        ('{"payload": {"a": 1}', "expecting ',' delimiter at line 1, column 21."),
        ('{"payload": [1, 2,]}', "a trailing comma at line 1, column 18, before the closing ']'"),
        ("", "The body is empty; send a JSON object."),
    ],
    ids=["single-quotes", "unclosed", "array-comma", "empty"],
)
def test_other_mistakes_say_where(client: FlaskClient, creds: dict[str, Any], raw: str, detail: str) -> None:
    assert detail in problem(_post(client, creds, raw), 400, "malformed_json")["detail"]
