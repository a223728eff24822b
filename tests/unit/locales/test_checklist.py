"""The native review's checklist in docs/translations.md: every message of the catalogues, as they are today."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from service.locales import checklist as review
from service.locales.catalogues import catalogue_path
from tests.support.translations import TRANSLATED, committed


def _items(guide: str) -> dict[str, str]:
    """The checklist's items by their first line (the English source): each item's text."""
    listed = guide[guide.index(review.BEGIN) : guide.index(review.END)]
    items = [f"- [ ] {item}" for item in listed.split("\n- [ ] ")[1:]]
    return {item.split("\n", 1)[0]: item for item in items}


def test_every_message_and_translation_of_the_catalogues_is_in_the_checklist() -> None:
    items = _items(review.GUIDE.read_text())
    missing = []
    for locale in TRANSLATED:
        for message in committed(locale):
            if message.id:
                item = items.get(f"- [ ] {review._forms(message.id)}", "")
                if f"\n  - {locale}: {review._forms(message.string)}\n" not in item:
                    missing.append((locale, message.id))
    assert not missing, f"not in docs/translations.md's checklist, run `make translations`: {missing[:5]}"


def test_the_checklist_is_what_make_translations_writes() -> None:
    guide = review.GUIDE.read_text()
    assert review.with_checklist(guide) == guide, "run `make translations`"
    assert guide.count(review.BEGIN) == guide.count(review.END) == 1


def test_a_new_message_changes_the_checklist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A message added to the catalogues (with HTML and a backtick, as a template might have) is listed, under
    # its place, with its note and its files; the committed guide no longer matches, so the test above fails.
    for locale in TRANSLATED:
        copy = tmp_path / locale / "messages.po"
        copy.parent.mkdir()
        shutil.copyfile(catalogue_path(locale), copy)
        with copy.open("rb") as source:
            catalogue = read_po(source, locale=locale)
        catalogue.add(
            "Press <b>`Continue`</b>",
            f"Trykk {locale}",
            [("service/links/templates/links/new.html", 3)],
            auto_comments=["the button's word"],
        )
        with copy.open("wb") as target:
            write_po(target, catalogue)
    monkeypatch.setattr(review, "catalogue_path", lambda locale: tmp_path / locale / "messages.po")
    written = review.checklist()
    entry = (
        "- [ ] ``Press <b>`Continue`</b>``\n  - nb: `Trykk nb`\n  - nn: `Trykk nn`\n"
        "  - in: `service/links/templates/links/new.html`\n  - note: the button's word\n"
    )
    assert entry in written
    assert written.index(entry) > written.index("#### The link's pages")
    assert review.with_checklist(review.GUIDE.read_text()) != review.GUIDE.read_text()


def test_a_guide_without_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="no checklist markers"):
        review.with_checklist("# Translations\n")


def test_make_translations_rewrites_only_the_checklist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    guide = tmp_path / "translations.md"
    guide.write_text(f"# Translations\n\nProse.\n\n{review.BEGIN}\n- [x] `stale`\n{review.END}\n\nMore prose.\n")
    monkeypatch.setattr(review, "GUIDE", guide)
    review.main()
    assert guide.read_text() == f"# Translations\n\nProse.\n\n{review.checklist()}\n\nMore prose.\n"
