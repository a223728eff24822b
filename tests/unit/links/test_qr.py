"""QR codes of launch links: made with segno, only for links, never with email, never stored."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.dev import seed as devseed
from service.links.qr import qr_svg
from service.profiles.setup import update_profile
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


@pytest.mark.parametrize(
    ("locale", "title"),
    [("nb", "Innloggingslenke"), ("nn", "Innloggingslenkje"), ("en", "Sign-in link"), (None, "Sign-in link")],
)
def test_the_svg_title_is_in_the_links_language(locale: str | None, title: str) -> None:
    svg = qr_svg("https://broker.test/l/" + "A" * 43, locale)
    assert re.findall("<title>(.*?)</title>", svg) == [title]


def _title(answer: dict[str, Any]) -> str:
    """The title of the answer's QR code; the link's secret joins the privacy watch."""
    link_path(answer)
    [title] = re.findall("<title>(.*?)</title>", answer["qrSvg"])
    return str(title)


def test_the_answers_code_is_titled_in_the_requests_locale_else_the_profiles(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    assert _title(generate(client, creds, "generic", qr=True).get_json()) == "Sign-in link"
    assert _title(generate(client, creds, "generic", qr=True, locale="nn").get_json()) == "Innloggingslenkje"
    update_profile(svc, devseed.DEV_TENANT, "generic", locale="nb")
    assert _title(generate(client, creds, "generic", qr=True).get_json()) == "Innloggingslenke"
    assert _title(generate(client, creds, "generic", qr=True, locale="en").get_json()) == "Sign-in link"


def test_a_replay_titles_its_code_in_the_links_language_not_the_profiles_of_today(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}, "qr": True}
    headers = {**bearer(creds["apiKey"]), "Idempotency-Key": "qr-nn"}
    update_profile(svc, devseed.DEV_TENANT, "generic", locale="nn")
    first = client.post("/api/v1/generateJWT", json=body, headers=headers).get_json()
    update_profile(svc, devseed.DEV_TENANT, "generic", locale="nb")
    second = client.post("/api/v1/generateJWT", json=body, headers=headers)
    assert second.headers["Idempotent-Replayed"] == "true"
    assert _title(first) == _title(second.get_json()) == "Innloggingslenkje"


def test_only_a_replay_looks_its_link_up(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fresh answer is already audited when its code is drawn: a failing read then would leave a usable link
    # that nobody got. It knows its link's language; a replay, which made nothing, asks the database.
    asked: list[str] = []
    monkeypatch.setattr(svc.minter, "link_locale", lambda _tenant, link_id: asked.append(link_id) or "nn")
    body = {"profileKey": creds["profiles"]["generic"], "payload": {"userId": "u-1"}, "qr": True, "locale": "nb"}
    headers = {**bearer(creds["apiKey"]), "Idempotency-Key": "qr-lookup"}
    first = client.post("/api/v1/generateJWT", json=body, headers=headers).get_json()
    assert (_title(first), asked) == ("Innloggingslenke", [])
    second = client.post("/api/v1/generateJWT", json=body, headers=headers).get_json()
    assert (_title(second), asked) == ("Innloggingslenkje", [first["linkId"]])


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
