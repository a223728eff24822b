"""The catalogues: every message the code has today is translated in nb and nn, and renders run in their own locale."""

from __future__ import annotations

import re
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


def test_the_extraction_finds_the_pages_and_the_mail(code_messages: set[str | tuple[str, ...]]) -> None:
    # Python (N_ in pages.py, gettext in message.py), page templates, both mail templates, plurals.
    for message in (
        "This link has expired",
        "%(company)s: your sign-in link",
        "Continue to sign in",
        "Open this link to sign in:",
        "The link expires in %(duration)s, on %(date)s.",
        ("%(num)d day", "%(num)d days"),
    ):
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
    ("locale", "expired", "used"),
    [
        ("nb", "Lenken har utløpt", "Denne lenken er allerede brukt"),
        ("nn", "Lenkja har gått ut", "Denne lenkja er allereie brukt"),
        ("en", "This link has expired", "This link has already been used"),
    ],
)
def test_using_a_locale_translates_in_python(locale: str, expired: str, used: str) -> None:
    with locales.using(locale) as chosen:
        assert chosen == locale
        assert locales.gettext("This link has expired") == expired
        assert locales.gettext("This link has already been used") == used
    assert locales.gettext("This link has expired") == "This link has expired"


def test_an_unknown_locale_is_english_and_has_no_catalogue() -> None:
    with locales.using("de") as chosen:
        assert chosen == "en"
        assert locales.gettext("This link has expired") == "This link has expired"
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
        "{% trans name=name %}\n  You are about to sign in to {{ name }}.\n{% endtrans %} {{ _('Continue') }}"
    )
    with locales.using("nb"):
        assert page.render(name="<b>Go</b>") == "Du er i ferd med å logge inn på &lt;b&gt;Go&lt;/b&gt;. Fortsett"
    assert page.render(name="Go") == "You are about to sign in to Go. Continue"


def test_threads_render_in_their_own_locale_at_the_same_time() -> None:
    barrier = threading.Barrier(3)
    seen: dict[str, list[str]] = {}

    def render(locale: str) -> None:
        with locales.using(locale):
            barrier.wait()  # All three are inside `using` before any of them translates.
            seen[locale] = [locales.gettext("Continue") for _ in range(200)]

    threads = [threading.Thread(target=render, args=(locale,)) for locale in locales.LOCALES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {locale: set(words) for locale, words in seen.items()} == {
        "nb": {"Fortsett"},
        "nn": {"Hald fram"},
        "en": {"Continue"},
    }


def test_nynorsk_says_sendt_for_sent() -> None:
    # "send" is the imperative in nynorsk; the participle, as in bokmål, is "sendt" ("vart sendt", "Sendt av").
    with locales.using("nn"):
        assert locales.gettext("Sent by %(sender)s.") == "Sendt av %(sender)s."
        assert locales.gettext("We have sent a new link to the address the first one went to:").endswith(
            "den første vart sendt til:"
        )
        renewable = "For your safety, links work only for a limited time. We can email a new link to the address "
        assert locales.gettext(renewable + "this one was sent to.").endswith("denne vart sendt til.")
    for message in committed("nn"):
        if message.id:
            for _source, translation in sources_and_translations(message):
                assert not re.search(r"\bvart send\b|\bSend av\b", translation), translation
