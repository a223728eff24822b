"""Emails a launch link to a member: SMTP settings from one URL, the message, the send, the request check.

Nothing here sees the token's payload: a mail carries the link, its expiry and only what the admin put
in the request's `email` object. Errors and log lines name no address, no URL and no name, because
both reach callers and logs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import ipaddress
import logging
import smtplib
import ssl
import time
import unicodedata
from collections.abc import Mapping, Sequence
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, urlsplit

import jinja2
from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate

from service.errors import ConfigError
from service.validation import flatten_errors

__all__ = [
    "MAX_BCC",
    "EmailRequest",
    "LinkEmail",
    "MailError",
    "Mailer",
    "SmtpSettings",
    "compose",
    "expires_in_words",
    "link_email_from_request",
    "parse_smtp_url",
    "subject",
    "validate_email_request",
]

log = logging.getLogger(__name__)

Security = Literal["plain", "starttls", "tls"]

_SCHEMES: dict[str, Security] = {"smtp": "plain", "smtp+starttls": "starttls", "smtps": "tls"}
# The ports registered for each kind of SMTP submission (RFC 8314: 465 implicit TLS, 587 STARTTLS).
_DEFAULT_PORTS: dict[Security, int] = {"plain": 25, "starttls": 587, "tls": 465}
_DEFAULT_TIMEOUT_SECONDS = 10.0
# Above this an admin's generateJWT call would hang longer than any client waits for it.
_MAX_TIMEOUT_SECONDS = 120.0
_QUERY_OPTIONS = frozenset({"from", "timeout", "starttls"})
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})

MAX_BCC = 5  # Enough for an admin to copy themselves and a colleague, too few to turn this into a mailing list.
_MAX_COMPANY_NAME = 100
_MAX_ADDRESS = 254  # RFC 5321's limit for a forward path.
_MAX_URL = 2048

_TEMPLATES = Path(__file__).resolve().parent / "templates" / "email"


# --------------------------------------------------------------------------- settings


@dataclasses.dataclass(frozen=True)
class SmtpSettings:
    """Where and how to submit mail; parsed from one URL by `parse_smtp_url`."""

    host: str
    port: int
    security: Security
    sender: str  # The From header, e.g. "Broker <no-reply@example.com>".
    timeout: float = _DEFAULT_TIMEOUT_SECONDS
    username: str | None = None
    password: str | None = dataclasses.field(default=None, repr=False)

    @property
    def sender_address(self) -> str:
        """The bare address of the sender, used as the envelope sender."""
        return _sender(self.sender).addr_spec

    @property
    def redacted_url(self) -> str:
        """The settings as a URL without the password, for a start-up banner or a log line."""
        scheme = {"plain": "smtp", "starttls": "smtp+starttls", "tls": "smtps"}[self.security]
        user = f"{self.username}:***@" if self.username else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{user}{host}:{self.port}"


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _sender(value: str) -> Address:
    """The one address of a From value, or ValueError."""
    if any(ch in value for ch in "\r\n"):
        raise ValueError("contains a line break")
    header = policy.default.header_factory("From", value)
    addresses = getattr(header, "addresses", ())
    if len(addresses) != 1 or header.defects or "@" not in addresses[0].addr_spec or not addresses[0].domain:
        raise ValueError("is not one mail address")
    return addresses[0]


def _flag(setting: str, name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{setting}: the option {name}= must be true or false")


def parse_smtp_url(url: str, setting: str = "SMTP_URL") -> SmtpSettings:
    """SmtpSettings from `smtp://`, `smtp+starttls://` or `smtps://` URLs; ConfigError naming `setting`.

    Messages never repeat the URL, since it may hold a password.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ConfigError(f"{setting} is not a valid URL (check the host and that the port is 1-65535)") from None
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise ConfigError(f"{setting} must start with smtp://, smtp+starttls:// or smtps://")
    security = _SCHEMES[scheme]
    host = parts.hostname
    if not host:
        raise ConfigError(f"{setting} has no host")
    if parts.path not in ("", "/") or parts.fragment:
        raise ConfigError(f"{setting} may not have a path or a fragment; options go in the query (?from=...)")
    if port == 0:
        raise ConfigError(f"{setting}: the port must be 1-65535")

    options: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name not in _QUERY_OPTIONS:
            allowed = ", ".join(sorted(_QUERY_OPTIONS))
            raise ConfigError(f"{setting}: unknown option {name!r} (allowed: {allowed})")
        if name in options:
            raise ConfigError(f"{setting}: the option {name}= is given twice")
        options[name] = value

    if "starttls" in options:
        starttls = _flag(setting, "starttls", options["starttls"])
        if security == "tls":
            raise ConfigError(f"{setting}: smtps:// is TLS from the first byte; starttls= does not apply")
        if security == "starttls" and not starttls:
            raise ConfigError(f"{setting}: smtp+starttls:// with starttls=false contradicts itself")
        if starttls:
            security = "starttls"

    sender = options.get("from", "")
    if not sender:
        raise ConfigError(f"{setting} needs the sender address: add ?from=no-reply%40example.com")
    try:
        _sender(sender)
    except ValueError as error:
        example = "from=Broker%20%3Cno-reply%40example.com%3E"
        raise ConfigError(f"{setting}: from= {error}; percent-encode it, e.g. {example}") from None

    timeout = _DEFAULT_TIMEOUT_SECONDS
    if "timeout" in options:
        try:
            timeout = float(options["timeout"])
        except ValueError:
            raise ConfigError(f"{setting}: timeout= must be a number of seconds") from None
        if not 0 < timeout <= _MAX_TIMEOUT_SECONDS:
            raise ConfigError(f"{setting}: timeout= must be more than 0 and at most {_MAX_TIMEOUT_SECONDS:g} seconds")

    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    if username and not password:
        raise ConfigError(f"{setting} names a user but no password (smtp://user:password@host)")
    if password and not username:
        raise ConfigError(f"{setting} has a password but no user name")
    # A password sent without TLS can be read on the way; only the same machine is exempt (a local relay).
    if username and security == "plain" and not _is_loopback(host):
        raise ConfigError(
            f"{setting} would send the SMTP password unencrypted; use smtps:// or smtp+starttls:// (or ?starttls=true)"
        )

    return SmtpSettings(
        host=host,
        port=port or _DEFAULT_PORTS[security],
        security=security,
        sender=sender,
        timeout=timeout,
        username=username,
        password=password,
    )


