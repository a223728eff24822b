"""The contract in openapi.yaml: valid OpenAPI 3.1, in step with the routes, served, and what the app answers."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
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

from service.apikeys.credentials import api_key_prefix
from service.dev import seed as devseed
from service.docs.views import ASSETS
from service.links.models import LaunchLink
from service.wiring import Services
from tests.support.api import SEED_PAYLOADS, bearer, generate
from tests.support.links import FROM_ITS_PAGE, admin_link, link_path, secret_of
from tests.support.paths import ROOT
from tests.support.privacy import WATCH
from tests.support.smtp import Collector
from tests.support.webhooks import register

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


def real_profile_keys(creds: dict[str, Any], *, test: bool = False) -> dict[str, str]:
    """The dev profile keys for the spec's stand-ins (a test key's: the test profiles of the same names)."""
    profiles = creds["testProfiles" if test else "profiles"]
    return {example: profiles[name] for example, name in EXAMPLE_PROFILE_KEYS.items()}


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


def takes_an_api_key(operation: Any) -> bool:
    return any("apiKey" in requirement for requirement in operation.definition.raw.get("security", []))


# The operations an API key opens: run again with a test key (the others answer everyone alike).
keyed_contract = contract.include(lambda context: takes_an_api_key(context.operation))


# Path parameters some generated requests aim at rows each test seeds (`seeded`), so fuzzing gets past 404 to
# the rows' own rules: by operation path, each parameter and the names of the seeded values it may take. A
# stand-in goes into the case; each test swaps in its own value.
AIMED_PARAMETERS = {
    "/api/v1/links/{linkId}": {"linkId": ("linkId",)},
    "/api/v1/links/{id}/revoke": {"id": ("linkId",)},
    "/api/v1/api-keys/{prefix}/revoke": {"prefix": ("spareKeyPrefix",)},
    "/api/v1/webhooks/{id}": {"id": ("webhookId",)},
    "/api/v1/webhooks/{id}/rotate-secret": {"id": ("webhookId",)},
    "/api/v1/webhooks/{id}/deliveries": {"id": ("webhookId",)},
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {"id": ("webhookId",), "deliveryId": ("deliveryId",)},
    "/l/{secret}": {"secret": ("linkSecret", "expiredLinkSecret")},
    "/l/{secret}/renew": {"secret": ("expiredLinkSecret", "linkSecret")},
    "/keysets/{name}/jwks.json": {"name": ("keyset",)},
    "/problems/{code}": {"code": ("problemCode",)},
    "/docs/assets/{name}": {"name": ("docsAsset",)},
}
STAND_IN = "seeded:"
Aim = Callable[[schemathesis.Case], None]


@contract.hook  # This schema's hook only (and its filtered copy's): other schemathesis tests would not see it.
def flatmap_case(context: schemathesis.HookContext, case: schemathesis.Case) -> st.SearchStrategy[schemathesis.Case]:
    """Aim some generated requests past 401, 404 and 403 to each route's own rules; the rest stay as generated.

    With the caller's API key; generateJWT at a dev profile, with its payload, a lifetime it grants, without an
    idempotency key, replacing the seeded link; path parameters at the seeded rows; a link page's POST from the
    link's own page (as its form posts).
    """
    aims: list[st.SearchStrategy[Aim]] = []
    if takes_an_api_key(case.operation):
        aims.append(st.sampled_from([as_generated, with_an_api_key]))
    if case.operation.path == GENERATE_JWT and isinstance(case.body, dict):
        aims.append(st.sampled_from([None, *EXAMPLE_PROFILE_KEYS]).map(lambda key: functools.partial(at_profile, key)))
        aims += [
            st.sampled_from([as_generated, with_its_payload]),
            st.sampled_from([None, 1, "48h"]).map(lambda minutes: functools.partial(for_minutes, minutes)),
            st.sampled_from([as_generated, without_idempotency_key]),
            st.sampled_from([as_generated, replacing_seeded]),
        ]
    for name, rows in AIMED_PARAMETERS.get(case.operation.path, {}).items():
        aims.append(st.sampled_from([None, *rows]).map(lambda row, name=name: functools.partial(at_seeded, name, row)))
    if case.operation.path.startswith("/l/") and case.method == "POST":
        aims.append(st.sampled_from([as_generated, from_its_page]))

    def aimed(chosen: tuple[Aim, ...]) -> schemathesis.Case:
        for aim in chosen:
            aim(case)
        return case

    return st.tuples(*aims).map(aimed)


def as_generated(case: schemathesis.Case) -> None:
    pass


def with_an_api_key(case: schemathesis.Case) -> None:
    case.headers = {**(case.headers or {}), "Authorization": "Bearer the-callers-key"}


def at_profile(profile_key: str | None, case: schemathesis.Case) -> None:
    if profile_key is not None:
        case.body = {**case.body, "profileKey": profile_key}
        if case.headers:
            case.headers.pop("Profile-Key", None)


def with_its_payload(case: schemathesis.Case) -> None:
    """The seed payload of the profile the body names, so the request gets past the payload's rules."""
    named = case.body.get("profileKey")
    kind = EXAMPLE_PROFILE_KEYS.get(named, "generic") if isinstance(named, str) else "generic"
    case.body = {**case.body, "payload": SEED_PAYLOADS[kind]}


def for_minutes(minutes: int | str | None, case: schemathesis.Case) -> None:
    """A lifetime the broker grants: the schema's durations reach "99999d", far past the 2880 minutes allowed."""
    if minutes is not None:
        case.body = {**{name: value for name, value in case.body.items() if name != "expiresIn"}, "expireIn": minutes}


