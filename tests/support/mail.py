"""A launch-link mail for the mailer tests: fixed clock, sender, recipients and SMTP password, and its parts."""

from __future__ import annotations

import secrets
from dataclasses import replace
from email.message import EmailMessage
from typing import Any

from service.email.message import LinkEmail
from tests.support.privacy import WATCH

NOW = 1_795_000_000  # 2026-11-18 11:06:40 UTC: a fixed clock, so expiry words and dates are exact.
SENDER = "Broker <no-reply@broker.example>"
FROM_QUERY = "from=Broker%20%3Cno-reply%40broker.example%3E"
MEMBER = "member.mailtest@example.org"
ADMIN = "admin.mailtest@example.org"
PASSWORD = "s3cret-pw-not-for-logs"
SMTP_USER = "broker"

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
