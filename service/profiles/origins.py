"""Origins of a profile: where a browser may be sent for it (its relying party and its allowed origins)."""

from __future__ import annotations

from urllib.parse import urlsplit

from service.profiles.models import Profile


def origin_of(url: str) -> str:
    """scheme://host[:port], lower-cased, as browsers compare origins."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def normalised_origin(origin: str) -> str:
    """An origin as profiles store it: no trailing slash, lower case."""
    return origin.rstrip("/").lower()


def relying_party_origins(profile: Profile) -> list[str]:
    """Where a browser may be sent for this profile: the RP endpoint's origin and the allowed origins."""
    origins = [origin_of(profile.rp_url)]
    origins.extend(o for o in profile.allowed_redirect_origins if o not in origins)
    return origins
