"""Minting beyond the request: self-verification, Secrets Manager call counts, and the audit trail."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.audit.models import AuditEvent
from service.keys.material import SigningKey, generate_private_key_pem, parse_signing_key
from service.keys.source import KeysetRef
from service.wiring import Services
from tests.support.api import SEED_MAIN_PAYLOAD, generate, problem
from tests.support.privacy import SEED_PERSONAL_DATA


def test_a_key_that_does_not_match_its_published_half_fails_verify_and_returns_no_token(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = svc.key_source.signing_key(KeysetRef("dev-es256", "sso-token-broker/keysets/dev-es256", "ES256"))
    other = parse_signing_key(generate_private_key_pem("ES256"), "ES256", "t")
    # Same kid as the published key, different private half: what a corrupted secret version looks like.
    monkeypatch.setattr(svc.key_source, "signing_key", lambda _ref: SigningKey(published.kid, "ES256", other.key))
    response = generate(client, creds, "exorlive-main", verify=True)
    body = problem(response, 503, "verification_failed")
    assert "token" not in body
    assert "signature" in body["detail"]
    without_verify = generate(client, creds, "exorlive-main")
    assert without_verify.status_code == 200  # as in Ayrshare: without verify, a bad key is not detected


def _count_secrets_manager_calls(svc: Services) -> list[str]:
    calls: list[str] = []
    svc.secrets_client.meta.events.register("before-call.secrets-manager", lambda model, **_: calls.append(model.name))
    return calls


@pytest.mark.settings(RATE_LIMIT="10000/minute")
def test_secrets_manager_calls_do_not_grow_with_requests(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    calls = _count_secrets_manager_calls(svc)
    for _ in range(1000):
        assert generate(client, creds, "generic").status_code == 200
    for _ in range(100):
        assert generate(client, creds, "generic", verify=True).status_code == 200
        assert client.get("/.well-known/jwks.json").status_code == 200
    # One DescribeSecret (stages) and one GetSecretValue per published version; no per-request calls.
    print(f"Secrets Manager calls for 1,000 mints + 100 verified mints + 100 JWKS fetches: {len(calls)}: {calls}")
    assert calls.count("DescribeSecret") == 1
    assert calls.count("GetSecretValue") == 1
    assert len(calls) == 2


def test_audit_rows_record_the_mint_without_personal_data(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    token = generate(client, creds, "exorlive-main").get_json()["token"]
    assert svc.auditor.flush()
    with svc.db.session() as session:
        rows = session.query(AuditEvent).all()
        dumped = json.dumps(
            [{c.name: getattr(row, c.name) for c in AuditEvent.__table__.columns} for row in rows], default=str
        )
    assert len(rows) == 1
    row = rows[0]
    assert (row.action, row.outcome, row.tenant_id) == ("token.minted", "ok", 1)
    assert row.api_key_prefix == creds["apiKey"][:12]
    assert row.subject_hash is not None
    assert len(row.subject_hash) == 64
    for value in (*SEED_PERSONAL_DATA, token, creds["apiKey"], SEED_MAIN_PAYLOAD["contact"]["id"], "L02"):
        assert value not in dumped


def test_the_subject_hash_is_keyed(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    import hashlib

    generate(client, creds, "exorlive-main")
    assert svc.auditor.flush()
    with svc.db.session() as session:
        subject_hash = session.query(AuditEvent).one().subject_hash
    ids = "\x1f".join(["ace615c2", "2f3fb098", "2f3fb098"]).encode()
    assert subject_hash != hashlib.sha256(ids).hexdigest()
