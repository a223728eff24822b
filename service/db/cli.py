"""`flask --app service db`: the database's migrations."""

from __future__ import annotations

import click

from service.cli_support import CommandGroup, current_services
from service.db import migrate as migrations

db_cli = CommandGroup("db", help="Database migrations.")


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Apply all migrations."""
    migrations.upgrade(current_services().settings.database_url)
    click.echo("database is at the latest revision")
