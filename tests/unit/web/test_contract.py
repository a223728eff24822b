"""The contract in openapi.yaml: valid OpenAPI 3.1, in step with the routes, served, and what the app answers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
import yaml
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from schemathesis import checks

from tests.support.api import SEED_PAYLOADS, bearer
from tests.support.links import admin_link
from tests.support.paths import ROOT
from tests.support.privacy import WATCH

OPENAPI_PATH = ROOT / "openapi.yaml"


GENERATE_JWT = "/api/v1/generateJWT"


# The spec's examples use these stand-ins for profile keys (real ones are made per test by the dev seed);
# the tests swap in the dev profile of the same name.
EXAMPLE_PROFILE_KEYS = {
    "pk_genericExampleProfileKey": "generic",
    "pk_mainExampleProfileKey000": "exorlive-main",
    "pk_goExampleProfileKey00000": "exorlive-go",
}


# Flask adds HEAD to every GET route and OPTIONS to every route; neither is part of the contract.
AUTOMATIC_METHODS = frozenset({"HEAD", "OPTIONS"})


OPENAPI_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


# Enough to reach every documented status of every operation, while the file stays well under a minute.
MAX_EXAMPLES = 40


def load_spec() -> dict[str, Any]:
    return yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def schema_validator(spec: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    """A JSON Schema validator for a schema of the spec, with the spec's `#/components/...` refs resolvable."""
    root = {"allOf": [schema], "components": spec["components"]}
    return Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)


def component_validator(spec: dict[str, Any], name: str) -> Draft202012Validator:
    return schema_validator(spec, {"$ref": f"#/components/schemas/{name}"})


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """`node`, or what its local `$ref` points at."""
    while "$ref" in node:
        node = functools.reduce(lambda inner, key: inner[key], node["$ref"].removeprefix("#/").split("/"), spec)
    return node


def body_examples(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example) for every example of every request and response body in the spec."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method not in OPENAPI_METHODS:
                continue
            bodies = [("request", operation.get("requestBody"))]
            bodies += [(status, response) for status, response in operation["responses"].items()]
            for where, body in bodies:
                if body is None:
                    continue
                for media_type, media in resolve(spec, body).get("content", {}).items():
                    label = f"{method.upper()} {path} {where} {media_type}"
                    if "example" in media:
                        yield label, media["schema"], media["example"]
                    for name, example in media.get("examples", {}).items():
                        yield f"{label} {name}", media["schema"], resolve(spec, example)["value"]


def real_profile_keys(creds: dict[str, Any]) -> dict[str, str]:
    return {example: creds["profiles"][name] for example, name in EXAMPLE_PROFILE_KEYS.items()}


# --- the document ----------------------------------------------------------------------------------
def test_spec_is_valid_openapi_3_1() -> None:
    spec = load_spec()
    assert spec["openapi"].startswith("3.1.")
    validate(spec, cls=OpenAPIV31SpecValidator)


def test_every_route_is_documented_and_every_documented_path_is_routed(app: Flask) -> None:
    routed: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        # `<string:name>` and `<name>` are the same route; the spec writes both as `{name}`.
        path = re.sub(r"<(?:[^<>:]+:)?([^<>]+)>", r"<\1>", rule.rule)
        routed.setdefault(path, set()).update(set(rule.methods or ()) - AUTOMATIC_METHODS)
    documented = {
        re.sub(r"\{([^{}]+)\}", r"<\1>", path): {method.upper() for method in item if method in OPENAPI_METHODS}
        for path, item in load_spec()["paths"].items()
    }
    assert routed == documented


def test_the_served_contract_is_this_file_shown_inline(client: FlaskClient) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    # text/yaml and inline: a browser shows it in the tab rather than saving a file.
    assert response.headers["Content-Type"] == "text/yaml; charset=utf-8"
    assert response.headers["Content-Disposition"] == "inline"
    assert response.get_data() == OPENAPI_PATH.read_bytes()


def test_the_contract_as_json_is_the_same_document(client: FlaskClient) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json() == load_spec()


@pytest.mark.parametrize(
    ("media_schema", "example"),
    [pytest.param(media_schema, example, id=where) for where, media_schema, example in body_examples(load_spec())],
)
def test_every_documented_body_example_fits_its_schema(media_schema: dict[str, Any], example: Any) -> None:
    errors = [error.message for error in schema_validator(load_spec(), media_schema).iter_errors(example)]
    assert not errors


@pytest.mark.parametrize(
    ("schema_name", "example_name", "kind"),
    [
        ("ExorLiveMainPayload", "ExorLiveMainRequest", "exorlive-main"),
        ("ExorLiveGoPayload", "ExorLiveGoRequest", "exorlive-go"),
    ],
)
def test_documented_payloads_are_the_seed_payloads_and_fit_their_kind(
    schema_name: str, example_name: str, kind: str
) -> None:
    spec = load_spec()
    assert spec["components"]["schemas"][schema_name]["examples"] == [SEED_PAYLOADS[kind]]
    assert spec["components"]["examples"][example_name]["value"]["payload"] == SEED_PAYLOADS[kind]
    component_validator(spec, schema_name).validate(SEED_PAYLOADS[kind])


