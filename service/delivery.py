"""Turns a token into the URL a user opens, by the profile's delivery mode (DESIGN §5)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from service.models import Profile


def query_url(rp_url: str, token: str, domain: str | None) -> str:
    """The RP URL with `domain` (if the profile has one) and `jwt` added to its query, Ayrshare style."""
    parts = urlsplit(rp_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ("jwt", "domain")]
    if domain:
        query.append(("domain", domain))
    query.append(("jwt", token))
    return urlunsplit(parts._replace(query=urlencode(query)))


def deliver(profile: Profile, token: str) -> str | None:
    """The ready-to-open URL; `exchange` and `form` profiles get theirs with launch links (not yet built)."""
    if profile.delivery_mode == "query":
        return query_url(profile.rp_url, token, profile.rp_domain)
    return None
