"""What a new profile must satisfy before it is stored: kind, delivery mode, RP URL, token lifetime, origins."""

from __future__ import annotations

from service.errors import ValidationFailed
from service.profiles.kinds import DELIVERY_MODES, KINDS
from service.tokens.claims import MAX_TOKEN_TTL_SECONDS
from service.tokens.delivery import origin_of


def normalised_origin(origin: str) -> str:
    """An origin as profiles store it: no trailing slash, lower case."""
    return origin.rstrip("/").lower()


def check_profile(kind: str, delivery_mode: str, rp_url: str, max_ttl: int, origins: list[str]) -> None:
    """ValidationFailed (422) naming every field that is wrong, in the CLI's option names."""
    errors: dict[str, list[str]] = {}
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
