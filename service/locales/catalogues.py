"""Message catalogues and the locale a render uses.

The catalogues are the `.po` source files beside this module, compiled in memory at first use (no `.mo`
file is committed and nothing is built). The active translations live in a ContextVar, so threads and
requests rendering in different locales at the same time never see each other's: `with using("nb"):`
around a render, and `gettext`/`ngettext` (in Python, and in templates of an environment `install`ed
here) read it. English is the source language: it needs no catalogue.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from contextvars import ContextVar
from io import BytesIO
from pathlib import Path

import jinja2
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from service.locales.negotiation import DEFAULT_LOCALE, LOCALES, supported

FOLDER = Path(__file__).resolve().parent
DOMAIN = "messages"

# None until a `using` block sets it: the source language, English.
_ACTIVE: ContextVar[NullTranslations | None] = ContextVar("translations", default=None)


def catalogue_path(locale: str) -> Path:
    """Where the `.po` source of `locale` lives."""
    return FOLDER / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(locale: str) -> NullTranslations:
    """The compiled catalogue of `locale` (one of LOCALES), compiled once per process."""
    if locale not in LOCALES:
        raise ValueError(f"no catalogue for locale {locale!r}; one of {', '.join(LOCALES)}")
    if locale == DEFAULT_LOCALE:
        return NullTranslations()
    with catalogue_path(locale).open("rb") as source:
        catalog = read_po(source, locale=locale, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, so the English text shows instead
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@contextlib.contextmanager
def using(locale: str | None) -> Iterator[str]:
    """Translate in `locale` (an unknown or missing one is DEFAULT_LOCALE) inside the block; yields the locale."""
    chosen = supported(locale)
    token = _ACTIVE.set(translations(chosen))
    try:
        yield chosen
    finally:
        _ACTIVE.reset(token)


def _active() -> NullTranslations:
    active = _ACTIVE.get()
    return translations(DEFAULT_LOCALE) if active is None else active


def gettext(message: str) -> str:
    """`message` in the active locale."""
    return _active().ugettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the active locale (Norwegian has the same two forms as English)."""
    return _active().ungettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802  # the name gettext's tools look for
    """Mark `message` for extraction where it is defined; translate it with `gettext` where it is shown."""
    return message


def install(env: jinja2.Environment) -> None:
    """Give `env` `{% trans %}`, `_()`, `gettext()` and `ngettext()`, reading the active locale at render time.

    New-style gettext: placeholders are `%(name)s`, filled and (in autoescaped templates) escaped by Jinja.
    Every `{% trans %}` block is trimmed, as the extraction in babel.cfg trims it.
    """
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
