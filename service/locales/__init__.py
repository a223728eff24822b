"""Locales: bokmål, nynorsk and English for every page and mail.

- `LOCALES`, `DEFAULT_LOCALE`; `negotiate(accept_language)` picks one for a header, `supported(locale)`
  keeps a known one and falls back to English otherwise.
- `using(locale)` makes a locale the active one for a render (per thread and context); `gettext`,
  `ngettext` and `N_` translate in Python, and `install(env)` gives a Jinja environment `{% trans %}`.
- `format_datetime(moment, locale, time_zone)` and `format_duration(seconds, locale)` write times.

The catalogues are `<locale>/LC_MESSAGES/messages.po`, extracted and updated by `make translations`
(see docs/translations.md) and compiled in memory at first use.
"""

from __future__ import annotations

from service.locales.catalogues import N_, gettext, install, ngettext, translations, using
from service.locales.dates import format_datetime, format_duration
from service.locales.negotiation import DEFAULT_LOCALE, LOCALES, negotiate, supported

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES",
    "N_",
    "format_datetime",
    "format_duration",
    "gettext",
    "install",
    "negotiate",
    "ngettext",
    "supported",
    "translations",
    "using",
]
