"""Migrations run up, down and up again on SQLite and PostgreSQL, and match the models exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from service.db import migrate as migrations
from service.db.models import Base
from service.db.store import make_engine

TABLES = {
    "tenants",
    "api_keys",
    "keysets",
    "profiles",
    "launch_links",
    "idempotency_records",
    "audit_events",
    "alembic_version",
}


def _round_trip(url: str) -> None:
    migrations.upgrade(url)
    engine = make_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) == TABLES
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        migrations.downgrade(url, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        migrations.upgrade(url)
        assert set(inspect(engine).get_table_names()) == TABLES
    finally:
        engine.dispose()


def test_migrations_on_sqlite(tmp_path: Path) -> None:
    _round_trip(f"sqlite:///{tmp_path / 'm.sqlite3'}")


@pytest.mark.postgres
def test_migrations_on_postgres(postgres_url: str) -> None:
    _round_trip(postgres_url)
