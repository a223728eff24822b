"""Which locale a browser gets: the best of nb, nn and en by its Accept-Language q-values, else English."""

from __future__ import annotations

import pytest

from service.locales import DEFAULT_LOCALE, LOCALES, negotiate, supported


@pytest.mark.parametrize(
    ("header", "locale"),
    [
        ("nb", "nb"),
        ("nb-NO", "nb"),
        ("no", "nb"),
        ("no-NO", "nb"),
        ("NO-no", "nb"),
        ("nn", "nn"),
        ("nn-NO", "nn"),
        ("en", "en"),
        ("en-GB", "en"),
        ("nb-NO,nb;q=0.9,no;q=0.8,nn;q=0.7,en-US;q=0.6,en;q=0.5", "nb"),  # what a Norwegian phone sends
        ("en-US,en;q=0.9,nn;q=0.8", "en"),
        ("de-DE, sv;q=0.9, nn;q=0.3", "nn"),  # the best one we have, however low
        ("en;q=0.5, nn;q=0.9", "nn"),  # q-values, not the order, decide
        ("nb;q=0, nn;q=0.1", "nn"),  # q=0 means "not this one"
        ("de, fr", "en"),
        ("*", "en"),
        ("", "en"),
        (None, "en"),
        ("%%%, ;;q=x", "en"),
    ],
)
def test_negotiate(header: str | None, locale: str) -> None:
    assert negotiate(header) == locale


def test_supported_keeps_ours_and_falls_back_to_english() -> None:
    assert LOCALES == ("nb", "nn", "en")
    assert DEFAULT_LOCALE == "en"
    assert [supported(locale) for locale in ("nb", "nn", "en", "no", "nb-NO", "", None)] == [
        "nb",
        "nn",
        "en",
        "en",
        "en",
        "en",
        "en",
    ]
