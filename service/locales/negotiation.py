"""Which of our locales a reader gets: the one asked for if we have it, else the best of Accept-Language."""

from __future__ import annotations

from babel.core import negotiate_locale
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

LOCALES = ("nb", "nn", "en")
DEFAULT_LOCALE = "en"

# "no" is Norwegian without saying which written form; bokmål is what most readers write.
_ALIASES = {"no": "nb", "no-no": "nb"}


def supported(locale: str | None) -> str:
    """`locale` if it is one of LOCALES, else DEFAULT_LOCALE."""
    return locale if locale in LOCALES else DEFAULT_LOCALE


def negotiate(accept_language: str | None) -> str:
    """The best of LOCALES for an Accept-Language header by its q-values; DEFAULT_LOCALE when none matches.

    `nb`, `nb-NO`, `no` and `no-NO` give bokmål, `nn` and `nn-NO` nynorsk, `en-*` English.
    """
    accepted = parse_accept_header(accept_language, LanguageAccept)
    # Highest q first (sorted() keeps the header's order among equals); q=0 means "not this one".
    ranked = sorted(accepted, key=lambda item: item[1], reverse=True)
    preferred = [tag for tag, quality in ranked if quality > 0 and tag != "*"]
    match = negotiate_locale(preferred, LOCALES, sep="-", aliases=_ALIASES)
    return supported(match.lower() if match else None)
