"""What a new profile must satisfy before it is stored: kind, delivery mode, RP URL, token lifetime, origins."""

from __future__ import annotations

import zoneinfo

from service.errors import ValidationFailed
from service.profiles.kinds import DELIVERY_MODES, KINDS
from service.tokens.claims import MAX_TOKEN_TTL_SECONDS
from service.tokens.delivery import origin_of
from service.tokens.schemas import LINK_LOCALES


def normalised_origin(origin: str) -> str:
    """An origin as profiles store it: no trailing slash, lower case."""
    return origin.rstrip("/").lower()


def check_profile(
    kind: str,
    delivery_mode: str,
    rp_url: str,
    max_ttl: int,
    origins: list[str],
    **people: str | None,
) -> None:
    """ValidationFailed (422) naming every field that is wrong, in the CLI's option names.

    `people` are the optional settings of what people see (`refresh_url`, `locale`, `time_zone`).
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
    origins: list[str], *, refresh_url: str | None = None, locale: str | None = None, time_zone: str | None = None
) -> dict[str, list[str]]:
    """Errors of a profile's refresh URL (https, on an allowed origin), default locale and IANA time zone."""
    errors: dict[str, list[str]] = {}
    if refresh_url is not None:
        allowed = {normalised_origin(o) for o in origins}
        local = origin_of(refresh_url).startswith(("http://localhost", "http://127.0.0.1"))
        if not (refresh_url.startswith("https://") or local) or origin_of(refresh_url) not in allowed:
            errors["refreshUrl"] = ["An https URL on one of the profile's allowed origins (--allow-origin)."]
    if locale is not None and locale not in LINK_LOCALES:
        errors["locale"] = [f"One of {', '.join(LINK_LOCALES)}."]
    if time_zone is not None:
        try:
            zoneinfo.ZoneInfo(time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            errors["timeZone"] = ["An IANA time zone such as Europe/Oslo."]
    return errors
