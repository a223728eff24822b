"""`flask --app service dev`: development helpers (never for production).

service/cli.py lists the group by its name and help, and imports this module only when a `dev` command is looked
up (`flask dev seed`, `flask dev --help`): the production app never loads development code.
"""

from __future__ import annotations

import json

import click
from flask import current_app

from service.cli_support import CommandGroup, current_services, friendly
from service.dev import seed as devseed

# Its help is where it is listed (service/cli.py), which shows it without importing this module.
dev_cli = CommandGroup("dev")


@dev_cli.command("seed")
@click.option("--sandbox-url", envvar="SANDBOX_URL", default=None, help="Base URL of the sandbox RP.")
@friendly
def dev_seed(sandbox_url: str | None) -> None:
    """Create (or find) the dev tenant, keyset, profiles and keys; print and save the credentials."""
    result = devseed.seed(current_services(), current_app.instance_path, sandbox_url)
    click.echo(json.dumps(result, indent=2))
