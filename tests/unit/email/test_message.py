"""The launch-link mail: text and HTML parts, headers, what appears when given, escaping, its locale."""

from __future__ import annotations

import datetime as dt
import random
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest

from service.email.message import _check_headers, compose
from service.tenants.accounts import MAX_DISPLAY_NAME
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


def test_the_from_name_is_the_tenants_display_name_on_the_brokers_address() -> None:
    message = compose(link_mail(sender_name="Tatooine Fysioterapi"), SENDER, NOW)
    assert message["From"] == "Tatooine Fysioterapi <no-reply@broker.example>"
    assert message["Message-ID"].endswith("@broker.example>")
    # Without a display name, the name (if any) and address SMTP_URL's from= gives.
    assert compose(link_mail(), SENDER, NOW)["From"] == SENDER
    assert compose(link_mail(), "no-reply@broker.example", NOW)["From"] == "no-reply@broker.example"
    named = compose(link_mail(sender_name="Tatooine Fysioterapi"), "no-reply@broker.example", NOW)
    assert named["From"] == "Tatooine Fysioterapi <no-reply@broker.example>"


def _head(raw: bytes) -> bytes:
    """The header block of a serialised mail: 7-bit (æøå travel as encoded words) and folded to 78 characters."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    head.decode("ascii")
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))
    return head


@pytest.mark.parametrize(
    "name",
    [
        'Tatooine "Fysio", Mos Eisley',  # quotes and a comma: one name, not two addresses
        "Ærø Fysioterapi på Åsgårdstrand",  # non-ASCII: an RFC 2047 encoded word
        "Kari <kari@example.net>, Bcc: evil@example.net",  # looks like addresses and a header: stays a name
        "\\ (a backslash); and: brackets [x] @ <>",
    ],
)
def test_a_from_name_is_encoded_as_one_name_and_adds_no_header(name: str) -> None:
    plain = compose(link_mail(), SENDER, NOW).as_bytes()
    raw = compose(link_mail(sender_name=name), SENDER, NOW).as_bytes()
    _head(raw)
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["From"].addresses == (Address(display_name=name, addr_spec="no-reply@broker.example"),)
    assert parsed.keys() == message_from_bytes(plain, policy=policy.default).keys()  # no header added
    assert parsed["To"] == MEMBER
    assert "Bcc" not in parsed


def test_a_long_name_with_aeoa_and_commas_is_folded_into_encoded_words_on_one_address() -> None:
    name = "Fysioterapeutane på Øvre Årdal og Sørøyane, avdeling for rehabilitering etter skade og sjukdom, Moss"
    assert len(name) == MAX_DISPLAY_NAME
    raw = compose(link_mail(sender_name=name), SENDER, NOW).as_bytes()
    assert len(_head(raw).split(b"\r\nTo:")[0].split(b"\r\n")) > 1  # folded over lines
    parsed = message_from_bytes(raw, policy=policy.default)
    [address] = parsed["From"].addresses
    assert address.addr_spec == "no-reply@broker.example"
    # As RFC 2047 reads it (Python's own reader puts a space between two adjacent encoded words).
    raw_from = message_from_bytes(raw, policy=policy.compat32)["From"]
    assert str(make_header(decode_header(raw_from))) == f"{name} <no-reply@broker.example>"


@pytest.mark.parametrize(
    "name",
    [
        "Evil\r\nBcc: evil@example.net",
        "Evil\nBcc: x@example.net",
        "A\x00B",
        "A\u2028B",
        " ",
        # An encoded word: Python's email package would decode it, line break and all, into a header of its own.
        "=?utf-8?q?Physio=0D=0ABcc=3A_evil=40example=2Enet?=",
        "Physio =?utf-8?q?x?= <evil@example.net>",
    ],
)
def test_compose_refuses_a_from_name_with_control_characters_or_encoded_words_even_unvalidated(name: str) -> None:
    with pytest.raises(ValueError, match="control character or an encoded word"):
        compose(link_mail(sender_name=name), SENDER, NOW)


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


def test_a_mail_draws_nothing_from_the_global_random() -> None:
    # Its Message-ID and MIME boundary come from `secrets`: a mail sent by a background thread never moves
    # the `random` state a test (or Hypothesis) is drawing from, and ids are not predictable from it.
    before = random.getstate()
    first = compose(link_mail(), SENDER, NOW)
    wire = first.as_bytes()
    second = compose(link_mail(), SENDER, NOW)
    assert random.getstate() == before
    assert first["Message-ID"] != second["Message-ID"]
    assert first["Message-ID"].endswith("@broker.example>")
    boundary = first.get_boundary()
    assert boundary is not None
    assert boundary != second.get_boundary()
    assert f"--{boundary}--".encode() in wire
