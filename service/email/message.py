"""The launch-link email: its subject, its text and HTML parts, its expiry in words.

Nothing here sees the token's payload: a mail carries the link, its expiry and only what the admin put
in the request's `email` object.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import secrets
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from service import locales
from service.email.settings import sender_address
from service.web.validation import control_characters, encoded_words

_TEMPLATES = Path(__file__).resolve().parent / "templates"


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
    locale: str = locales.DEFAULT_LOCALE  # One of locales.LOCALES; any other is written in English.
    time_zone: str = "UTC"  # An IANA zone name: the expiry is written in its local time.
    # The From name ("Tatooine Physio", the tenant's display name); None: the name SMTP_URL's from= gives, if any.
    sender_name: str | None = None


@functools.cache
def _environment() -> jinja2.Environment:
    """The email templates; HTML autoescaped, text not, and a missing variable is an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), disabled_extensions=("txt",), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    locales.install(env)
    return env


def _expiry_date(expires_at: int, locale: str, time_zone: str) -> str:
    # Rounded down to the minute, so the mail never promises more time than the link has.
    return locales.format_datetime(dt.datetime.fromtimestamp(expires_at, dt.UTC), locale, time_zone)


def _web_url(value: str | None) -> str | None:
    # Defence in depth behind the request check: an href in a mail is only ever http(s).
    if value is not None and urlsplit(value).scheme.lower() not in ("http", "https"):
        raise ValueError("terms and privacy links must be http(s) URLs")
    return value


def subject(mail: LinkEmail) -> str:
    """'ACME: your sign-in link', or a neutral subject without a company name; in the mail's locale."""
    with locales.using(mail.locale):
        if mail.company_name:
            return locales.gettext("%(company)s: your sign-in link") % {"company": mail.company_name}
        return locales.gettext("Your sign-in link")


def _header_text(value: str, what: str) -> str:
    """`value`, fit for a header, or ValueError (a second guard behind the checks where names come in).

    A control character could start a header of its own; so could an encoded word (=?utf-8?q?=0D=0A?=), which
    Python's email package decodes wherever it finds one.
    """
    if not value.strip() or control_characters(value) or encoded_words(value):
        raise ValueError(f"{what} is empty or holds a control character or an encoded word (=?...?=)")
    return value


def from_address(sender: str, name: str | None) -> Address:
    """The From of a mail: the address of `sender` (SMTP_URL's from=), named `name` when given, else as `sender` is.

    An Address, never a string put together: the email package quotes a name with quotes or commas and encodes
    one with æøå (RFC 2047), so the name stays one name on the broker's own address.
    """
    configured = sender_address(sender)
    if name is None:
        return configured
    return Address(display_name=_header_text(name, "the sender name"), addr_spec=configured.addr_spec)


def new_message(subject: str, sender: str, sender_name: str | None, to: str, now: int) -> EmailMessage:
    """A mail with the headers every broker mail carries: Subject, From, To, Date, Message-ID, Auto-Submitted.

    The SMTP policy refuses CR/LF in header values (and `_check_headers` reads them back): guards against
    header injection. The Message-ID comes from `secrets`, not from the global `random` make_msgid uses.
    """
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject
    message["From"] = from_address(sender, sender_name)
    message["To"] = to
    message["Date"] = formatdate(now, usegmt=True)
    message["Message-ID"] = f"<{secrets.token_hex(16)}@{sender_address(sender).domain}>"
    # RFC 3834: an automatic message, so auto-responders stay quiet.
    message["Auto-Submitted"] = "auto-generated"
    return message


def _check_headers(message: EmailMessage) -> None:
    """The headers, as they will be sent, read back as the same headers; ValueError if a value would add one."""
    head = b"".join(message.policy.fold_binary(name, value) for name, value in message.items())
    reread = BytesParser(policy=policy.default).parsebytes(head + b"\r\n", headersonly=True)
    if reread.keys() != message.keys():
        raise ValueError("a header value would start a header of its own")


def compose(mail: LinkEmail, sender: str, now: int) -> EmailMessage:
    """The mail as multipart/alternative (text and HTML); Bcc recipients are left to the envelope."""
    if mail.expires_at <= now:
        raise ValueError("the link has already expired; there is nothing to mail")
    locale = locales.supported(mail.locale)
    if mail.company_name is not None:
        _header_text(mail.company_name, "the company name")  # it goes into the Subject
    context = {
        "locale": locale,
        "subject": subject(mail),
        "url": mail.url,
        "expires_in": locales.format_duration(mail.expires_at - now, locale),
        "expires_on": _expiry_date(mail.expires_at, locale, mail.time_zone),
        "company_name": mail.company_name,
        "contact_email": mail.contact_email,
        "terms_url": _web_url(mail.terms_url),
        "privacy_url": _web_url(mail.privacy_url),
        "profile_name": mail.profile_name,
        "uses": mail.uses,
    }
    templates = _environment()
    message = new_message(str(context["subject"]), sender, mail.sender_name, mail.to, now)
    if mail.contact_email:
        # Replies reach the company's contact, not the broker's no-reply sender.
        message["Reply-To"] = mail.contact_email
    with locales.using(locale):
        text = templates.get_template("link.txt").render(context)
        html = templates.get_template("link.html").render(context)
    # Quoted-printable keeps long URLs intact and the source readable; spam filters dislike base64 bodies.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    # A boundary of our own: the email package would draw one from the global `random` when it is sent.
    message.set_boundary(f"=={secrets.token_hex(16)}==")
    # After the parts: setting content clears the Content-* headers.
    message["Content-Language"] = locale
    _check_headers(message)
    return message
