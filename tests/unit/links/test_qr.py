"""QR codes of launch links: made with segno, only for links, never with email, never stored."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from service.dev import seed as devseed
from service.links.qr import qr_svg
from service.tokens import idempotency
from service.tokens.idempotency import Replay
from service.wiring import Services
from tests.support.api import bearer, generate, problem
from tests.support.links import link_path


def test_the_svg_is_a_standalone_scalable_document() -> None:
    svg = qr_svg("https://broker.test/l/" + "A" * 43)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox=')
    assert "<?xml" not in svg
    assert 'fill="#fff"' in svg or "#fff" in svg


def test_qr_makes_a_launch_link_that_waits_for_a_tap(client: FlaskClient, creds: dict[str, Any]) -> None:
    answer = generate(client, creds, "generic", qr=True).get_json()
    assert answer["qrSvg"] == qr_svg(answer["url"])
    assert list(answer)[1:4] == ["url", "linkId", "qrSvg"]
    page = client.get(link_path(answer)).get_data(as_text=True)
    assert "<script" not in page  # no auto-submit: a camera app's preview must not use the link


def test_qr_is_refused_with_email(client: FlaskClient, creds: dict[str, Any]) -> None:
    body = problem(
        generate(client, creds, "generic", key="adminApiKey", qr=True, email={"to": "a@b.example"}),
        422,
        "validation_failed",
    )
    assert "qr" in body["errors"]


def test_a_replay_draws_the_code_again_and_the_stored_answer_has_none(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}, "qr": True}
    headers = {**bearer(creds["apiKey"]), "Idempotency-Key": "qr-once"}
    first = client.post("/api/v1/generateJWT", json=body, headers=headers).get_json()
    second = client.post("/api/v1/generateJWT", json=body, headers=headers)
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.get_json() == first
    link_path(first)
    tenant_id = svc.stores.tenants.tenant_by_name(devseed.DEV_TENANT).id
    stored = svc.idempotency.begin(tenant_id, "qr-once", idempotency.fingerprint(body, None))
    assert isinstance(stored, Replay)
    assert "qrSvg" not in stored.body
    assert stored.body["url"] == first["url"]
