"""The mail of a launch link, as its profile and tenant have it said (names, locale, time zone), and where it goes."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from service.email.message import LinkEmail
from service.email.request import link_email_from_request
from service.email.sender import Mailer, MailError
from service.links.launch_links import LaunchLinks, NewLink
from service.locales import DEFAULT_LOCALE
from service.profiles.models import Profile
from service.profiles.rules import display_name, sender_name, time_zone
from service.testmode.inbox import TestInbox

log = logging.getLogger(__name__)


def link_mail(email: Mapping[str, Any], link: NewLink, profile: Profile, locale: str | None) -> LinkEmail:
    """The mail for `link` to the request's (or the sealed) `email` object, in `locale` (English if None)."""
    return link_email_from_request(
        email,
        url=link.url,
        expires_at=link.expires_at,
        profile_name=display_name(profile),
        uses=profile.link_max_uses,
        locale=locale or DEFAULT_LOCALE,
        time_zone=time_zone(profile),
        sender_name=sender_name(profile),
    )


class LinkPost:
    """Where a launch link's mail goes: out by SMTP, or, for a test key's link, into the test inbox.

    It notes the outcome on the link (`emailed`, or `email_failed` and the link revoked, so nothing usable that
    nobody received is left behind) for every caller: generateJWT's `email` and the member's renewal.
    """

    def __init__(self, links: LaunchLinks, mailer: Mailer | None, test_inbox: TestInbox) -> None:
        self._links = links
        self._mailer = mailer
        self._test_inbox = test_inbox

    def can_send(self, test: bool) -> bool:
        """A test key's mail always can (the inbox); a live one needs SMTP_URL."""
        return test or self._mailer is not None

    def send(
        self,
        email: Mapping[str, Any],
        link: NewLink,
        profile: Profile,
        locale: str | None,
        *,
        tenant_id: int,
        test: bool,
        now: int,
        request_id: str,
    ) -> None:
        """Compose the mail of `link` and send (or keep) it; MailError after revoking the link when it did not go.

        Any failure counts, composing included (a name the mail headers cannot carry, a template error): a link
        nobody received must not stay usable, and the caller answers `email_failed`, never a 500.
        """
        try:
            mail = link_mail(email, link, profile, locale)
            if test:
                self._test_inbox.keep(tenant_id, mail, now)
            else:
                assert self._mailer is not None  # can_send was asked before anything was made
                self._mailer.send(mail, now)
        except Exception as error:  # noqa: BLE001 - every failure is a failed mail, reported as MailError
            failure = error if isinstance(error, MailError) else _not_composed(error)
            self._links.note(link.public_id, "email_failed", request_id)
            self._links.revoke(None, link.public_id, request_id)
            raise failure from None
        self._links.note(link.public_id, "emailed", request_id)


def _not_composed(error: Exception) -> MailError:
    """A MailError for a mail that could not be built or kept; logged by type only (the text may quote a name)."""
    log.warning("mail not sent", extra={"outcome": "failed", "reason": "not_composed", "error": type(error).__name__})
    return MailError("not_composed", "the mail could not be composed from the link's names and addresses")
