"""Alembic environment: runs migrations on the engine the broker itself uses."""

from __future__ import annotations

from alembic import context

from service.db.database import make_engine
from service.db.migrations.tables import metadata

config = context.config
target_metadata = metadata


def run_migrations_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        # render_as_batch lets ALTER TABLE work on SQLite, which cannot alter columns in place.
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
