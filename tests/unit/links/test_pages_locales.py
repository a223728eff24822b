"""Launch pages in bokmål, nynorsk and English, by Accept-Language or the link's own locale, dated for the reader."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.errors import KeyUnavailable
from service.links import pages
from service.links.models import LaunchLink
from service.locales import format_datetime
from service.wiring import Services
from tests.support.api import generate
from tests.support.faults import lost_connection
from tests.support.links import FROM_ITS_PAGE, launch_links, link_path

NB = {"Accept-Language": "nb-NO,nb;q=0.9,en;q=0.5"}
NN = {"Accept-Language": "nn-NO,nn;q=0.9,en;q=0.5"}


def _html(response: Any, locale: str) -> str:
    """The page's HTML, after checking it says which language it is in, and that caches key on the header."""
    html: str = response.get_data(as_text=True)
    assert f'<html lang="{locale}">' in html
    assert response.headers["Content-Language"] == locale
    assert "Accept-Language" in response.vary
    assert "style=" not in html  # The CSP allows only the nonce'd style element, never style attributes.
    return html


def _long_link(client: FlaskClient, creds: dict[str, Any]) -> str:
    return link_path(generate(client, creds, "exorlive-main", expireIn=600, key="adminApiKey").get_json())


def test_the_continue_page_in_bokmal_with_the_expiry_written_out(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    path = _long_link(client, creds)
    html = _html(client.get(path, headers=NB), "nb")
    assert "<title>Fortsett for å logge inn</title>" in html
    assert "Du er i ferd med å logge inn på <strong>ExorLive</strong>." in html
    assert '<button type="submit" data-testid="continue">Fortsett</button>' in html
    expires_at = launch_links(svc)[0].expires_at.replace(tzinfo=dt.UTC)
    assert f'Lenken gjelder til <span class="when">{format_datetime(expires_at, "nb", "Europe/Oslo")}</span>.' in html
    assert re.search(r'Lenken gjelder til <span class="when">\d{1,2}\. [a-z]+ 20\d\d kl\. \d\d:\d\d</span>\.', html)


def test_without_accept_language_the_page_is_english(client: FlaskClient, creds: dict[str, Any]) -> None:
    html = _html(client.get(_long_link(client, creds)), "en")
    assert '<button type="submit" data-testid="continue">Continue</button>' in html
    assert re.search(r'This link expires on <span class="when">\d{1,2} [A-Z][a-z]+ 20\d\d at \d\d:\d\d</span>\.', html)
    html = _html(client.get(_long_link(client, creds), headers={"Accept-Language": "de-DE, sv"}), "en")
    assert "Continue to sign in" in html


@pytest.mark.parametrize(
    ("headers", "locale", "heading"),
    [(NB, "nb", "Lenken har utløpt"), (NN, "nn", "Lenkja har gått ut"), ({}, "en", "This link has expired")],
)
def test_an_expired_link_says_so_in_the_readers_language(
    client: FlaskClient, creds: dict[str, Any], svc: Services, headers: dict[str, str], locale: str, heading: str
) -> None:
    path = _long_link(client, creds)
    with svc.db.session() as session:
        session.query(LaunchLink).update({"expires_at": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)})
    for response in (client.get(path, headers=headers), client.post(path, headers={**headers, **FROM_ITS_PAGE})):
        assert response.status_code == 410
        html = _html(response, locale)
        assert f'data-state="expired">{heading}</h1>' in html
        assert f"<title>{heading}</title>" in html


def test_status_pages_in_nynorsk(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    assert "Denne lenkja er ikkje gyldig" in _html(client.get("/l/" + "A" * 43, headers=NN), "nn")
    path = link_path(generate(client, creds, "exorlive-main").get_json())
    refused = client.post(path, headers=NN)  # not from its own page
    assert refused.status_code == 403
    assert "Opne lenkja på nytt for å halde fram" in _html(refused, "nn")
    assert "Loggar deg inn …" in _html(client.post(path, headers={**NN, **FROM_ITS_PAGE}), "nn")
    assert "Denne lenkja er allereie brukt" in _html(client.post(path, headers={**NN, **FROM_ITS_PAGE}), "nn")
    path = _long_link(client, creds)
    with svc.db.session() as session:
        session.query(LaunchLink).update({"revoked_at": dt.datetime.now(dt.UTC)})
    assert "Denne lenkja er trekt tilbake" in _html(client.get(path, headers=NN), "nn")


def test_failures_get_a_translated_page_that_never_shows_the_internal_detail(
    client: FlaskClient, creds: dict[str, Any], svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _long_link(client, creds)

    def no_key(_ref: object) -> None:
        raise KeyUnavailable("signing key cache is cold")

    with monkeypatch.context() as patched:
        patched.setattr(svc.key_source, "signing_key", no_key)
        failed = client.post(path, headers={**NB, **FROM_ITS_PAGE})
    assert failed.status_code == 503
    html = _html(failed, "nb")
    assert 'data-state="key_unavailable">Vi klarte ikke å logge deg inn akkurat nå</h1>' in html
    assert "Lenken din virker fortsatt" in html
    assert "cache" not in html
    with monkeypatch.context() as patched:
        patched.setattr(svc.stores.links, "link_by_hash", lost_connection)
        down = client.get(path, headers=NN)
    assert down.status_code == 503
    assert 'data-state="unavailable">Vi klarte ikkje å logge deg inn akkurat no</h1>' in _html(down, "nn")


def test_a_links_own_locale_wins_over_the_browsers(app: Flask) -> None:
    with app.test_request_context(headers=NB):
        assert pages._locale("nn") == "nn"
        assert pages._locale("en") == "en"
        assert pages._locale(None) == "nb"
        assert pages._locale("de") == "nb"
