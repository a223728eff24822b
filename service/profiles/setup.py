"""What a new profile must satisfy before it is stored: kind, delivery mode, RP URL, token lifetime, origins."""

from __future__ import annotations

import zoneinfo

from service.errors import ValidationFailed
from service.keys.lifetimes import MAX_TOKEN_TTL_SECONDS
from service.locales import LOCALES
from service.profiles.kinds import DELIVERY_MODES, KINDS
from service.profiles.origins import normalised_origin, origin_of
from service.web.validation import control_characters, encoded_words

MAX_DISPLAY_NAME = 100  # the column's width (tenants.display_name, profiles.display_name)


def check_display_name(value: str) -> list[str]:
    """What is wrong with a display name people see on pages and in mail headers; empty when it is fine."""
    if not value.strip():
        return ["May not be empty; leave the option out to keep the current name."]
    if control_characters(value):
        return ["May not contain line breaks or other control characters (it goes into mail headers and pages)."]
    if encoded_words(value):
        return ["May not contain =?...?= (mail programs would decode it as an encoded word in mail headers)."]
    if len(value) > MAX_DISPLAY_NAME:
        return [f"At most {MAX_DISPLAY_NAME} characters."]
    return []


def check_profile(
    kind: str,
    delivery_mode: str,
    rp_url: str,
    max_ttl: int,
    origins: list[str],
    **people: str | None,
) -> None:
    """ValidationFailed (422) naming every field that is wrong, in the CLI's option names.

    `people` are the optional settings of what people see (`display_name`, `refresh_url`, `locale`, `time_zone`).
    """
    errors = check_people_settings(origins, **people)
    if kind not in KINDS:
        errors["kind"] = [f"One of {', '.join(KINDS)}."]
    if delivery_mode not in DELIVERY_MODES:
        errors["mode"] = [f"One of {', '.join(DELIVERY_MODES)}."]
    if not rp_url.startswith(("https://", "http://")):
        errors["rpUrl"] = ["An http(s) URL."]
    if not 1 <= max_ttl <= MAX_TOKEN_TTL_SECONDS:
        errors["maxTtl"] = [f"Between 1 and {MAX_TOKEN_TTL_SECONDS} seconds."]
    bad_origins = [
        o for o in origins if not o.startswith(("https://", "http://")) or origin_of(o) != normalised_origin(o)
    ]
    if bad_origins:
        errors["allowOrigin"] = ["Origins are scheme://host[:port], without a path."]
    if errors:
        raise ValidationFailed("The profile is not valid.", errors=errors)


def check_people_settings(
    origins: list[str],
    *,
    display_name: str | None = None,
    refresh_url: str | None = None,
    locale: str | None = None,
    time_zone: str | None = None,
) -> dict[str, list[str]]:
    """Errors of a profile's display name, refresh URL (https, on an allowed origin), locale and IANA time zone."""
    errors: dict[str, list[str]] = {}
    if display_name is not None and (wrong := check_display_name(display_name)):
        errors["displayName"] = wrong
    if refresh_url is not None:
        allowed = {normalised_origin(o) for o in origins}
        local = origin_of(refresh_url).startswith(("http://localhost", "http://127.0.0.1"))
        if not (refresh_url.startswith("https://") or local) or origin_of(refresh_url) not in allowed:
            errors["refreshUrl"] = ["An https URL on one of the profile's allowed origins (--allow-origin)."]
    if locale is not None and locale not in LOCALES:
        errors["locale"] = [f"One of {', '.join(LOCALES)}."]
    if time_zone is not None:
        try:
            zoneinfo.ZoneInfo(time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            errors["timeZone"] = ["An IANA time zone such as Europe/Oslo."]
    return errors
