"""Times and durations as each locale writes them, in the reader's time zone."""

from __future__ import annotations

import datetime as dt

import pytest

from service.locales import format_datetime, format_duration

WINTER = dt.datetime(2026, 12, 2, 20, 17, 59, tzinfo=dt.UTC)  # 21:17 in Oslo (CET, UTC+1)
SUMMER = dt.datetime(2026, 7, 2, 19, 17, tzinfo=dt.UTC)  # 21:17 in Oslo (CEST, UTC+2)


@pytest.mark.parametrize(
    ("locale", "winter", "summer"),
    [
        ("nb", "2. desember 2026 kl. 21:17", "2. juli 2026 kl. 21:17"),
        ("nn", "2. desember 2026 kl. 21:17", "2. juli 2026 kl. 21:17"),
        ("en", "2 December 2026 at 21:17", "2 July 2026 at 21:17"),
    ],
)
def test_format_datetime_in_oslo(locale: str, winter: str, summer: str) -> None:
    assert format_datetime(WINTER, locale, "Europe/Oslo") == winter
    assert format_datetime(SUMMER, locale, "Europe/Oslo") == summer


def test_a_time_in_utc_says_so_and_an_unknown_locale_is_english() -> None:
    assert format_datetime(WINTER, "nb", "UTC") == "2. desember 2026 kl. 20:17 UTC"
    assert format_datetime(WINTER, "en") == "2 December 2026 at 20:17 UTC"
    assert format_datetime(WINTER, "de", "Europe/Oslo") == "2 December 2026 at 21:17"
    assert format_datetime(WINTER.astimezone(dt.timezone(dt.timedelta(hours=-5))), "nn", "Europe/Oslo") == (
        "2. desember 2026 kl. 21:17"
    )


def test_format_datetime_needs_an_aware_moment() -> None:
    with pytest.raises(ValueError, match="aware"):
        format_datetime(dt.datetime(2026, 12, 2, 20, 17), "nb", "Europe/Oslo")


@pytest.mark.parametrize(
    ("seconds", "en", "nb", "nn"),
    [
        (2880 * 60, "2 days", "2 dager", "2 dagar"),
        (2880 * 60 - 1, "2 days", "2 dager", "2 dagar"),  # Minted a second before the mail: still "2 days".
        (36 * 3600, "1 day and 12 hours", "1 dag og 12 timer", "1 dag og 12 timar"),
        (24 * 3600 + 30 * 60, "1 day", "1 dag", "1 dag"),  # The two largest units: days and hours.
        (24 * 3600, "1 day", "1 dag", "1 dag"),
        (23 * 3600, "23 hours", "23 timer", "23 timar"),
        (90 * 60, "1 hour and 30 minutes", "1 time og 30 minutter", "1 time og 30 minutt"),
        (30 * 60, "30 minutes", "30 minutter", "30 minutt"),
        (61, "1 minute", "1 minutt", "1 minutt"),
        (20, "less than a minute", "mindre enn ett minutt", "mindre enn eitt minutt"),
    ],
)
def test_format_duration(seconds: int, en: str, nb: str, nn: str) -> None:
    assert [format_duration(seconds, locale) for locale in ("en", "nb", "nn")] == [en, nb, nn]
