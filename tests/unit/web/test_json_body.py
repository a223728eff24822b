"""The request body as JSON: media type, size limit (also chunked), strict RFC 8259 and a depth bound."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.support.api import bearer, problem


# --- transport-level errors ----------------------------------------------------------------------
def test_malformed_json_is_400(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.post(
        "/api/v1/generateJWT", data=b'{"payload": ', content_type="application/json", headers=bearer(creds["apiKey"])
    )
    problem(response, 400, "malformed_json")


@pytest.mark.parametrize(
    "raw",
    [
        b'{"payload": {"name": "\\ud83d"}}',
        b'{"payload": {"score": NaN}}',
        b'{"payload": {"score": -Infinity}}',
        b"[" * 60000,
        b'{"payload": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}",
        b'{"payload": {"x": "\xff"}}',
    ],
    ids=["lone-surrogate", "nan", "infinity", "deep-array", "deep-object", "not-utf8"],
)
def test_json_that_cannot_be_signed_is_400(client: FlaskClient, creds: dict[str, Any], raw: bytes) -> None:
    body = raw.replace(b'{"payload"', b'{"profileKey": "%s", "payload"' % creds["profiles"]["generic"].encode())
    response = client.post(
        "/api/v1/generateJWT", data=body, content_type="application/json", headers=bearer(creds["apiKey"])
    )
    problem(response, 400, "malformed_json")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_a_lone_surrogate_escaped_in_utf16_or_32_is_400(
    client: FlaskClient, creds: dict[str, Any], encoding: str
) -> None:
    text = '{"profileKey": "' + creds["profiles"]["generic"] + '", "payload": {"name": "\\ud83d"}}'
    response = client.post(
        "/api/v1/generateJWT",
        data=text.encode(encoding),
        content_type="application/json",
        headers=bearer(creds["apiKey"]),
    )
    problem(response, 400, "malformed_json")


def test_wrong_content_type_is_415(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.post(
        "/api/v1/generateJWT", data="payload=x", content_type="application/x-www-form-urlencoded",
        headers=bearer(creds["apiKey"]),
    )  # fmt: skip
    problem(response, 415, "unsupported_media_type")


def test_body_over_the_limit_is_413(client: FlaskClient, creds: dict[str, Any]) -> None:
    data = json.dumps({"payload": {"blob": "x" * 70_000}})
    response = client.post(
        "/api/v1/generateJWT", data=data, content_type="application/json", headers=bearer(creds["apiKey"])
    )
    problem(response, 413, "payload_too_large")


def test_chunked_body_over_the_limit_is_413(client: FlaskClient, creds: dict[str, Any]) -> None:
    import io

    data = json.dumps({"payload": {"blob": "x" * 70_000}}).encode()
    response = client.post(
        "/api/v1/generateJWT",
        input_stream=io.BytesIO(data),
        content_type="application/json",
        headers={**bearer(creds["apiKey"]), "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    problem(response, 413, "payload_too_large")
