"""The launch-link mail: text and HTML parts, headers, what appears when given, escaping, its locale."""

from __future__ import annotations

import datetime as dt
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest

from service.email.message import _check_headers, compose
from tests.support.mail import (
    ADMIN,
    MEMBER,
    NOW,
    SENDER,
    html_of,
    link_mail,
    text_of,
)


def _both_parts_say(message: EmailMessage, *phrases: str) -> None:
    for body in (text_of(message), html_of(message)):
        for phrase in phrases:
            assert phrase in body, phrase


def test_mail_is_multipart_alternative_with_the_link_in_both_parts() -> None:
    mail = link_mail()
    message = compose(mail, SENDER, NOW)
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    text, html = text_of(message), html_of(message)
    assert mail.url in text
    assert f'<a href="{mail.url}"' in html  # The button.
    assert "The link expires in 2 days, on" in text
    assert "The link expires in <strong>2 days</strong>, on" in html
    _both_parts_say(
        message,
        "on 20 November 2026 at 11:06 UTC",
        "ACME Physio",
        "works once",
        "Do not forward this email",
        "exorlive-main",
    )


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


def test_a_mail_in_nynorsk_is_nynorsk_from_subject_to_footer_with_oslo_time() -> None:
    message = compose(link_mail(locale="nn", time_zone="Europe/Oslo", uses=2), SENDER, NOW)
    assert message["Subject"] == "ACME Physio: innloggingslenkja di"
    assert message["Content-Language"] == "nn"
    text, html = text_of(message), html_of(message)
    assert '<html lang="nn">' in html
    assert "<title>ACME Physio: innloggingslenkja di</title>" in html
    assert "Lenkja gjeld i <strong>2 dagar</strong>, til 20. november 2026 kl. 12:06." in html
    assert "Lenkja gjeld i 2 dagar, til 20. november 2026 kl. 12:06." in text
    _both_parts_say(
        message,
        "ACME Physio har sendt deg ei lenkje for å logge inn på",
        "Du kan bruke lenkja 2 gonger.",
        "Ikkje send denne e-posten vidare.",
        "Har du spørsmål? Skriv til ACME Physio på",
        "Vilkår for bruk",
        "Personvernerklæring",
    )
    for body in (text, html):
        assert "sign" not in body.replace("sign-in", "")  # nothing left in English
        assert "UTC" not in body


def test_a_mail_in_bokmal_without_a_company() -> None:
    message = compose(link_mail(locale="nb", company_name=None), SENDER, NOW)
    assert message["Subject"] == "Innloggingslenken din"
    text = text_of(message)
    assert "Du har fått en lenke for å logge inn på exorlive-main." in text
    assert "Lenken gjelder i 2 dager, til 20. november 2026 kl. 11:06 UTC." in text
    assert "Du kan bruke lenken én gang." in text
    assert "Har du spørsmål? Skriv til avsenderen på help@acme.example." in text


def test_an_unknown_locale_is_written_in_english() -> None:
    message = compose(link_mail(locale="de"), SENDER, NOW)
    assert message["Subject"] == "ACME Physio: your sign-in link"
    assert message["Content-Language"] == "en"
    assert '<html lang="en">' in html_of(message)
    assert "The link expires in 2 days" in text_of(message)


def test_compose_refuses_a_company_name_that_would_inject_into_the_subject_even_unvalidated() -> None:
    with pytest.raises(ValueError, match="the company name"):
        compose(link_mail(company_name="ACME =?utf-8?q?=0D=0ABcc=3A_evil=40example=2Enet?="), SENDER, NOW)


def test_headers_that_would_not_read_back_as_written_are_refused() -> None:
    # Behind the checks of names: a value that became a header of its own once folded is still caught.
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = "=?utf-8?q?Hi=0D=0ABcc=3A_evil=40example=2Enet?="
    with pytest.raises(ValueError, match="header of its own"):
        _check_headers(message)
    message.replace_header("Subject", "Hi")
    _check_headers(message)
