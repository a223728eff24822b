"""The broker as deployed: gunicorn with production settings, PostgreSQL, Secrets Manager over HTTP.

Tokens are checked by the shared verifier and by an independent library, both fetching the JWKS
over HTTP, as a relying party does.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import jwt as pyjwt
import pytest
import requests

from service.tokens.verifier import Expectations, HttpKeys, NonceCache, verify
from tests.support.api import SEED_PAYLOADS, bearer
from tests.support.databases import postgres_database
from tests.support.links import FROM_ITS_PAGE
from tests.support.privacy import WATCH
from tests.support.servers import mint_over_http, serve_broker
from tests.support.waiting import wait_until

PUBLIC_BASE_URL = "https://broker.http.test"


@pytest.fixture(scope="module", params=["postgres", "sqlite"])
def broker(
    emulator: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[dict[str, Any]]:
    tmp_path = tmp_path_factory.mktemp("broker")
    if request.param == "sqlite":
        yield from serve_broker(f"sqlite:///{tmp_path / 'broker.sqlite3'}", emulator, tmp_path, PUBLIC_BASE_URL)
        return
    with postgres_database() as postgres_url:
        yield from serve_broker(postgres_url, emulator, tmp_path, PUBLIC_BASE_URL)


def _mint(broker: dict[str, Any], profile: str, **extra: Any) -> requests.Response:
    return mint_over_http(broker["base"], broker["creds"]["apiKey"], broker["creds"], profile, **extra)


def test_tokens_for_every_profile_verify_over_http(broker: dict[str, Any]) -> None:
    base = broker["base"]
    keys = HttpKeys(f"{base}/.well-known/jwks.json", timeout=2)
    independent = pyjwt.PyJWKClient(f"{base}/.well-known/jwks.json")
    nonces = NonceCache()
    try:
        for profile in ("exorlive-main", "exorlive-go", "generic"):
            response = _mint(broker, profile, verify=True)
            assert response.status_code == 200, response.text
            token = response.json()["token"]
            claims = verify(
                token, Expectations(PUBLIC_BASE_URL, "sandbox-rp"), keys, now=int(time.time()), nonces=nonces
            )
            assert {k: claims[k] for k in SEED_PAYLOADS[profile]} == SEED_PAYLOADS[profile]
            signing_key = independent.get_signing_key_from_jwt(token)
            decoded = pyjwt.decode(
                token, signing_key.key, algorithms=["ES256"], audience="sandbox-rp", issuer=PUBLIC_BASE_URL
            )
            assert decoded == claims
    finally:
        keys.close()


def test_requests_run_across_workers(broker: dict[str, Any]) -> None:
    statuses = {_mint(broker, "generic").status_code for _ in range(20)}
    assert statuses == {200}


def test_chunked_body_over_the_limit_is_413_over_http(broker: dict[str, Any]) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"payload": {"blob": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}}'

    response = requests.post(
        f"{broker['base']}/api/v1/generateJWT",
        data=chunks(),
        headers={"Authorization": f"Bearer {broker['creds']['apiKey']}", "Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "payload_too_large"


def test_errors_over_http_are_problems(broker: dict[str, Any]) -> None:
    base = broker["base"]
    missing = requests.get(f"{base}/nothing-here", timeout=5)
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    malformed = requests.post(
        f"{base}/api/v1/generateJWT",
        data=b"{not json",
        headers={"Authorization": f"Bearer {broker['creds']['apiKey']}", "Content-Type": "application/json"},
        timeout=5,
    )
    assert (malformed.status_code, malformed.json()["code"]) == (400, "malformed_json")


def test_access_log_is_json_lines_with_routes_not_paths(broker: dict[str, Any]) -> None:
    _mint(broker, "generic")
    requests.get(f"{broker['base']}/keysets/dev-es256/jwks.json?secret=abc", timeout=5)
    # The workers write their access lines to the log file gunicorn's output goes to: wait until both are there.
    routes_logged = ('"route": "/api/v1/generateJWT"', '"route": "/keysets/<name>/jwks.json"')
    wait_until(
        lambda: all(route in broker["log"].read_text() for route in routes_logged),
        timeout=10,
        interval=0.05,
        what="both requests' lines in the access log",
    )
    lines = [json.loads(line) for line in broker["log"].read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("logger") == "service.access"]
    routes = {(line["route"], line["status"]) for line in access}
    assert ("/api/v1/generateJWT", 200) in routes
    assert ("/keysets/<name>/jwks.json", 200) in routes
    assert all("secret=abc" not in json.dumps(line) for line in lines)
    assert all(line["durationMs"] >= 0 and line["requestId"] for line in access)


def test_a_single_use_link_is_used_exactly_once_by_50_parallel_posts(broker: dict[str, Any]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    response = _mint(broker, "exorlive-main")
    link = response.json()["url"]
    assert link.startswith(PUBLIC_BASE_URL + "/l/")
    WATCH.watch(link.rsplit("/", 1)[1])
    # What the proxy in front would forward to this instance.
    link = broker["base"] + urlsplit(link).path

    def use(_: int) -> int:
        return requests.post(link, timeout=30, allow_redirects=False, headers=FROM_ITS_PAGE).status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(use, range(50)))
    assert sorted(statuses) == [200] + [410] * 49, statuses


def test_parallel_replacements_of_one_link_leave_exactly_one_working_link(broker: dict[str, Any]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    admin_key = broker["creds"]["adminApiKey"]

    def admin_mint(**extra: Any) -> requests.Response:
        return mint_over_http(broker["base"], admin_key, broker["creds"], "exorlive-main", expireIn=30, **extra)

    old = admin_mint().json()["linkId"]
    before = _link_states(broker, admin_key)

    def replace(_: int) -> requests.Response:
        return admin_mint(replaces=old)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(replace, range(8)))
    assert sorted(answer.status_code for answer in answers) == [200] + [409] * 7, [answer.text for answer in answers]
    winner = next(answer.json()["linkId"] for answer in answers if answer.status_code == 200)
    for answer in answers:
        if answer.status_code == 409:
            assert answer.json()["code"] == "link_already_replaced"
            assert winner in answer.json()["detail"]
    after = _link_states(broker, admin_key)
    # The losers made nothing: one new link, live, and the old one revoked.
    assert set(after) - set(before) == {winner}
    assert (after[old], after[winner]) == ("revoked", "usable")


def _link_states(broker: dict[str, Any], admin_key: str) -> dict[str, str]:
    listed = requests.get(f"{broker['base']}/api/v1/links?limit=200", headers=bearer(admin_key), timeout=10)
    assert listed.status_code == 200, listed.text
    return {link["id"]: link["state"] for link in listed.json()["links"]}


def test_exchange_profile_url_opens_a_session_at_the_relying_party(broker: dict[str, Any]) -> None:
    response = _mint(broker, "exorlive-go")
    assert response.status_code == 200, response.text
    url = response.json()["url"]
    assert url.startswith(broker["creds"]["sandboxUrl"] + "/session/")
    page = requests.get(url, timeout=5)
    assert page.status_code == 200
    assert "Baby Yoda" in page.text
    assert requests.get(url, timeout=5).status_code == 410