@pytest.mark.parametrize("example_name", ["GenericRequest", "ExorLiveMainRequest", "ExorLiveGoRequest"])
def test_documented_request_examples_work(client: FlaskClient, creds: dict[str, Any], example_name: str) -> None:
    spec = load_spec()
    body = dict(spec["components"]["examples"][example_name]["value"])
    body["profileKey"] = real_profile_keys(creds)[body["profileKey"]]
    response = client.post(GENERATE_JWT, json=body, headers=bearer(creds["apiKey"]))
    assert response.status_code == 200, response.get_json()
    WATCH.watch(response.get_json()["token"])
    component_validator(spec, "GenerateJWTResponse").validate(response.get_json())


def test_a_links_detail_and_its_list_entry_fit_their_schemas(client: FlaskClient, creds: dict[str, Any]) -> None:
    # LinkDetail extended LinkSummary, whose `additionalProperties: false` refused the detail's own locale and
    # events: every real detail broke the contract, unseen while the fuzzing only ever asked for unknown ids.
    spec, admin = load_spec(), bearer(creds["adminApiKey"])
    link_id = admin_link(client, creds)["linkId"]
    component_validator(spec, "LinkDetail").validate(client.get(f"/api/v1/links/{link_id}", headers=admin).get_json())
    (entry,) = client.get("/api/v1/links", headers=admin).get_json()["links"]
    component_validator(spec, "LinkSummary").validate(entry)
    assert not component_validator(spec, "LinkSummary").is_valid({**entry, "events": []})


# --- what the app answers, generated from the contract ---------------------------------------------
# Loaded from the file, not with `schemathesis.pytest.from_fixture`: that loader sets `Function._nodeid`,
# which pytest 9.2 no longer has. Requests still go in-process to each test's own app (`call(app=app)`).
contract = schemathesis.openapi.from_path(OPENAPI_PATH)


@contract.hook  # This schema's hook only: other schemathesis tests would not see it.
def flatmap_case(context: schemathesis.HookContext, case: schemathesis.Case) -> st.SearchStrategy[schemathesis.Case]:
    """Aim some generated generateJWT requests at a dev profile, so fuzzing gets past 404 to the payload rules."""
    if case.operation.path != GENERATE_JWT or not isinstance(case.body, dict):
        return st.just(case)
    return st.sampled_from([None, *EXAMPLE_PROFILE_KEYS]).map(lambda key: aim_at_profile(case, key))


def aim_at_profile(case: schemathesis.Case, profile_key: str | None) -> schemathesis.Case:
    if profile_key is not None:
        case.body = {**case.body, "profileKey": profile_key}
        if case.headers:
            case.headers.pop("Profile-Key", None)
    return case


def as_dev_caller(case: schemathesis.Case, creds: dict[str, Any]) -> None:
    """Swap stand-in profile keys for the dev seed's, and any `Bearer …` for the dev API key.

    A missing or non-Bearer `Authorization` stays as generated, so 401 answers are checked too.
    """
    real = real_profile_keys(creds)
    if case.headers:
        if str(case.headers.get("Authorization", "")).startswith("Bearer "):
            case.headers["Authorization"] = bearer(creds["apiKey"])["Authorization"]
        if case.headers.get("Profile-Key") in real:
            case.headers["Profile-Key"] = real[case.headers["Profile-Key"]]
    if isinstance(case.body, dict) and isinstance(case.body.get("profileKey"), str) and case.body["profileKey"] in real:
        case.body["profileKey"] = real[case.body["profileKey"]]


def request_id_is_echoed(ctx: schemathesis.CheckContext, response: schemathesis.Response, case: Any) -> None:
    """A JSON body's `requestId` equals the X-Request-Id header (the schema cannot say "equal").

    Except for an idempotent replay, whose body is the first response as it was, first request id included.
    """
    content_type = (response.headers.get("content-type") or [""])[0]
    if response.headers.get("idempotent-replayed"):
        return
    if content_type.startswith(("application/json", "application/problem+json")):
        body = response.json()
        if isinstance(body, dict) and "requestId" in body:
            assert body["requestId"] == response.headers["x-request-id"][0], "requestId differs from X-Request-Id"


# Status documented, media type documented, headers and body as their schemas say, never a 5xx, and an
# undocumented method gets 405. (Positive/negative data checks are left out: whether a well-formed
# request succeeds depends on the profile behind its key, which a schema cannot know.)
CONTRACT_CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.unsupported_method,
    request_id_is_echoed,
]


@contract.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    # No .hypothesis/ example database: each run starts fresh and writes nothing to the tree.
    database=None,
    # The app and its dev seed are made once per operation and shared by its generated requests, on
    # purpose: a fresh app per request would cost seconds each, and requests only add audit rows.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_the_app_answers_as_the_contract_says(case: schemathesis.Case, app: Flask, creds: dict[str, Any]) -> None:
    as_dev_caller(case, creds)
    response = case.call_and_validate(app=app, checks=CONTRACT_CHECKS)
    if case.method == "POST" and case.path == GENERATE_JWT and response.status_code == 200:
        WATCH.watch(response.json()["token"])
