"""The JSON body reader refuses what another parser could read differently, and never fails with a 500."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st

from service.errors import MalformedJSON
from service.web.json_body import parse_json
from tests.support.api import bearer, problem


def _post(client: FlaskClient, creds: dict[str, Any], raw: bytes) -> Any:
    return client.post(
        "/api/v1/generateJWT", data=raw, content_type="application/json", headers=bearer(creds["apiKey"])
    )


def test_a_member_named_twice_is_400_naming_it(client: FlaskClient, creds: dict[str, Any]) -> None:
    raw = b'{"profileKey": "%s", "payload": {"userId": "alice", "userId": "admin"}}' % (
        creds["profiles"]["generic"].encode()
    )
    body = problem(_post(client, creds, raw), 400, "malformed_json")
    assert "'userId'" in body["detail"]
    assert "twice" in body["detail"]


def test_a_top_level_member_named_twice_is_400(client: FlaskClient, creds: dict[str, Any]) -> None:
    key = creds["profiles"]["generic"]
    raw = b'{"profileKey": "%s", "payload": {"userId": "u"}, "expireIn": 5, "expireIn": 2880}' % key.encode()
    assert "'expireIn'" in problem(_post(client, creds, raw), 400, "malformed_json")["detail"]


def test_raw_surrogate_bytes_are_400_not_500(client: FlaskClient, creds: dict[str, Any]) -> None:
    key = creds["profiles"]["generic"]
    raw = b'{"profileKey": "%s", "payload": {"name": "\xed\xa0\xbd"}}' % key.encode()
    problem(_post(client, creds, raw), 400, "malformed_json")


def test_the_same_name_in_different_objects_is_fine() -> None:
    assert parse_json(b'{"a": {"id": 1}, "b": {"id": 2}}') == {"a": {"id": 1}, "b": {"id": 2}}


def test_a_leading_byte_order_mark_is_tolerated() -> None:
    assert parse_json(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=256))
def test_any_bytes_parse_or_are_refused_as_malformed_json(raw: bytes) -> None:
    with contextlib.suppress(MalformedJSON):
        parse_json(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=64).map(lambda text: text.encode("utf-8", "surrogatepass")) | st.binary(max_size=64))
def test_any_string_value_bytes_parse_or_are_refused(inner: bytes) -> None:
    with contextlib.suppress(MalformedJSON):
        parse_json(b'{"payload": {"name": "' + inner + b'"}}')


@pytest.mark.parametrize(
    "raw",
    [b"\xff\xfe{\x00}\x00", b'{"a": "\xc3"}', b'{"a": "\xed\xb0\x80"}', b'{"a": "\xf4\x90\x80\x80"}', b"\x00"],
    ids=["utf16-bom", "truncated", "low-surrogate", "above-unicode", "nul"],
)
def test_bytes_that_are_not_utf8_are_400(client: FlaskClient, creds: dict[str, Any], raw: bytes) -> None:
    problem(_post(client, creds, raw), 400, "malformed_json")
