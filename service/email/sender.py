"""Sends a composed mail over SMTP; failures become a MailError that names no address, URL or name."""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from collections.abc import Sequence
from email.message import EmailMessage

from service.email.message import LinkEmail, compose
from service.email.settings import SmtpSettings

log = logging.getLogger(__name__)


class MailError(Exception):
    """Sending failed; `reason` is a short code and the message names no address, URL or server text."""

    def __init__(self, reason: str, message: str, smtp_code: int | None = None) -> None:
        self.reason = reason
        self.smtp_code = smtp_code
        super().__init__(message)


def _mail_error(error: BaseException) -> MailError:
    """A MailError for any smtplib, ssl or socket error; the server's reply text is dropped (it may name addresses)."""
    # Order matters: the SMTP errors are OSErrors, and so are the ssl and timeout errors.
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        # Raised when every recipient was refused; the first refusal's code stands for all.
        code = next((code for code, _reply in error.recipients.values()), None)
        return MailError("recipient_refused", f"the mail server refused the recipient ({code})", code)
    if isinstance(error, smtplib.SMTPSenderRefused):
        return MailError("sender_refused", f"the mail server refused the sender ({error.smtp_code})", error.smtp_code)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        code = error.smtp_code
        return MailError("auth_failed", f"the mail server refused the credentials ({code})", code)
    if isinstance(error, smtplib.SMTPDataError):
        code = error.smtp_code
        return MailError("message_refused", f"the mail server refused the message ({code})", code)
    if isinstance(error, smtplib.SMTPResponseException):
        code = error.smtp_code
        return MailError("server_error", f"the mail server answered with an error ({code})", code)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return MailError("not_supported", "the mail server does not support what the settings ask (STARTTLS, AUTH)")
    if isinstance(error, smtplib.SMTPServerDisconnected):
        # smtplib reports a read that timed out as a disconnect; the timeout is the useful fact.
        if isinstance(error.__context__, TimeoutError):
            return MailError("timeout", "the mail server did not answer in time")
        return MailError("disconnected", "the mail server closed the connection")
    if isinstance(error, smtplib.SMTPException):
        return MailError("smtp_error", "the mail server could not take the message")
    if isinstance(error, ssl.SSLError):
        return MailError("tls_failed", "the TLS handshake with the mail server failed")
    if isinstance(error, TimeoutError):
        return MailError("timeout", "the mail server did not answer in time")
    return MailError("unreachable", "the mail server is unreachable")


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _log_failure(failure: MailError, recipients: int, started: float) -> None:
    log.warning(
        "mail not sent",
        extra={
            "outcome": "failed",
            "reason": failure.reason,
            "smtpCode": failure.smtp_code,
            "recipients": recipients,
            "durationMs": _elapsed_ms(started),
        },
    )


class Mailer:
    """Sends the broker's mails (launch links, console sign-in links) through one SMTP server."""

    def __init__(self, settings: SmtpSettings, *, ssl_context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        # Tests pass a context that trusts their own certificate; production verifies against the system CAs.
        self._ssl_context = ssl_context

    def _context(self) -> ssl.SSLContext:
        if self._ssl_context is not None:
            return self._ssl_context
        # Certificate and host name checked; TLS 1.2 at least (the default since Python 3.10, said out loud).
        context = ssl.create_default_context()
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        return context

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.security == "tls":
            return smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=self._context())
        return smtplib.SMTP(s.host, s.port, timeout=s.timeout)

    def send(self, mail: LinkEmail, now: int) -> None:
        """Compose and submit the mail to `to` and every `bcc`; MailError when the server does not take it."""
        # Bcc recipients exist only in the envelope; duplicates are sent once.
        self.deliver(compose(mail, self.settings.sender, now), mail.to, mail.bcc)

    def deliver(self, message: EmailMessage, to: str, bcc: Sequence[str] = ()) -> None:
        """Submit a composed mail to `to` (and to `bcc`, in the envelope only); MailError when `to` gets nothing."""
        recipients = list(dict.fromkeys([to, *bcc]))
        started = time.perf_counter()
        try:
            with self._connect() as client:
                if self.settings.security == "starttls":
                    client.starttls(context=self._context())
                if self.settings.username and self.settings.password:
                    client.login(self.settings.username, self.settings.password)
                refused = client.send_message(message, from_addr=self.settings.sender_address, to_addrs=recipients)
        except (smtplib.SMTPException, OSError) as error:
            failure = _mail_error(error)
            _log_failure(failure, len(recipients), started)
            # `from None`: the original error's text may carry the server's reply, which can name addresses.
            raise failure from None
        if to in refused:
            # The member gets nothing even though a Bcc copy went out: that is a failed send.
            code = refused[to][0]
            failure = MailError("recipient_refused", f"the mail server refused the recipient ({code})", code)
            _log_failure(failure, len(recipients), started)
            raise failure
        log.info(
            "mail sent",
            extra={
                "outcome": "sent",
                "recipients": len(recipients) - len(refused),
                "refused": len(refused),
                "durationMs": _elapsed_ms(started),
            },
        )
