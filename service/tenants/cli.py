"""`flask --app service tenants`: partner accounts."""

from __future__ import annotations

import json

import click

from service.cli_support import CommandGroup, current_services, echo_rows, friendly
from service.tenants.accounts import create_tenant, set_tenant_display_name

tenants_cli = CommandGroup("tenants", help="Partner accounts.")


@tenants_cli.command("create")
@click.argument("name")
@click.option("--display-name", help='The name people see on pages and in mails ("Tatooine Physio").')
@friendly
def tenants_create(name: str, display_name: str | None) -> None:
    """Create a tenant."""
    tenant = create_tenant(current_services(), name, display_name)
    click.echo(json.dumps({"id": tenant.id, "name": tenant.name, "displayName": tenant.display_name}))


@tenants_cli.command("update")
@click.argument("name")
@click.option("--display-name", required=True, help='The name people see on pages and in mails ("Tatooine Physio").')
@friendly
def tenants_update(name: str, display_name: str) -> None:
    """Change a tenant's display name."""
    tenant = set_tenant_display_name(current_services(), name, display_name)
    click.echo(json.dumps({"id": tenant.id, "name": tenant.name, "displayName": tenant.display_name}))


@tenants_cli.command("list")
def tenants_list() -> None:
    tenants = current_services().stores.tenants.list_tenants()
    echo_rows([{"id": t.id, "name": t.name, "displayName": t.display_name, "createdAt": t.created_at} for t in tenants])
