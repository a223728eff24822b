"""The launch-link mailer against a real SMTP server (aiosmtpd on loopback): plain, STARTTLS, TLS, AUTH, refusals."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from service.email.sender import Mailer, MailError
from service.email.settings import parse_smtp_url
from service.logs import JsonFormatter
from tests.support.mail import (
    ADMIN,
    FROM_QUERY,
    MEMBER,
    NOW,
    PASSWORD,
    SMTP_USER,
    html_of,
    link_mail,
    text_of,
)
from tests.support.ports import free_port
from tests.support.smtp import LOOPBACK, Collector, quiet_mail_log, smtp_server


def assert_private(error: BaseException, *secrets_: str) -> None:
    """The error names no address, no URL, no password, and hides the original error (it may quote the server)."""
    text = f"{error} {error!r}"
    for value in (MEMBER, ADMIN, PASSWORD, "example.org", *secrets_):
        assert value not in text
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__


@pytest.fixture(autouse=True)
def _quiet_aiosmtpd() -> Iterator[None]:
    """aiosmtpd logs every MAIL FROM and RCPT TO at INFO; that is the test server talking, not the broker."""
    with quiet_mail_log():
        yield


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


def test_the_tenants_name_goes_out_in_from_on_the_configured_address(collector: Collector, plain_port: int) -> None:
    mail = link_mail(sender_name="Tatooine Fysioterapi på Åsgårdstrand")
    Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{plain_port}?{FROM_QUERY}")).send(mail, NOW)
    [envelope] = collector.envelopes
    assert envelope.mail_from == "no-reply@broker.example"  # the envelope keeps the broker's bare address
    assert isinstance(envelope.content, bytes)
    assert b"From: Tatooine Fysioterapi =?utf-8?b?" in envelope.content  # æøå encoded (RFC 2047), not 8-bit
    [sender] = collector.message()["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (
        "Tatooine Fysioterapi på Åsgårdstrand",
        "no-reply@broker.example",
    )


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
