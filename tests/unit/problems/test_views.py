"""Every problem code has its explainer page: each code in openapi.yaml, each error class in service/errors.py and
each code werkzeug's errors get; and each reproducible example does what its page says against a real broker.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from flask.testing import FlaskClient

from service import errors
from service.problems.catalogue import BY_CODE, EXPLAINERS, Example, Explainer
from service.web import problems as web_problems
from tests.support.api import BROKER_URL
from tests.support.paths import ROOT


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def openapi_codes() -> set[str]:
    """Every problem code openapi.yaml names: in response schemas, in examples and in the table of codes."""
    text = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    found: set[str] = set()
    for node in _walk(yaml.safe_load(text)):
        if not isinstance(node, dict) or "code" not in node:
            continue
        code = node["code"]
        if isinstance(code, dict):
            found.update([code["const"]] if "const" in code else code.get("enum", []))
        elif isinstance(code, str) and "/problems/" in str(node.get("type", "")):
            found.add(code)
    found.update(re.findall(r"^\s*\| \d{3} \| `([a-z_]+)` \|", text, flags=re.MULTILINE))
    return found


def _import_the_service() -> None:
    """Every module of the broker, so error classes defined outside service/errors.py are found too.

    Not the migrations (Alembic runs them), development code, or service.wsgi (importing it builds an app).
    """
    import service

    for module in pkgutil.walk_packages(service.__path__, "service."):
        if ".migrations" not in module.name and not module.name.startswith(("service.dev", "service.wsgi")):
            importlib.import_module(module.name)


def _subclasses(cls: type[errors.BrokerError]) -> Iterator[type[errors.BrokerError]]:
    yield cls
    for sub in cls.__subclasses__():
        yield from _subclasses(sub)


_import_the_service()
ERROR_CLASSES = {cls.code: cls for cls in _subclasses(errors.BrokerError)}
# Werkzeug's errors by the codes the broker gives them, a status werkzeug gives no code of ours, and a bug.
HTTP_CODES = {code: status for status, code in web_problems._HTTP_CODES.items()}
OTHER_CODES = {"http_error", "internal_error"}


def test_the_spec_names_codes_and_each_has_a_page() -> None:
    codes = openapi_codes()
    assert {"validation_failed", "unauthorized", "rate_limited", "internal_error"} <= codes
    assert sorted(codes - set(BY_CODE)) == []


@pytest.mark.parametrize("code", sorted(openapi_codes() | set(ERROR_CLASSES) | set(HTTP_CODES) | OTHER_CODES))
def test_every_code_has_its_page(client: FlaskClient, code: str) -> None:
    response = client.get(f"/problems/{code}")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert f'data-testid="problem-code">{code}<' in html
    for heading in ("Usual causes", "How to fix it", "A request that causes it", "One that does not"):
        assert heading in html
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("code", sorted(ERROR_CLASSES))
def test_each_error_class_page_has_its_status_and_title(code: str) -> None:
    assert BY_CODE[code].status == ERROR_CLASSES[code].status
    assert BY_CODE[code].title == ERROR_CLASSES[code].title


@pytest.mark.parametrize("code", sorted(HTTP_CODES))
def test_each_http_error_page_has_its_status(code: str) -> None:
    assert BY_CODE[code].status == HTTP_CODES[code]


def test_no_page_explains_a_code_the_broker_never_gives() -> None:
    known = set(ERROR_CLASSES) | set(HTTP_CODES) | OTHER_CODES
    assert sorted(set(BY_CODE) - known) == []
    assert len(BY_CODE) == len(EXPLAINERS)


def test_the_list_links_every_page(client: FlaskClient) -> None:
    html = client.get("/problems").get_data(as_text=True)
    assert sorted(re.findall(r'href="/problems/([a-z_]+)"', html)) == sorted(BY_CODE)


def test_an_unknown_code_is_a_404_page_listing_the_codes(client: FlaskClient) -> None:
    response = client.get("/problems/no_such_code")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "No error code “no_such_code”" in html
    assert 'href="/problems/validation_failed"' in html


def test_examples_are_commands_for_this_broker(client: FlaskClient) -> None:
    html = client.get("/problems/malformed_json").get_data(as_text=True)
    assert f"curl -sS -X POST &#39;{BROKER_URL}/api/v1/generateJWT&#39;" in html
    assert "-H &#34;Authorization: Bearer $API_KEY&#34;" in html
    # The broken JSON exactly as it breaks: the trailing comma is there.
    assert "&#34;u-123&#34;,}}" in html
    assert "export API_KEY=tbk_… PROFILE_KEY=pk_…" in html


# --- the examples against a broker ------------------------------------------------------------------------
def _fill(text: str, creds: dict[str, Any]) -> str:
    values = {"{api_key}": creds["apiKey"], "{admin_api_key}": creds["adminApiKey"]}
    values["{profile_key}"] = creds["profiles"]["generic"]
    values["{test_api_key}"] = creds["testApiKey"]
    values["{test_profile_key}"] = creds["testProfiles"]["generic"]
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def _send(client: FlaskClient, example: Example, creds: dict[str, Any]) -> Any:
    assert example.command is None
    if example.raw is not None:
        body = _fill(example.raw, creds)
    else:
        body = None if example.json is None else _fill(json.dumps(example.json), creds)
    headers = {name: _fill(value, creds) for name, value in example.headers.items()}
    return client.open(example.path, method=example.method, headers=headers, data=body)


REPRODUCIBLE = [explainer for explainer in EXPLAINERS if explainer.reproducible]


@pytest.mark.parametrize("explainer", REPRODUCIBLE, ids=[explainer.code for explainer in REPRODUCIBLE])
def test_the_wrong_example_causes_the_code_and_the_right_one_does_not(
    client: FlaskClient, creds: dict[str, Any], explainer: Explainer
) -> None:
    if explainer.setup is not None:
        assert _send(client, explainer.setup, creds).status_code == 200
    wrong = _send(client, explainer.wrong, creds)
    assert wrong.status_code == explainer.status, wrong.get_data(as_text=True)
    assert wrong.get_json()["code"] == explainer.code
    right = _send(client, explainer.right, creds)
    assert right.status_code < 400, right.get_data(as_text=True)


def test_most_codes_are_proven_by_their_example() -> None:
    # Outages, races and CLI-only codes cannot be caused by one request; every other code must be.
    assert len(REPRODUCIBLE) >= 16
