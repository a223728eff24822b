"""The rules a profile sets for a request: the profile a key names, where a redirect may go, a token's lifetime."""

from __future__ import annotations

from service.apikeys.caller import Caller
from service.apikeys.credentials import looks_like_api_key
from service.errors import ApiKeyAsProfileKey, BadRequest, ProfileNotFound, RedirectNotAllowed
from service.keys.lifetimes import MAX_TOKEN_TTL_SECONDS
from service.profiles.models import Profile
from service.profiles.origins import origin_of
from service.profiles.store import ProfileStore


def resolve_profile(store: ProfileStore, caller: Caller, body_key: str | None, header_key: str | None) -> Profile:
    """The profile the request names (body or Profile-Key header), if it belongs to the caller's tenant."""
    if body_key and header_key and body_key != header_key:
        raise BadRequest("profileKey in the body and the Profile-Key header differ; send one.")
    profile_key = body_key or header_key
    if not profile_key:
        raise BadRequest("profileKey is required, in the body or as the Profile-Key header.")
    if looks_like_api_key(profile_key):
        raise ApiKeyAsProfileKey(
            "profileKey holds an API key. Send the API key only as 'Authorization: Bearer …' and put the "
            "profile's key (it starts with 'pk_') in profileKey."
        )
    profile = store.profile_by_key(profile_key)
    if profile.tenant_id != caller.tenant_id:
        # Same answer as a key that does not exist: another tenant's profiles are not discoverable.
        raise ProfileNotFound("No profile with that profile key exists for this API key's tenant.")
    return profile


def check_redirect(profile: Profile, redirect: str | None) -> None:
    """A redirect must be on one of the profile's allowed origins (422 `redirect_not_allowed`)."""
    if redirect is not None and origin_of(redirect) not in {origin_of(o) for o in profile.allowed_redirect_origins}:
        raise RedirectNotAllowed(
            "redirect is not on this profile's allowed origins.", errors={"redirect": ["Origin not allowed."]}
        )


def token_ttl(profile: Profile, expire_in_minutes: int) -> int:
    """The smaller of what was asked and what the profile (and the spec) allow."""
    return min(expire_in_minutes * 60, profile.max_token_ttl, MAX_TOKEN_TTL_SECONDS)


# The ExorLive kinds serve Norwegian clinics: their pages and mails tell Oslo time unless a profile says otherwise.
_KIND_TIME_ZONES = {"exorlive-main": "Europe/Oslo", "exorlive-go": "Europe/Oslo"}


def display_name(profile: Profile) -> str:
    """The product as people know it ("ExorLive Go"); the profile's slug when it has no display name."""
    return profile.display_name or profile.name


def sender_name(profile: Profile) -> str | None:
    """The clinic or company behind the profile ("Tatooine Physio"); None without a display name (never a slug)."""
    return profile.tenant.display_name


def time_zone(profile: Profile) -> str:
    """The IANA zone pages and mails give times in."""
    return profile.time_zone or _KIND_TIME_ZONES.get(profile.kind, "UTC")
