"""Migrations run up, down and up again on SQLite, and match the models exactly."""

from __future__ import annotations

from pathlib import Path

from tests.support.databases import migrations_round_trip


def test_migrations_on_sqlite(tmp_path: Path) -> None:
    migrations_round_trip(f"sqlite:///{tmp_path / 'm.sqlite3'}")
