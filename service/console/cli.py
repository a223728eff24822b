"""`flask --app service console`: the partner console's users (the first owner of a tenant is added here)."""

from __future__ import annotations

import json

import click

from service.cli_support import CommandGroup, current_services, friendly
from service.console.users import Role, plausible_address
from service.errors import ValidationFailed

console_cli = CommandGroup("console", help="The partner console: its users.")
users_cli = CommandGroup("users", help="Console users: people of a tenant with a role.")
console_cli.add_command(users_cli)


@users_cli.command("add")
@click.option("--tenant", "tenant_name", required=True, help="The tenant's name (as `tenants list` shows it).")
@click.option("--email", required=True, help="The address the user signs in with (kept sealed, never in clear).")
@click.option("--role", type=click.Choice([role.value for role in Role]), required=True)
@friendly
def users_add(tenant_name: str, email: str, role: str) -> None:
    """Add a console user to a tenant; prints the user's id, tenant and role (never the address)."""
    if not plausible_address(email):
        raise ValidationFailed("--email is not an email address (name@example.org).")
    svc = current_services()
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    user = svc.console.users.add(tenant.id, email, Role(role))
    click.echo(json.dumps({"id": user.public_id, "tenant": tenant.name, "role": user.role.value}))
