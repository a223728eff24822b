"""Times on the console's account-wide pages (API keys, users): in the account's time zone, in the reader's words."""

from __future__ import annotations

import datetime as dt

from flask import current_app

from service import locales
from service.console import web
from service.locales.dates import UTC
from service.profiles.rules import time_zone
from service.wiring import services


class TenantTimes:
    """Writes a moment as the account's people read it: in its profiles' time zone when they share one ("2.
    desember 2026 kl. 21:17"), else in UTC, so marked. None (never happened) is written as an empty string."""

    def __init__(self, tenant_id: int) -> None:
        zones = {time_zone(profile) for profile in services(current_app).stores.profiles.list_profiles(tenant_id)}
        self._zone = zones.pop() if len(zones) == 1 else UTC
        self._locale = web.locale()

    def __call__(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        return locales.format_datetime(aware, self._locale, self._zone)
