"""The mail of a launch link, as its profile and tenant have it said: names, locale, time zone."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from service.db.models import Profile
from service.email.message import LinkEmail
from service.email.request import link_email_from_request
from service.links.launch_links import NewLink
from service.locales import DEFAULT_LOCALE
from service.profiles.rules import display_name, sender_name, time_zone


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
