"""Setting up profiles: what a new profile must satisfy (kind, delivery mode, RP URL, token lifetime, origins, what
people see), and creating and changing one."""

from __future__ import annotations

import zoneinfo
from typing import TYPE_CHECKING, Any

from service.apikeys import credentials
from service.errors import ProfileNotFound, ValidationFailed
from service.keys.lifetimes import MAX_TOKEN_TTL_SECONDS
from service.locales import LOCALES
from service.profiles.kinds import DELIVERY_MODES, KINDS
from service.profiles.models import Profile
from service.profiles.origins import normalised_origin, origin_of
from service.tenants.accounts import check_display_name

if TYPE_CHECKING:
    from service.wiring import Services

# What pages and mails show of a profile, settable at creation and later (`profiles update`).
PEOPLE_FIELDS = ("display_name", "refresh_url", "link_renewals", "locale", "time_zone")


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


def create_profile(
    svc: Services,
    tenant_name: str,
    keyset_name: str | None,
    origins: list[str],
    *,
    name: str,
    kind: str,
    delivery_mode: str,
    issuer: str,
    audience: str,
    rp_url: str,
    rp_domain: str | None = None,
    max_ttl: int = MAX_TOKEN_TTL_SECONDS,
    check_ssn: bool = False,
    link_uses: int = 1,
    test: bool = False,
    **people: Any,
) -> Profile:
    """A new profile with a fresh public profile key; `people` are what pages and mails show (see PEOPLE_FIELDS)."""
    people = {name: value for name, value in people.items() if value is not None}
    check_profile(kind, delivery_mode, rp_url, max_ttl, origins, **_checked_people(people))
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    keyset = (
        svc.stores.keysets.default_keyset() if keyset_name is None else svc.stores.keysets.keyset_by_name(keyset_name)
    )
    return svc.stores.profiles.add_profile(
        tenant_id=tenant.id,
        keyset_id=keyset.id,
        name=name,
        profile_key=credentials.new_profile_key(),
        kind=kind,
        delivery_mode=delivery_mode,
        issuer=issuer,
        audience=audience,
        rp_url=rp_url,
        rp_domain=rp_domain,
        allowed_redirect_origins=[normalised_origin(o) for o in origins],
        max_token_ttl=max_ttl,
        check_ssn=check_ssn,
        link_max_uses=link_uses,
        test=test,
        **people,
    )


def update_profile(svc: Services, tenant_name: str, name: str, **people: Any) -> Profile:
    """Change what pages and mails show of a profile; None leaves a setting as it is."""
    profile = svc.stores.profiles.find_profile(svc.stores.tenants.tenant_by_name(tenant_name).id, name)
    if profile is None:
        raise ProfileNotFound(f"No profile {name!r} in tenant {tenant_name!r}.")
    people = {field: value for field, value in people.items() if value is not None}
    errors = check_people_settings(profile.allowed_redirect_origins, **_checked_people(people))
    if errors:
        raise ValidationFailed("The profile is not valid.", errors=errors)
    svc.stores.profiles.update_profile(profile.id, **people)
    updated = svc.stores.profiles.find_profile(profile.tenant_id, name)
    assert updated is not None
    return updated


def _checked_people(people: dict[str, Any]) -> dict[str, str | None]:
    unknown = set(people) - set(PEOPLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile settings: {sorted(unknown)}")
    return {name: people.get(name) for name in ("display_name", "refresh_url", "locale", "time_zone")}