def without_idempotency_key(case: schemathesis.Case) -> None:
    """Generated keys repeat with other bodies (422 idempotency_key_reused); some requests go without one."""
    if case.headers:
        case.headers.pop("Idempotency-Key", None)


def replacing_seeded(case: schemathesis.Case) -> None:
    case.body = {**case.body, "replaces": f"{STAND_IN}linkId"}


def at_seeded(name: str, row: str | None, case: schemathesis.Case) -> None:
    if row is not None:
        case.path_parameters = {**(case.path_parameters or {}), name: STAND_IN + row}


def from_its_page(case: schemathesis.Case) -> None:
    case.headers = {**(case.headers or {}), **FROM_ITS_PAGE}


@pytest.fixture
def config(config: dict[str, Any], inbox: tuple[Collector, int]) -> dict[str, Any]:
    """A mail server, so generated `email` requests and renewals go all the way to sending."""
    return {**config, "SMTP_URL": f"smtp://127.0.0.1:{inbox[1]}?from=broker%40broker.test"}


@pytest.fixture
def seeded(client: FlaskClient, creds: dict[str, Any], svc: Services) -> dict[str, str]:
    """Rows for the fuzzed requests to find: a usable launch link, an expired emailed one (a test key's, so its
    mail waits in the test inbox), a webhook endpoint with deliveries, and the names the public routes serve."""
    webhook = register(client, creds, "https://hooks.example.com/fuzz")
    mailed = generate(
        client,
        creds,
        "exorlive-go",
        key="testApiKey",
        profileKey=creds["testProfiles"]["exorlive-go"],
        expireIn=1,
        email={"to": SEED_PAYLOADS["exorlive-go"]["contact"]["email"]},
    )
    assert mailed.status_code == 200, mailed.get_json()
    # Expired, so its renewal can be asked for. Not by moving the app's clock: the sandbox relying party, on
    # real time, would refuse the app's tokens as issued in the future (502 relying_party_error).
    with svc.db.session() as session:
        expired = {"expires_at": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)}
        session.query(LaunchLink).filter_by(public_id=mailed.get_json()["linkId"]).update(expired)
    link = admin_link(client, creds)
    listed = client.get(f"/api/v1/webhooks/{webhook['id']}/deliveries", headers=bearer(creds["adminApiKey"]))
    return {
        "linkId": link["linkId"],
        "linkSecret": secret_of(link_path(link)),
        "expiredLinkSecret": secret_of(link_path(mailed.get_json())),
        "spareKeyPrefix": api_key_prefix(creds["apiKey"]),
        "webhookId": webhook["id"],
        "deliveryId": listed.get_json()["deliveries"][0]["id"],
        "keyset": devseed.DEV_KEYSET,
        "problemCode": "validation_failed",
        "docsAsset": next(iter(ASSETS)),
    }


def as_caller(case: schemathesis.Case, creds: dict[str, Any], seeded: dict[str, str], key: str) -> None:
    """Swap stand-ins for the seeded rows and this caller's profiles, and any `Bearer …` for its API key.

    `key` names the API key in `creds`: the test key's profiles are the test ones. A missing or non-Bearer
    `Authorization` stays as generated, so 401 answers are checked too.
    """
    real = real_profile_keys(creds, test=key == "testApiKey")
    if case.headers:
        if str(case.headers.get("Authorization", "")).startswith("Bearer "):
            case.headers["Authorization"] = bearer(creds[key])["Authorization"]
        if case.headers.get("Profile-Key") in real:
            case.headers["Profile-Key"] = real[case.headers["Profile-Key"]]
    if isinstance(case.body, dict):
        if isinstance(case.body.get("profileKey"), str) and case.body["profileKey"] in real:
            case.body["profileKey"] = real[case.body["profileKey"]]
        if case.body.get("replaces") == f"{STAND_IN}linkId":
            case.body["replaces"] = seeded["linkId"]
    for name, value in (case.path_parameters or {}).items():
        if isinstance(value, str) and value.startswith(STAND_IN):
            case.path_parameters[name] = seeded[value.removeprefix(STAND_IN)]


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


FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    # The same requests on every run and machine, so CI is repeatable and a failure can be run again.
    derandomize=True,
    # No .hypothesis/ example database: each run starts fresh and writes nothing to the tree.
    database=None,
    # The app and its seeded rows are made once per operation and shared by its generated requests, on
    # purpose: a fresh app per request would cost seconds each, and requests only add rows.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def call_and_check(
    case: schemathesis.Case, app: Flask, creds: dict[str, Any], seeded: dict[str, str], key: str
) -> None:
    as_caller(case, creds, seeded, key)
    response = case.call_and_validate(app=app, checks=CONTRACT_CHECKS)
    body = response.json() if response.headers.get("content-type", [""])[0] == "application/json" else None
    # What the broker answers once and must never log: tokens, link secrets, webhook secrets.
    if isinstance(body, dict):
        WATCH.watch(*(body[name] for name in ("token", "secret") if isinstance(body.get(name), str)))
        if isinstance(body.get("url"), str) and "/l/" in body["url"]:
            WATCH.watch(body["url"].rsplit("/", 1)[1])


@contract.parametrize()
@FUZZ_SETTINGS
def test_the_app_answers_an_admin_key_as_the_contract_says(
    case: schemathesis.Case, app: Flask, creds: dict[str, Any], seeded: dict[str, str]
) -> None:
    call_and_check(case, app, creds, seeded, "adminApiKey")


@keyed_contract.parametrize()
@FUZZ_SETTINGS
def test_the_app_answers_a_test_key_as_the_contract_says(
    case: schemathesis.Case, app: Flask, creds: dict[str, Any], seeded: dict[str, str]
) -> None:
    call_and_check(case, app, creds, seeded, "testApiKey")
