"""The launch-link mail: expiry in words, text and HTML parts, headers, what appears when given, escaping."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

import pytest

from service.email.message import compose, expires_in_words
from tests.support.mail import (
    ADMIN,
    MEMBER,
    NOW,
    SENDER,
    html_of,
    link_mail,
    text_of,
)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (2880 * 60, "in 2 days"),
        (2880 * 60 - 1, "in 2 days"),  # Minted a second before the mail: still "2 days", not "1 day and 23 hours".
        (36 * 3600, "in 1 day and 12 hours"),
        (24 * 3600, "in 1 day"),
        (23 * 3600, "in 23 hours"),
        (90 * 60, "in 1 hour and 30 minutes"),
        (30 * 60, "in 30 minutes"),
        (61, "in 1 minute"),
        (20, "in less than a minute"),
    ],
)
def test_expiry_in_words(seconds: int, words: str) -> None:
    assert expires_in_words(seconds) == words


def test_mail_is_multipart_alternative_with_the_link_in_both_parts() -> None:
    mail = link_mail()
    message = compose(mail, SENDER, NOW)
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    text, html = text_of(message), html_of(message)
    assert mail.url in text
    assert f'<a href="{mail.url}"' in html  # The button.
    for body in (text, html):
        assert "expires" in body
        assert "in 2 days" in body
        assert "on 2026-11-20 11:06 UTC" in body
        assert "ACME Physio" in body
        assert "works once" in body
        assert "Do not forward this email" in body
        assert "exorlive-main" in body


def test_mail_headers_name_sender_and_member_but_never_the_bcc() -> None:
    message = compose(link_mail(), SENDER, NOW)
    assert message["Subject"] == "ACME Physio: your sign-in link"
    assert message["From"] == SENDER
    assert message["To"] == MEMBER
    assert message["Reply-To"] == "help@acme.example"
    assert parsedate_to_datetime(message["Date"]) == dt.datetime.fromtimestamp(NOW, dt.UTC)
    assert message["Message-ID"].endswith("@broker.example>")
    assert message["Auto-Submitted"] == "auto-generated"
    assert "Bcc" not in message
    assert ADMIN not in message.as_string()


def test_contact_terms_and_privacy_appear_when_given() -> None:
    message = compose(link_mail(), SENDER, NOW)
    text, html = text_of(message), html_of(message)
    assert 'href="mailto:help@acme.example"' in html
    assert "help@acme.example" in text
    assert 'href="https://acme.example/terms"' in html
    assert 'href="https://acme.example/privacy"' in html
    assert "https://acme.example/terms" in text
    assert "https://acme.example/privacy" in text


def test_a_mail_without_company_contact_or_policies_says_nothing_about_them() -> None:
    mail = link_mail(company_name=None, contact_email=None, terms_url=None, privacy_url=None, uses=3)
    message = compose(mail, "no-reply@broker.example", NOW)
    assert message["Subject"] == "Your sign-in link"
    assert "Reply-To" not in message
    for body in (text_of(message), html_of(message)):
        assert "mailto:" not in body
        assert "Terms" not in body
        assert "Privacy" not in body
        assert "None" not in body
        assert "works 3 times" in body


def test_html_part_escapes_what_the_admin_sent() -> None:
    mail = link_mail(company_name='<script>alert("x")</script>')
    message = compose(mail, SENDER, NOW)
    html = html_of(message)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    # The text part is not HTML: it shows the name as typed.
    assert '<script>alert("x")</script> has sent you' in text_of(message)


def test_compose_refuses_header_injection_and_non_web_links_even_unvalidated() -> None:
    with pytest.raises(ValueError, match="linefeed or carriage return"):
        compose(link_mail(to=f"{MEMBER}\r\nBcc: evil@example.net"), SENDER, NOW)
    with pytest.raises(ValueError, match="http"):
        compose(link_mail(terms_url="javascript:alert(1)"), SENDER, NOW)


def test_an_expired_link_is_not_mailed() -> None:
    with pytest.raises(ValueError, match="already expired"):
        compose(link_mail(expires_at=NOW), SENDER, NOW)
