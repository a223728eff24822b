"""The generated clients (clients/python, clients/typescript) against the broker as deployed: gunicorn, SQLite,
Secrets Manager (moto) over HTTP.

Each client mints a token, gets a 422 and reads its `code` and `errors` through the generated types, gets a 401,
mails a link in test mode (the mail waits in the test inbox) and lists links. The Python client is imported as
committed (pytest's `pythonpath`); the TypeScript tests are compiled with tsc (a type error fails them) and run
with Node's own test runner, against the committed dist/, as a user's code imports the package.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from sso_token_broker_client import AuthenticatedClient
from sso_token_broker_client.api.links import get_link, get_test_inbox, list_links
from sso_token_broker_client.api.tokens import generate_jwt
from sso_token_broker_client.models import (
    EmailRequest,
    ExorLiveMainPayload,
    GenerateJWTRequest,
    GenerateJWTResponse,
    GenericPayload,
    GetTestInboxResponse200,
    LinkDetail,
    ListLinksResponse200,
    UnauthorizedProblem,
    ValidationProblem,
)
from sso_token_broker_client.types import Response, Unset

from tests.support.api import SEED_PAYLOADS
from tests.support.paths import ROOT
from tests.support.privacy import WATCH
from tests.support.servers import serve_broker

PUBLIC_BASE_URL = "https://broker.clients.test"
TS_CLIENT = ROOT / "clients" / "typescript"
NODE_TOOLS = ROOT / "tools" / "node_modules"
MEMBER = "babyyoda@galaxy.com"


@pytest.fixture(scope="module")
def broker(emulator: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("broker")
    yield from serve_broker(f"sqlite:///{folder / 'broker.sqlite3'}", emulator, folder, PUBLIC_BASE_URL, workers=2)


def _client(broker: dict[str, Any], key: str = "apiKey") -> AuthenticatedClient:
    return AuthenticatedClient(base_url=broker["base"], token=broker["creds"][key])


def _minted(response: Response[Any]) -> GenerateJWTResponse:
    """The 200 answer, its token and link secret watched for in every log."""
    assert response.status_code == 200, response.content
    answer = response.parsed
    assert isinstance(answer, GenerateJWTResponse)
    WATCH.watch(answer.token if isinstance(answer.token, str) else "")
    if answer.link_id and isinstance(answer.url, str):
        WATCH.watch(answer.url.rsplit("/", 1)[1])
    return answer


# --- Python ----------------------------------------------------------------------------------------------------
def test_python_client_mints_a_token(broker: dict[str, Any]) -> None:
    body = GenerateJWTRequest(
        profile_key=broker["creds"]["profiles"]["generic"], payload=GenericPayload.from_dict(SEED_PAYLOADS["generic"])
    )
    with _client(broker) as client:
        answer = _minted(generate_jwt.sync_detailed(client=client, body=body))
    assert isinstance(answer.token, str)
    assert answer.token.count(".") == 2
    assert answer.alg == "ES256"
    assert answer.profile == "generic"
    assert isinstance(answer.url, str)
    assert answer.token in answer.url  # a `query` profile


def test_python_client_reads_a_422_by_its_code_and_errors(broker: dict[str, Any]) -> None:
    # As any object: the typed ExorLiveMainPayload.from_dict refuses to build it without `employeeId`.
    payload = {key: value for key, value in SEED_PAYLOADS["exorlive-main"].items() if key != "employeeId"}
    body = GenerateJWTRequest(
        profile_key=broker["creds"]["profiles"]["exorlive-main"], payload=GenericPayload.from_dict(payload)
    )
    with _client(broker) as client:
        response = generate_jwt.sync_detailed(client=client, body=body)
    assert response.status_code == 422
    problem = response.parsed
    assert isinstance(problem, ValidationProblem)
    assert problem.status == 422
    assert problem.code == "validation_failed"
    assert problem.errors["payload.employeeId"] == ["Missing data for required field."]
    assert problem.request_id == response.headers["X-Request-Id"]


def test_python_client_gets_a_401_for_an_unknown_key(broker: dict[str, Any]) -> None:
    body = GenerateJWTRequest(
        profile_key=broker["creds"]["profiles"]["generic"], payload=GenericPayload.from_dict(SEED_PAYLOADS["generic"])
    )
    with AuthenticatedClient(base_url=broker["base"], token="tbk_" + "x" * 38) as client:
        response = generate_jwt.sync_detailed(client=client, body=body)
    assert response.status_code == 401
    assert isinstance(response.parsed, UnauthorizedProblem)
    assert response.parsed.code == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_python_client_mails_a_link_in_test_mode(broker: dict[str, Any]) -> None:
    creds = broker["creds"]
    body = GenerateJWTRequest(
        profile_key=creds["testProfiles"]["generic"],
        payload=GenericPayload.from_dict(SEED_PAYLOADS["generic"]),
        expire_in="48h",
        email=EmailRequest(to=MEMBER),
    )
    with _client(broker, "testApiKey") as client:
        answer = _minted(generate_jwt.sync_detailed(client=client, body=body))
        inbox = get_test_inbox.sync(client=client)
    assert (answer.email_sent, answer.delivery) == (False, "test-inbox")  # kept in the test inbox, not sent
    assert isinstance(answer.token, Unset)  # left out with `email` (no includeToken)
    assert isinstance(inbox, GetTestInboxResponse200)
    # Newest first; the TypeScript test mails to the same inbox.
    assert (inbox.messages[0].to, inbox.messages[0].url) == (MEMBER, answer.url)


def test_python_client_lists_links(broker: dict[str, Any]) -> None:
    body = GenerateJWTRequest(
        profile_key=broker["creds"]["profiles"]["exorlive-main"],
        payload=ExorLiveMainPayload.from_dict(SEED_PAYLOADS["exorlive-main"]),
        expire_in=120,
    )
    with _client(broker, "adminApiKey") as client:
        made = _minted(generate_jwt.sync_detailed(client=client, body=body))
        listed = list_links.sync(client=client)
        assert isinstance(made.link_id, str)
        shown = get_link.sync_detailed(client=client, link_id=made.link_id)
    assert isinstance(listed, ListLinksResponse200)
    (link,) = [link for link in listed.links if link.id == made.link_id]
    assert (link.profile, link.state, link.uses_left) == ("exorlive-main", "usable", 1)
    assert isinstance(shown.parsed, LinkDetail)
    assert [event.type_ for event in shown.parsed.events] == ["created"]
    # The answer as sent fits the contract's LinkDetail (which the fuzzing never reaches: it has no link ids).
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    link_detail = {"$ref": "#/components/schemas/LinkDetail", "components": spec["components"]}
    Draft202012Validator(link_detail).validate(json.loads(shown.content))


# --- TypeScript ------------------------------------------------------------------------------------------------
def test_typescript_client(broker: dict[str, Any], tmp_path: Path) -> None:
    """clients/typescript/test/*.test.ts, type-checked and built by tsc, run by `node --test`."""
    tsc, tests = NODE_TOOLS / ".bin" / "tsc", TS_CLIENT / "test"
    assert tsc.exists(), "tools/node_modules is missing: `make test` installs it (npm ci in tools/)"
    built = subprocess.run(
        [str(tsc), "--project", str(tests / "tsconfig.json")], capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, f"tsc:\n{built.stdout}{built.stderr}"
    creds, watch_file = broker["creds"], tmp_path / "secrets.txt"
    env = {
        **os.environ,
        "BROKER_URL": broker["base"],
        "API_KEY": creds["apiKey"],
        "ADMIN_KEY": creds["adminApiKey"],
        "TEST_KEY": creds["testApiKey"],
        "PROFILES": " ".join(f"{name}={key}" for name, key in creds["profiles"].items()),
        "TEST_PROFILES": " ".join(f"{name}={key}" for name, key in creds["testProfiles"].items()),
        # The tests append every token and link secret they get here, for the privacy watch.
        "WATCH_FILE": str(watch_file),
    }
    ran = subprocess.run(
        ["node", "--test", "--test-reporter=spec", *sorted(str(path) for path in (tests / "build").glob("*.test.js"))],
        cwd=TS_CLIENT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if watch_file.exists():
        WATCH.watch(*watch_file.read_text().split())
    assert ran.returncode == 0, f"node --test:\n{ran.stdout}{ran.stderr}"
    assert re.search("^\u2139 pass [1-9]", ran.stdout, re.M), ran.stdout  # the spec reporter's "i pass 5": tests ran