# --------------------------------------------------------------------------- the message


@dataclasses.dataclass(frozen=True)
class LinkEmail:
    """What one launch-link mail says: the link and its expiry, and only what the admin's request gave."""

    to: str
    bcc: list[str]
    url: str
    expires_at: int  # Unix seconds.
    company_name: str | None
    contact_email: str | None
    terms_url: str | None
    privacy_url: str | None
    profile_name: str
    uses: int = 1  # How often the link may be used; the mail says "once" for 1.


@functools.cache
def _environment() -> jinja2.Environment:
    """The email templates; HTML autoescaped, text not, and a missing variable is an error."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), disabled_extensions=("txt",), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def expires_in_words(seconds: int) -> str:
    """'in 2 days', 'in 1 day and 12 hours', 'in 23 hours', 'in 30 minutes': the two largest units."""
    # To the nearest minute: a 24-hour link mailed a second after it was made still says "1 day".
    minutes = (seconds + 30) // 60
    if minutes < 1:
        return "in less than a minute"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"in {_plural(days, 'day')}" + (f" and {_plural(hours, 'hour')}" if hours else "")
    if hours:
        return f"in {_plural(hours, 'hour')}" + (f" and {_plural(minutes, 'minute')}" if minutes else "")
    return f"in {_plural(minutes, 'minute')}"


def _expiry_date(expires_at: int) -> str:
    # Rounded down to the minute, so the mail never promises more time than the link has.
    return dt.datetime.fromtimestamp(expires_at, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _web_url(value: str | None) -> str | None:
    # Defence in depth behind the request check: an href in a mail is only ever http(s).
    if value is not None and urlsplit(value).scheme.lower() not in ("http", "https"):
        raise ValueError("terms and privacy links must be http(s) URLs")
    return value


def subject(mail: LinkEmail) -> str:
    """'ACME: your sign-in link', or a neutral subject without a company name."""
    return f"{mail.company_name}: your sign-in link" if mail.company_name else "Your sign-in link"


def compose(mail: LinkEmail, sender: str, now: int) -> EmailMessage:
    """The mail as multipart/alternative (text and HTML); Bcc recipients are left to the envelope."""
    if mail.expires_at <= now:
        raise ValueError("the link has already expired; there is nothing to mail")
    context = {
        "url": mail.url,
        "expires_in": expires_in_words(mail.expires_at - now),
        "expires_on": _expiry_date(mail.expires_at),
        "company_name": mail.company_name,
        "contact_email": mail.contact_email,
        "terms_url": _web_url(mail.terms_url),
        "privacy_url": _web_url(mail.privacy_url),
        "profile_name": mail.profile_name,
        "uses": mail.uses,
    }
    templates = _environment()
    message = EmailMessage(policy=policy.SMTP)
    # The policy refuses CR/LF in header values, a second guard against header injection.
    message["Subject"] = subject(mail)
    message["From"] = sender
    message["To"] = mail.to
    if mail.contact_email:
        # Replies reach the company's contact, not the broker's no-reply sender.
        message["Reply-To"] = mail.contact_email
    message["Date"] = formatdate(now, usegmt=True)
    message["Message-ID"] = make_msgid(domain=_sender(sender).domain)
    # RFC 3834: an automatic message, so auto-responders stay quiet.
    message["Auto-Submitted"] = "auto-generated"
    # Quoted-printable keeps long URLs intact and the source readable; spam filters dislike base64 bodies.
    message.set_content(templates.get_template("link.txt").render(context), cte="quoted-printable")
    message.add_alternative(templates.get_template("link.html").render(context), subtype="html", cte="quoted-printable")
    return message


# --------------------------------------------------------------------------- sending


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
    """Sends launch-link mails through one SMTP server."""

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
        message = compose(mail, self.settings.sender, now)
        # Bcc recipients exist only in the envelope; duplicates are sent once.
        recipients = list(dict.fromkeys([mail.to, *mail.bcc]))
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
        if mail.to in refused:
            # The member gets nothing even though a Bcc copy went out: that is a failed send.
            code = refused[mail.to][0]
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


# --------------------------------------------------------------------------- the request's `email` object


def _control_characters(value: Any) -> bool:
    """True when a string (or a string in a list) holds CR, LF or another control character."""
    if isinstance(value, str):
        return any(unicodedata.category(ch) == "Cc" for ch in value)
    if isinstance(value, list):
        return any(_control_characters(item) for item in value)
    return False


def _address() -> fields.Email:
    return fields.Email(validate=validate.Length(max=_MAX_ADDRESS))


def _web_link() -> fields.Url:
    return fields.Url(schemes={"http", "https"}, require_tld=False, validate=validate.Length(max=_MAX_URL))


class EmailRequest(Schema):
    """The generateJWT request's `email` object: who gets the link, and what the mail may say about the sender."""

    class Meta:
        unknown = RAISE

    to = fields.Email(required=True, validate=validate.Length(max=_MAX_ADDRESS))
    bcc = fields.List(_address(), validate=validate.Length(max=MAX_BCC))
    companyName = fields.String(validate=validate.Length(min=1, max=_MAX_COMPANY_NAME))
    contactEmail = _address()
    termsUrl = _web_link()
    privacyUrl = _web_link()

    @pre_load
    def _refuse_header_injection(self, data: Any, **_: Any) -> Any:
        # Every value may end up in a header or next to one; a line break could add headers (Bcc: ...).
        if isinstance(data, Mapping):
            bad = {
                name: ["May not contain line breaks or other control characters."]
                for name, value in data.items()
                if _control_characters(value)
            }
            if bad:
                raise ValidationError(bad)
        return data


email_request = EmailRequest()


def validate_email_request(data: Mapping[str, Any] | Any) -> dict[str, list[str]]:
    """Field errors of the request's `email` object, keyed like "email.to" and "email.bcc.2"; empty when valid."""
    if not isinstance(data, Mapping):
        return {"email": ["Must be an object: {to, companyName?, contactEmail?, termsUrl?, privacyUrl?, bcc?}."]}
    try:
        email_request.load(data)
    except ValidationError as error:
        return flatten_errors(error.messages, "email.")
    return {}


def link_email_from_request(
    data: Mapping[str, Any], *, url: str, expires_at: int, profile_name: str, uses: int = 1
) -> LinkEmail:
    """The LinkEmail for a launch link from a request `email` object that `validate_email_request` accepted."""
    bcc: Sequence[str] = data.get("bcc") or ()
    return LinkEmail(
        to=data["to"],
        bcc=list(bcc),
        url=url,
        expires_at=expires_at,
        company_name=data.get("companyName"),
        contact_email=data.get("contactEmail"),
        terms_url=data.get("termsUrl"),
        privacy_url=data.get("privacyUrl"),
        profile_name=profile_name,
        uses=uses,
    )
