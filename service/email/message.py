"""The launch-link email: its subject, its text and HTML parts, its expiry in words.

Nothing here sees the token's payload: a mail carries the link, its expiry and only what the admin put
in the request's `email` object.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from service.email.settings import sender_address

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
    message["Message-ID"] = make_msgid(domain=sender_address(sender).domain)
    # RFC 3834: an automatic message, so auto-responders stay quiet.
    message["Auto-Submitted"] = "auto-generated"
    # Quoted-printable keeps long URLs intact and the source readable; spam filters dislike base64 bodies.
    message.set_content(templates.get_template("link.txt").render(context), cte="quoted-printable")
    message.add_alternative(templates.get_template("link.html").render(context), subtype="html", cte="quoted-printable")
    return message
