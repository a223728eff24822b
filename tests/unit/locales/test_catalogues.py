"""The catalogues: every message the code has today is translated in nb and nn, and renders run in their own locale."""

from __future__ import annotations

import threading

import jinja2
import pytest

from service import locales
from tests.support.translations import (
    TRANSLATED,
    committed,
    extracted,
    ids,
    placeholders,
    sources_and_translations,
    template,
)


@pytest.fixture(scope="module")
def code_messages() -> set[str | tuple[str, ...]]:
    return ids(extracted())


def test_the_extraction_finds_python_messages_and_plurals(code_messages: set[str | tuple[str, ...]]) -> None:
    for message in ("less than a minute", ("%(num)d day", "%(num)d days")):
        assert message in code_messages


def test_the_committed_template_is_what_the_code_has_today(code_messages: set[str | tuple[str, ...]]) -> None:
    assert ids(template()) == code_messages, "run `make translations`"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_message_has_a_finished_translation(locale: str, code_messages: set[str | tuple[str, ...]]) -> None:
    catalogue = committed(locale)
    assert catalogue.num_plurals == 2
    assert ids(catalogue) == code_messages, "run `make translations`, then translate what it adds"
    assert not catalogue.obsolete
    for message in catalogue:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        for source, translation in sources_and_translations(message):
            assert translation.strip(), f"{locale}: no translation of {source!r}"
            assert placeholders(translation) == placeholders(source), f"{locale}: {source!r} -> {translation!r}"
            assert translation != source or not any(c.isalpha() for c in source.replace("%(", "")), source


@pytest.mark.parametrize(
    ("locale", "words"),
    [("nb", "mindre enn ett minutt"), ("nn", "mindre enn eitt minutt"), ("en", "less than a minute")],
)
def test_using_a_locale_translates_in_python(locale: str, words: str) -> None:
    with locales.using(locale) as chosen:
        assert chosen == locale
        assert locales.gettext("less than a minute") == words
    assert locales.gettext("less than a minute") == "less than a minute"


def test_an_unknown_locale_is_english_and_has_no_catalogue() -> None:
    with locales.using("de") as chosen:
        assert chosen == "en"
        assert locales.gettext("less than a minute") == "less than a minute"
    with locales.using(None) as chosen:
        assert chosen == "en"
    with pytest.raises(ValueError, match="no catalogue"):
        locales.translations("sv")


def test_plurals_follow_the_count() -> None:
    with locales.using("nn"):
        assert locales.ngettext("%(num)d day", "%(num)d days", 1) % {"num": 1} == "1 dag"
        assert locales.ngettext("%(num)d day", "%(num)d days", 3) % {"num": 3} == "3 dagar"


def test_an_installed_environment_translates_trans_blocks_and_escapes_what_it_fills_in() -> None:
    env = jinja2.Environment(autoescape=True)
    locales.install(env)
    page = env.from_string(
        "{% trans first=first, second=second %}\n  {{ first }} and {{ second }}\n{% endtrans %}"
        " ({{ _('less than a minute') }})"
    )
    with locales.using("nn"):
        assert page.render(first="<b>1</b>", second="2") == "&lt;b&gt;1&lt;/b&gt; og 2 (mindre enn eitt minutt)"
    assert page.render(first="1", second="2") == "1 and 2 (less than a minute)"


def test_threads_render_in_their_own_locale_at_the_same_time() -> None:
    barrier = threading.Barrier(3)
    seen: dict[str, list[str]] = {}

    def render(locale: str) -> None:
        with locales.using(locale):
            barrier.wait()  # All three are inside `using` before any of them translates.
            seen[locale] = [locales.gettext("less than a minute") for _ in range(200)]

    threads = [threading.Thread(target=render, args=(locale,)) for locale in locales.LOCALES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {locale: set(words) for locale, words in seen.items()} == {
        "nb": {"mindre enn ett minutt"},
        "nn": {"mindre enn eitt minutt"},
        "en": {"less than a minute"},
    }
