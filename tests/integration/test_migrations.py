"""Migrations run up, down and up again on PostgreSQL, and match the models exactly."""

from __future__ import annotations

import pytest

from tests.support.databases import migrations_round_trip


@pytest.mark.postgres
def test_migrations_on_postgres(postgres_url: str) -> None:
    migrations_round_trip(postgres_url)
