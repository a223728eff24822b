"""Watches every log record of the test session for secrets and personal data.

Tests register what must never be logged (API keys, tokens, private keys, payload values); at the end
of the session the captured log text is scanned, and any hit fails the run.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine, MetaData

from service.logs import JsonFormatter

# Values from the seed's example payloads: personal data that must never reach a log line.
SEED_PERSONAL_DATA = ("13116900216", "Yoda", "babyyoda@galaxy.com", "mando@tatooine.com", "Lorian", "99900000")


class LeakWatch(logging.Handler):
    """A handler that keeps every formatted record, and the needles to look for in them."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        # The production formatter, so `extra` fields are scanned too, exactly as they would be written.
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []
        self.needles: set[str] = set(SEED_PERSONAL_DATA)
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:
            text = f"{record.name} {record.msg!r} {record.args!r}"
        with self._guard:
            self.lines.append(text)

    def add_text(self, text: str) -> None:
        """Output of a subprocess (gunicorn, the emulator) counts as log output too."""
        with self._guard:
            self.lines.extend(text.splitlines())

    def watch(self, *values: str) -> None:
        with self._guard:
            self.needles.update(v for v in values if v and len(v) >= 6)

    def leaks(self) -> list[tuple[str, str]]:
        """(needle shown by its first characters, line) for every needle found in a line."""
        found = []
        for line in self.lines:
            for needle in self.needles:
                if needle in line:
                    found.append((needle[:6] + "…", line[:300]))
        return found


WATCH = LeakWatch()


def database_dump(engine: Engine) -> str:
    """Every row of every table as text, sealed bytes included as Python shows them: what a stolen dump holds."""
    tables = MetaData()
    tables.reflect(engine)
    lines = []
    with engine.connect() as connection:
        for table in tables.sorted_tables:
            lines += [f"{table.name}: {tuple(row)!r}" for row in connection.execute(table.select())]
    return "\n".join(lines)
