"""The console's mails, plain text: the sign-in mail (one link for each tenant the address may sign in to) and
the invitation (one sign-in link that lives longer)."""

from __future__ import annotations

import dataclasses
import functools
from email.message import EmailMessage
from pathlib import Path

import jinja2

from service import locales
from service.email.message import new_message

_TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclasses.dataclass(frozen=True)
class Place:
    """Where one link signs in: the tenant as people know it, and the link."""

    account: str
    url: str


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=False,  # noqa: S701 - a text/plain mail, never HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    locales.install(env)
    return env


def sign_in_mail(
    to: str, places: list[Place], lifetime_seconds: int, locale: str, sender: str, now: int
) -> EmailMessage:
    """The sign-in mail to `to`, in `locale`, from the broker's sender."""
    locale = locales.supported(locale)
    with locales.using(locale):
        subject = locales.gettext("Sign in to the partner console")
        text = (
            _environment()
            .get_template("console/mail/sign_in.txt")
            .render(places=places, expires_in=locales.format_duration(lifetime_seconds, locale))
        )
    return _message(to, subject, text, locale, sender, now)


def invitation_mail(
    to: str, place: Place, sign_in_url: str, lifetime_seconds: int, locale: str, sender: str, now: int
) -> EmailMessage:
    """The invitation to `to`: a one-time sign-in link to `place`, and where to ask for another once it expires."""
    locale = locales.supported(locale)
    with locales.using(locale):
        subject = locales.gettext("You are invited to the partner console of %(account)s") % {"account": place.account}
        text = (
            _environment()
            .get_template("console/mail/invitation.txt")
            .render(place=place, sign_in_url=sign_in_url, expires_in=locales.format_duration(lifetime_seconds, locale))
        )
    return _message(to, subject, text, locale, sender, now)


def _message(to: str, subject: str, text: str, locale: str, sender: str, now: int) -> EmailMessage:
    message = new_message(subject, sender, None, to, now)
    message.set_content(text, cte="quoted-printable")
    message["Content-Language"] = locale
    return message
