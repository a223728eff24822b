"""The launch-link mailer against a real SMTP server (aiosmtpd on loopback): plain, STARTTLS, TLS, AUTH, refusals."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import secrets
import smtplib
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from service.dev.mail_sink import DevMail, ReceivedMail
from service.email.message import LinkEmail, compose, expires_in_words
from service.email.request import link_email_from_request, validate_email_request
from service.email.sender import Mailer, MailError
from service.email.settings import parse_smtp_url
from service.errors import ConfigError
from service.logs import JsonFormatter
from tests.support.ports import free_port
from tests.support.privacy import WATCH
from tests.support.smtp import LOOPBACK, Collector, smtp_server

NOW = 1_795_000_000  # 2026-11-18 11:06:40 UTC: a fixed clock, so expiry words and dates are exact.
SENDER = "Broker <no-reply@broker.example>"
FROM_QUERY = "from=Broker%20%3Cno-reply%40broker.example%3E"
MEMBER = "member.mailtest@example.org"
ADMIN = "admin.mailtest@example.org"
PASSWORD = "s3cret-pw-not-for-logs"
SMTP_USER = "broker"
# The test certificate is issued for this IP; smtplib checks the server name against it.

# Recipient addresses and the SMTP password must never reach a log line in this session.
WATCH.watch(MEMBER, ADMIN, PASSWORD)


def link_url() -> str:
    url = f"https://broker.test/l/{secrets.token_urlsafe(32)}"
    WATCH.watch(url)
    return url


def link_mail(**changes: Any) -> LinkEmail:
    mail = LinkEmail(
        to=MEMBER,
        bcc=[ADMIN],
        url=link_url(),
        expires_at=NOW + 2880 * 60,
        company_name="ACME Physio",
        contact_email="help@acme.example",
        terms_url="https://acme.example/terms",
        privacy_url="https://acme.example/privacy",
        profile_name="exorlive-main",
    )
    return replace(mail, **changes)


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def html_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    return str(part.get_content())


def assert_private(error: BaseException, *secrets_: str) -> None:
    """The error names no address, no URL, no password, and hides the original error (it may quote the server)."""
    text = f"{error} {error!r}"
    for value in (MEMBER, ADMIN, PASSWORD, "example.org", *secrets_):
        assert value not in text
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__


# --------------------------------------------------------------------------- SMTP servers on loopback


@pytest.fixture(autouse=True)
def _quiet_aiosmtpd() -> Iterator[None]:
    """aiosmtpd logs every MAIL FROM and RCPT TO at INFO; that is the test server talking, not the broker."""
    logger = logging.getLogger("mail.log")
    level = logger.level
    logger.setLevel(logging.WARNING)
    yield
    logger.setLevel(level)


def _authenticator(server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and data.login == SMTP_USER.encode() and data.password == PASSWORD.encode()
    # handled=False: aiosmtpd then answers 235 or 535 itself.
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def collector() -> Collector:
    return Collector()


@pytest.fixture
def plain_port(collector: Collector) -> Iterator[int]:
    with smtp_server(collector) as port:
        yield port


@dataclass(frozen=True)
class Pki:
    ca_pem: str
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        # A server context: verify_mode CERT_NONE and no host name check, which is what aiosmtpd expects.
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context

    def client_context(self) -> ssl.SSLContext:
        """What Mailer does by default, except that it trusts the test CA instead of the system's."""
        return ssl.create_default_context(cadata=self.ca_pem)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """A throwaway CA and a server certificate for 127.0.0.1, so TLS is verified exactly as in production."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("mailer test CA"))
        .issuer_name(_name("mailer test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(LOOPBACK))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(LOOPBACK)), x509.DNSName("localhost")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("smtp-tls")
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return Pki(ca_cert.public_bytes(serialization.Encoding.PEM).decode(), cert_file, key_file)


# --------------------------------------------------------------------------- parse_smtp_url


def test_plain_smtp_url_defaults_to_port_25_and_10_seconds() -> None:
    settings = parse_smtp_url("smtp://mail.example.com?from=no-reply%40example.com")
    assert (settings.host, settings.port, settings.security) == ("mail.example.com", 25, "plain")
    assert settings.timeout == 10
    assert settings.username is None
    assert settings.password is None
    assert settings.sender == settings.sender_address == "no-reply@example.com"


@pytest.mark.parametrize(
    ("url", "port"),
    [
        ("smtp+starttls://mail.example.com?from=a%40example.com", 587),
        ("smtp://mail.example.com?starttls=true&from=a%40example.com", 587),
        ("smtp://mail.example.com:2525?starttls=true&from=a%40example.com", 2525),
        ("SMTP+STARTTLS://mail.example.com:25?starttls=true&from=a%40example.com", 25),
    ],
)
def test_starttls_by_scheme_or_option_defaults_to_port_587(url: str, port: int) -> None:
    settings = parse_smtp_url(url)
    assert settings.security == "starttls"
    assert settings.port == port


def test_smtps_is_implicit_tls_on_port_465() -> None:
    settings = parse_smtp_url("smtps://mail.example.com?from=a%40example.com&timeout=2.5")
    assert (settings.security, settings.port, settings.timeout) == ("tls", 465, 2.5)


def test_credentials_and_sender_are_percent_decoded_and_the_password_is_never_shown() -> None:
    settings = parse_smtp_url(f"smtps://user%40example.com:{PASSWORD}%3A%40x@mail.example.com:1465?{FROM_QUERY}")
    assert settings.username == "user@example.com"
    assert settings.password == f"{PASSWORD}:@x"
    assert settings.sender == SENDER
    assert settings.sender_address == "no-reply@broker.example"
    assert PASSWORD not in repr(settings)
    assert PASSWORD not in settings.redacted_url
    assert settings.redacted_url == "smtps://user@example.com:***@mail.example.com:1465"


def test_ipv6_host_and_loopback_credentials_without_tls_are_accepted() -> None:
    # A relay on the same machine may take a password in the clear: nothing crosses a network.
    settings = parse_smtp_url(f"smtp://u:{PASSWORD}@[::1]:2525?from=a%40example.com")
    assert (settings.host, settings.port, settings.username) == ("::1", 2525, "u")
    assert settings.redacted_url == "smtp://u:***@[::1]:2525"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"http://u:{PASSWORD}@mail.example.com?from=a%40example.com", "must start with smtp://"),
        (f"smtp://u:{PASSWORD}@?from=a%40example.com", "has no host"),
        (f"smtps://u:{PASSWORD}@mail.example.com", "needs the sender address"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=", "needs the sender address"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=not-an-address", "from= is not one mail address"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com%2C%20b%40y.com", "from= is not one mail address"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com%0D%0ABcc%3A%20b%40y.com", "line break"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&verify=no", "unknown option 'verify'"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&from=b%40x.com", "given twice"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&timeout=soon", "timeout= must be a number"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&timeout=0", "more than 0"),
        (f"smtps://u:{PASSWORD}@mail.example.com?from=a%40x.com&timeout=600", "at most 120"),
        (f"smtps://u:{PASSWORD}@mail.example.com:99999?from=a%40x.com", "1-65535"),
        (f"smtps://u:{PASSWORD}@mail.example.com:0?from=a%40x.com", "1-65535"),
        (f"smtps://u:{PASSWORD}@mail.example.com:smtp?from=a%40x.com", "1-65535"),
        (f"smtps://u:{PASSWORD}@mail.example.com/relay?from=a%40x.com", "path"),
        ("smtps://u@mail.example.com?from=a%40x.com", "no password"),
        (f"smtps://:{PASSWORD}@mail.example.com?from=a%40x.com", "no user name"),
        (f"smtp://u:{PASSWORD}@mail.example.com?from=a%40x.com", "unencrypted"),
        (f"smtp://u:{PASSWORD}@mail.example.com?starttls=false&from=a%40x.com", "unencrypted"),
        (f"smtp://u:{PASSWORD}@mail.example.com?starttls=maybe&from=a%40x.com", "must be true or false"),
        (f"smtps://u:{PASSWORD}@mail.example.com?starttls=true&from=a%40x.com", "does not apply"),
        (f"smtp+starttls://u:{PASSWORD}@mail.example.com?starttls=false&from=a%40x.com", "contradicts"),
    ],
)
def test_invalid_smtp_urls_are_refused_without_showing_the_password(url: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_smtp_url(url)
    message = str(caught.value)
    assert expected in message
    assert message.startswith("SMTP_URL")
    assert PASSWORD not in message


def test_config_errors_name_the_setting_they_came_from() -> None:
    with pytest.raises(ConfigError, match=r"^BROKER_SMTP_URL has no host"):
        parse_smtp_url("smtp://?from=a%40x.com", setting="BROKER_SMTP_URL")


# --------------------------------------------------------------------------- compose


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


# --------------------------------------------------------------------------- sending


def test_mail_reaches_the_member_and_bcc_only_in_the_envelope(collector: Collector, plain_port: int) -> None:
    mail = link_mail()
    Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{plain_port}?{FROM_QUERY}")).send(mail, NOW)

    [envelope] = collector.envelopes
    assert envelope.mail_from == "no-reply@broker.example"
    assert envelope.rcpt_tos == [MEMBER, ADMIN]
    received = collector.message()
    assert received["Subject"] == "ACME Physio: your sign-in link"
    assert received["To"] == MEMBER
    assert "Bcc" not in received
    assert isinstance(envelope.content, bytes)
    assert ADMIN.encode() not in envelope.content
    assert mail.url in text_of(received)
    assert mail.url in html_of(received)


def test_a_bcc_equal_to_the_member_is_sent_once(collector: Collector, plain_port: int) -> None:
    Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{plain_port}?{FROM_QUERY}")).send(link_mail(bcc=[MEMBER]), NOW)
    assert collector.envelopes[0].rcpt_tos == [MEMBER]


def test_starttls_with_login(collector: Collector, pki: Pki) -> None:
    with smtp_server(
        collector,
        tls_context=pki.server_context(),
        require_starttls=True,
        authenticator=_authenticator,
        auth_required=True,
    ) as port:
        settings = parse_smtp_url(f"smtp+starttls://{SMTP_USER}:{PASSWORD}@{LOOPBACK}:{port}?{FROM_QUERY}")
        Mailer(settings, ssl_context=pki.client_context()).send(link_mail(), NOW)
    assert collector.sessions == [(True, True)]
    assert collector.envelopes[0].rcpt_tos == [MEMBER, ADMIN]


def test_implicit_tls(collector: Collector, pki: Pki) -> None:
    with smtp_server(collector, ssl_context=pki.server_context()) as port:
        settings = parse_smtp_url(f"smtps://{LOOPBACK}:{port}?{FROM_QUERY}")
        Mailer(settings, ssl_context=pki.client_context()).send(link_mail(), NOW)
    assert collector.sessions == [(True, False)]


def test_login_without_tls_to_a_loopback_relay(collector: Collector) -> None:
    # AUTH is offered without TLS but not required: aiosmtpd warns (UserWarning) when both are set.
    with smtp_server(collector, authenticator=_authenticator, auth_require_tls=False) as port:
        settings = parse_smtp_url(f"smtp://{SMTP_USER}:{PASSWORD}@{LOOPBACK}:{port}?{FROM_QUERY}")
        Mailer(settings).send(link_mail(), NOW)
    assert collector.sessions == [(False, True)]


def test_an_untrusted_certificate_fails_the_send(collector: Collector, pki: Pki) -> None:
    # The default context trusts only the system's CAs, so the test CA's certificate is refused.
    with smtp_server(collector, tls_context=pki.server_context(), require_starttls=True) as port:
        settings = parse_smtp_url(f"smtp+starttls://{LOOPBACK}:{port}?{FROM_QUERY}")
        with pytest.raises(MailError) as caught:
            Mailer(settings).send(link_mail(), NOW)
    assert caught.value.reason == "tls_failed"
    assert str(caught.value) == "the TLS handshake with the mail server failed"
    assert_private(caught.value)
    assert collector.envelopes == []


def test_wrong_credentials_fail_without_showing_them(collector: Collector, pki: Pki) -> None:
    with smtp_server(
        collector, tls_context=pki.server_context(), authenticator=_authenticator, auth_required=True
    ) as port:
        settings = parse_smtp_url(f"smtp+starttls://{SMTP_USER}:wrong-{PASSWORD}@{LOOPBACK}:{port}?{FROM_QUERY}")
        with pytest.raises(MailError) as caught:
            Mailer(settings, ssl_context=pki.client_context()).send(link_mail(), NOW)
    assert caught.value.reason == "auth_failed"
    assert caught.value.smtp_code == 535
    assert_private(caught.value, SMTP_USER + ":")


def test_starttls_asked_but_not_offered(plain_port: int) -> None:
    settings = parse_smtp_url(f"smtp+starttls://{LOOPBACK}:{plain_port}?{FROM_QUERY}")
    with pytest.raises(MailError) as caught:
        Mailer(settings).send(link_mail(), NOW)
    assert caught.value.reason == "not_supported"


def test_server_down_is_a_mail_error_without_addresses() -> None:
    port = free_port()  # Bound and released: nothing listens there.
    mail = link_mail()
    with pytest.raises(MailError) as caught:
        Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{port}?{FROM_QUERY}")).send(mail, NOW)
    assert caught.value.reason == "unreachable"
    assert str(caught.value) == "the mail server is unreachable"
    assert_private(caught.value, mail.url, str(port))


def test_a_server_that_never_answers_times_out() -> None:
    with socket.socket() as listener:
        # Listening but never accepting: the TCP handshake succeeds, the SMTP greeting never comes.
        listener.bind((LOOPBACK, 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        settings = parse_smtp_url(f"smtp://{LOOPBACK}:{port}?{FROM_QUERY}&timeout=0.3")
        with pytest.raises(MailError) as caught:
            Mailer(settings).send(link_mail(), NOW)
    assert caught.value.reason == "timeout"
    assert_private(caught.value)


def test_a_refused_member_fails_the_send_without_quoting_the_server(collector: Collector) -> None:
    # Servers quote the address in their reply; the error must not pass that on.
    collector.refuse_rcpt = {MEMBER: f"550 5.1.1 <{MEMBER}>: Recipient address rejected"}
    mail = link_mail(bcc=[])
    with smtp_server(collector) as port, pytest.raises(MailError) as caught:
        Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{port}?{FROM_QUERY}")).send(mail, NOW)
    assert caught.value.reason == "recipient_refused"
    assert str(caught.value) == "the mail server refused the recipient (550)"
    assert_private(caught.value, mail.url)


def test_a_refused_member_fails_the_send_even_when_a_bcc_was_accepted(collector: Collector) -> None:
    collector.refuse_rcpt = {MEMBER: "550 5.1.1 no such user"}
    with smtp_server(collector) as port, pytest.raises(MailError) as caught:
        Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{port}?{FROM_QUERY}")).send(link_mail(), NOW)
    assert caught.value.reason == "recipient_refused"
    assert caught.value.smtp_code == 550
    assert_private(caught.value)


def test_a_refused_bcc_does_not_fail_the_send(collector: Collector, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="service.email.sender")
    collector.refuse_rcpt = {ADMIN: "550 5.1.1 no such user"}
    with smtp_server(collector) as port:
        Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{port}?{FROM_QUERY}")).send(link_mail(), NOW)
    assert collector.envelopes[0].rcpt_tos == [MEMBER]
    [record] = [r for r in caplog.records if r.name == "service.email.sender"]
    assert (record.outcome, record.recipients, record.refused) == ("sent", 1, 1)  # type: ignore[attr-defined]


def test_a_refused_message_is_a_mail_error(collector: Collector) -> None:
    collector.refuse_data = f"554 5.7.1 Message for <{MEMBER}> rejected as spam"
    with smtp_server(collector) as port, pytest.raises(MailError) as caught:
        Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{port}?{FROM_QUERY}")).send(link_mail(), NOW)
    assert caught.value.reason == "message_refused"
    assert str(caught.value) == "the mail server refused the message (554)"
    assert_private(caught.value)


def test_one_log_line_per_send_with_no_address_url_or_name(
    collector: Collector, plain_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="service.email.sender")
    mail = link_mail()
    Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{plain_port}?{FROM_QUERY}")).send(mail, NOW)
    with pytest.raises(MailError):
        Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{free_port()}?{FROM_QUERY}")).send(mail, NOW)

    records = [r for r in caplog.records if r.name == "service.email.sender"]
    assert [(r.levelname, r.outcome) for r in records] == [("INFO", "sent"), ("WARNING", "failed")]  # type: ignore[attr-defined]
    assert records[0].recipients == 2  # type: ignore[attr-defined]
    assert records[1].reason == "unreachable"  # type: ignore[attr-defined]
    formatter = JsonFormatter()
    for record in records:
        line = formatter.format(record)  # As written to stdout, `extra` fields included.
        for value in (MEMBER, ADMIN, mail.url, "ACME", "help@acme.example", "exorlive-main", "acme.example"):
            assert value not in line


# --------------------------------------------------------------------------- the request's `email` object


def test_a_full_email_object_is_valid() -> None:
    data = {
        "to": MEMBER,
        "bcc": [ADMIN],
        "companyName": "ACME",
        "contactEmail": "help@acme.example",
        "termsUrl": "https://acme.example/terms",
        "privacyUrl": "http://localhost:8000/privacy",
    }
    assert validate_email_request(data) == {}
    assert validate_email_request({"to": MEMBER}) == {}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "email.to"),
        ({"to": ""}, "email.to"),
        ({"to": "not-an-address"}, "email.to"),
        ({"to": f"Member <{MEMBER}>"}, "email.to"),
        ({"to": 42}, "email.to"),
        ({"to": MEMBER, "bcc": ADMIN}, "email.bcc"),
        ({"to": MEMBER, "bcc": [f"a{i}@example.org" for i in range(6)]}, "email.bcc"),
        ({"to": MEMBER, "bcc": [ADMIN, "nope"]}, "email.bcc.1"),
        ({"to": MEMBER, "contactEmail": "help"}, "email.contactEmail"),
        ({"to": MEMBER, "termsUrl": "javascript:alert(1)"}, "email.termsUrl"),
        ({"to": MEMBER, "privacyUrl": "ftp://acme.example/privacy"}, "email.privacyUrl"),
        ({"to": MEMBER, "privacyUrl": "/privacy"}, "email.privacyUrl"),
        ({"to": MEMBER, "companyName": "x" * 101}, "email.companyName"),
        ({"to": MEMBER, "companyName": ""}, "email.companyName"),
        ({"to": MEMBER, "cc": [ADMIN]}, "email.cc"),
    ],
)
def test_invalid_email_objects_name_the_field(data: dict[str, Any], field: str) -> None:
    errors = validate_email_request(data)
    assert field in errors, errors
    assert all(isinstance(m, str) and m for messages in errors.values() for m in messages)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"to": f"{MEMBER}\r\nBcc: evil@example.net"}, "email.to"),
        ({"to": MEMBER, "companyName": "ACME\r\nBcc: evil@example.net"}, "email.companyName"),
        ({"to": MEMBER, "companyName": "ACME\nX-Spam: no"}, "email.companyName"),
        ({"to": MEMBER, "bcc": [f"{ADMIN}\nBcc: evil@example.net"]}, "email.bcc"),
        ({"to": MEMBER, "termsUrl": "https://acme.example/\r\nterms"}, "email.termsUrl"),
        ({"to": MEMBER, "companyName": "ACME\x00"}, "email.companyName"),
    ],
)
def test_header_injection_is_refused(data: dict[str, Any], field: str) -> None:
    errors = validate_email_request(data)
    assert errors[field] == ["May not contain line breaks or other control characters."]


def test_email_must_be_an_object() -> None:
    assert list(validate_email_request([MEMBER])) == ["email"]
    assert list(validate_email_request(MEMBER)) == ["email"]


def test_a_valid_email_object_becomes_a_link_email() -> None:
    data = {"to": MEMBER, "companyName": "ACME", "termsUrl": "https://acme.example/terms"}
    assert validate_email_request(data) == {}
    mail = link_email_from_request(data, url="https://broker.test/l/x", expires_at=NOW + 60, profile_name="p")
    assert mail == LinkEmail(
        to=MEMBER,
        bcc=[],
        url="https://broker.test/l/x",
        expires_at=NOW + 60,
        company_name="ACME",
        contact_email=None,
        terms_url="https://acme.example/terms",
        privacy_url=None,
        profile_name="p",
    )


# --------------------------------------------------------------------------- the development sink


@pytest.fixture
def devmail() -> Iterator[tuple[DevMail, list[ReceivedMail]]]:
    announced: list[ReceivedMail] = []
    sink = DevMail(free_port(), 0, on_mail=announced.append)
    sink.start()
    yield sink, announced
    sink.stop()


def _get(url: str) -> requests.Response:
    response = requests.get(url, timeout=5)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    return response


def test_devmail_keeps_what_the_mailer_sends(devmail: tuple[DevMail, list[ReceivedMail]]) -> None:
    sink, announced = devmail
    mail = link_mail()
    Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{sink.smtp_port}?{FROM_QUERY}")).send(mail, NOW)

    assert [m.subject for m in announced] == ["ACME Physio: your sign-in link"]
    index = _get(sink.web_url)
    assert index.status_code == 200
    assert "ACME Physio: your sign-in link" in index.text
    assert ADMIN in index.text  # Envelope recipients, so a Bcc copy is visible too.
    [listed] = _get(sink.web_url + "messages.json").json()
    assert listed["recipients"] == [MEMBER, ADMIN]
    assert mail.url in listed["text"]
    page = _get(sink.web_url + f"messages/{listed['id']}")
    assert f'<a href="{mail.url}"' in page.text  # The text part's link, clickable.
    source = _get(sink.web_url + f"messages/{listed['id']}.eml")
    assert source.headers["Content-Type"].startswith("text/plain")
    assert "Subject: ACME Physio: your sign-in link" in source.text
    assert _get(sink.web_url + "messages/999").status_code == 404


def test_devmail_never_runs_a_mails_scripts(devmail: tuple[DevMail, list[ReceivedMail]]) -> None:
    sink, _ = devmail
    hostile = EmailMessage()
    hostile["Subject"] = "<script>alert('subject')</script>"
    hostile["From"] = "x@example.net"
    hostile["To"] = MEMBER
    hostile.set_content("plain <script>alert('text')</script>")
    hostile.add_alternative(
        "<p>hi</p><script>alert('html')</script><img src=https://tracker.example/p.png>", subtype="html"
    )
    with smtplib.SMTP(LOOPBACK, sink.smtp_port, timeout=5) as client:
        client.send_message(hostile)

    for path in ("", "messages/1"):
        response = _get(sink.web_url + path)
        assert "<script" not in response.text.lower()
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp
        assert "script-src" not in csp  # So default-src 'none' forbids every script.
    page = _get(sink.web_url + "messages/1").text
    assert '<iframe sandbox="allow-popups allow-popups-to-escape-sandbox"' in page
    assert "allow-scripts" not in page
    assert "allow-same-origin" not in page
