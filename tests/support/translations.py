"""The messages of pages and mails as `make translations` extracts them (in memory), and the catalogues' entries."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from service.locales.catalogues import FOLDER, catalogue_path
from tests.support.paths import ROOT

TRANSLATED = ("nb", "nn")  # English is the source language: it has no catalogue.


def extracted() -> Catalog:
    """Every message the code marks for translation today, read with babel.cfg as `make translations` reads it."""
    config = FOLDER / "babel.cfg"
    with config.open() as file:
        method_map, options_map = parse_mapping_cfg(file, str(config))
    catalog = Catalog()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def read_catalogue(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def committed(locale: str) -> Catalog:
    """The `.po` catalogue of `locale` as committed."""
    return read_catalogue(catalogue_path(locale), locale)


def template() -> Catalog:
    """The committed `messages.pot`."""
    return read_catalogue(FOLDER / "messages.pot")


def ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    """The message ids of a catalogue, without its header entry."""
    return {message.id for message in catalog if message.id}


def placeholders(text: str) -> list[str]:
    """The python-format placeholders in a text, sorted: ["%(date)s", "%(duration)s"]."""
    return sorted(match.group(0) for match in PYTHON_FORMAT.finditer(text) if match.group(0) != "%%")


def sources_and_translations(message: Message) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs: the singular with form 0, the plural with every other form (nb and nn: n != 1)."""
    if isinstance(message.id, str):
        assert isinstance(message.string, str)
        return [(message.id, message.string)]
    singular, plural = message.id[0], message.id[1]
    forms = list(message.string)
    return [(singular, forms[0]), *((plural, form) for form in forms[1:])]
