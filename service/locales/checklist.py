"""The native review's checklist in docs/translations.md: every message of the catalogues with where it shows.

`make translations` rewrites it after updating the catalogues (`python -m service.locales.checklist`), and
tests/unit/locales/test_checklist.py fails when a catalogue's message or translation is missing from it, so
the list a reviewer reads is always what pages and mails say today. Only the part between the two markers is
written; the rest of the guide is prose.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from service.locales.catalogues import catalogue_path

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "translations.md"
BEGIN = "<!-- checklist: written by `make translations` from the catalogues; edit the .po files, not this list -->"
END = "<!-- end of checklist -->"
REVIEWED = ("nb", "nn")

# Where a message shows, by the first file it comes from; the first prefix that matches names its section.
_PLACES = (
    ("service/email/", "The sign-in mail"),
    ("service/links/qr.py", "The QR code of a link"),
    ("service/links/", "The link's pages"),
    ("service/locales/", "Times and durations, in mails and on pages"),
)


def _read(locale: str) -> Catalog:
    with catalogue_path(locale).open("rb") as source:
        return read_po(source, locale=locale)


def _code(text: str) -> str:
    """`text` as Markdown inline code: shown as written, HTML and placeholders included."""
    text = text.replace("\n", "\\n")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _forms(texts: str | tuple[str, ...] | list[str] | None) -> str:
    """A message's text, or its singular and plural forms, each as code."""
    if texts is None or isinstance(texts, str):
        return _code(texts or "")
    return " / ".join(_code(text) for text in texts)


def _place(message: Message) -> str:
    first = message.locations[0][0] if message.locations else ""
    return next((label for prefix, label in _PLACES if first.startswith(prefix)), f"Elsewhere ({first or 'unknown'})")


def _entry(message: Message, translations: dict[str, Message | None]) -> list[str]:
    lines = [f"- [ ] {_forms(message.id)}"]
    for locale, translated in translations.items():
        lines.append(f"  - {locale}: {_forms(translated.string if translated is not None else None)}")
    files = dict.fromkeys(path for path, _line in message.locations)  # in order, once each, without line numbers
    lines.append(f"  - in: {', '.join(_code(path) for path in files)}")
    if message.auto_comments:
        lines.append(f"  - note: {' '.join(message.auto_comments)}")
    return lines


def checklist() -> str:
    """The checklist, markers included: one section per place, one item per message, in the catalogue's order."""
    catalogues = {locale: _read(locale) for locale in REVIEWED}
    messages = [message for message in catalogues[REVIEWED[0]] if message.id]
    sections: dict[str, list[str]] = {label: [] for _prefix, label in _PLACES}
    for message in messages:
        translations = {locale: catalogue.get(message.id) for locale, catalogue in catalogues.items()}
        sections.setdefault(_place(message), []).extend(_entry(message, translations))
    parts = [BEGIN, "", f"{len(messages)} messages.", ""]
    for label, lines in sections.items():
        if lines:
            parts += [f"#### {label}", "", *lines, ""]
    return "\n".join([*parts, END])


def with_checklist(guide: str) -> str:
    """`guide` with the text between the markers replaced by today's checklist."""
    start, end = guide.find(BEGIN), guide.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the guide has no checklist markers ({BEGIN} ... {END})")
    return guide[:start] + checklist() + guide[end + len(END) :]


def main() -> None:
    GUIDE.write_text(with_checklist(GUIDE.read_text()))


if __name__ == "__main__":
    main()
