"""The `flask --app service` commands: each feature defines its group in its own `cli.py`; this lists them."""

from __future__ import annotations

import importlib

import click
from flask import Flask

from service.apikeys.cli import apikeys_cli
from service.audit.cli import audit_cli
from service.cli_support import CommandGroup
from service.console.cli import console_cli
from service.db.cli import db_cli
from service.keys.cli import keysets_cli
from service.links.cli import links_cli
from service.profiles.cli import profiles_cli
from service.tenants.cli import tenants_cli
from service.webhooks.cli import webhooks_cli


class DeferredGroup(CommandGroup):
    """A group listed by its name and help, whose module is imported only when one of its commands is looked up."""

    def __init__(self, name: str, target: str, help_text: str) -> None:
        super().__init__(name, help=help_text)
        self.target = target  # "package.module:group"

    def _group(self) -> click.Group:
        module, attribute = self.target.split(":")
        group = getattr(importlib.import_module(module), attribute)
        assert isinstance(group, click.Group)
        return group

    def list_commands(self, ctx: click.Context) -> list[str]:
        return self._group().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._group().get_command(ctx, cmd_name)


# The production app never loads development code: `dev` is named here and imported only when it runs.
dev_cli = DeferredGroup("dev", "service.dev.cli:dev_cli", "Development helpers (never for production).")


def register(app: Flask) -> None:
    for group in (
        db_cli,
        tenants_cli,
        console_cli,
        apikeys_cli,
        keysets_cli,
        profiles_cli,
        links_cli,
        audit_cli,
        webhooks_cli,
        dev_cli,
    ):
        app.cli.add_command(group)
