"""Times and durations as a reader of each locale writes them: "2. desember 2026 kl. 21:17", "2 dager"."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_datetime as babel_format_datetime

from service.locales.catalogues import gettext, ngettext, using
from service.locales.negotiation import supported

# Babel's locale for each of ours: English dates read the British way ("2 December 2026", 24-hour clock).
_BABEL_LOCALES = {"nb": "nb", "nn": "nn", "en": "en_GB"}
# How a date and a time are joined ({1} the date, {0} the time, as in CLDR): "2. desember 2026 kl. 21:17",
# "2 December 2026 at 21:17". CLDR's own "long" joins differ per locale and add seconds and a zone.
_DATE_AND_TIME = {"nb": "{1} 'kl'. {0}", "nn": "{1} 'kl'. {0}", "en": "{1} 'at' {0}"}
UTC = "UTC"


def format_datetime(moment: dt.datetime, locale: str, time_zone: str = UTC) -> str:
    """`moment` (aware) as a date and a time to the minute in `time_zone` (an IANA name), written for `locale`.

    nb and nn: "2. desember 2026 kl. 21:17"; en: "2 December 2026 at 21:17". A time shown in UTC, the
    fallback when no zone is known, ends in " UTC", so nobody takes it for their own clock's time.
    Seconds are dropped, not rounded: a link's expiry is never promised later than it is.
    """
    if moment.tzinfo is None:
        raise ValueError("format_datetime needs an aware datetime")
    babel_locale = Locale.parse(_BABEL_LOCALES[supported(locale)])
    date = babel_locale.date_formats["long"].pattern
    time = babel_locale.time_formats["short"].pattern
    pattern = _DATE_AND_TIME[supported(locale)].replace("{1}", date).replace("{0}", time)
    text = babel_format_datetime(moment, pattern, tzinfo=ZoneInfo(time_zone), locale=babel_locale)
    return f"{text} {UTC}" if time_zone == UTC else text


def format_duration(seconds: int, locale: str) -> str:
    """A time left in the two largest units: "2 days", "1 day and 12 hours", "30 minutes", "less than a minute".

    To the nearest minute, so a 24-hour link mailed a second after it was made still says "1 day".
    """
    minutes = (seconds + 30) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    with using(locale):
        units = [
            ngettext("%(num)d day", "%(num)d days", days) % {"num": days},
            ngettext("%(num)d hour", "%(num)d hours", hours) % {"num": hours},
            ngettext("%(num)d minute", "%(num)d minutes", minutes) % {"num": minutes},
        ]
        counts = [days, hours, minutes]
        largest = next((index for index, count in enumerate(counts) if count), None)
        if largest is None:
            return gettext("less than a minute")
        if largest == len(counts) - 1 or not counts[largest + 1]:
            return units[largest]
        # Translators: the two largest units of a time left: "1 day and 12 hours", "1 hour and 30 minutes".
        return gettext("%(first)s and %(second)s") % {"first": units[largest], "second": units[largest + 1]}
