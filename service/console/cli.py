"""`flask --app service console`: the partner console's users (the first owner of a tenant is added here)."""

from __future__ import annotations

import json

import click

from service.cli_support import CommandGroup, current_services, friendly
from service.console.users import Role, plausible_address
from service.errors import NotFound, ValidationFailed

console_cli = CommandGroup("console", help="The partner console: its users and identity providers.")
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


idp_cli = CommandGroup("idp", help="A tenant's identity provider (OpenID Connect) for console sign-in.")
console_cli.add_command(idp_cli)


@idp_cli.command("set")
@click.option("--tenant", "tenant_name", required=True, help="The tenant's name (as `tenants list` shows it).")
@click.option("--issuer", required=True, help="The provider's issuer URL (its /.well-known/openid-configuration).")
@click.option("--client-id", required=True, help="The client id the provider gave the broker.")
@click.option("--client-secret-env", default=None, help="The environment variable that holds the client secret.")
@click.option("--client-secret-id", default=None, help="Or: the Secrets Manager secret that holds it.")
@click.option("--allowed-domains", required=True, help="Email domains that sign in there, comma-separated.")
@click.option("--default-role", type=click.Choice([role.value for role in Role]), required=True)
@friendly
def idp_set(
    tenant_name: str,
    issuer: str,
    client_id: str,
    client_secret_env: str | None,
    client_secret_id: str | None,
    allowed_domains: str,
    default_role: str,
) -> None:
    """Set the tenant's identity provider; prints it and the redirectUri to register at the provider."""
    svc = current_services()
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    providers = svc.console.identity_providers
    provider = providers.set(
        tenant.id,
        issuer=issuer,
        client_id=client_id,
        secret_env=client_secret_env,
        secret_id=client_secret_id,
        domains=allowed_domains,
        default_role=Role(default_role),
    )
    click.echo(json.dumps({"tenant": tenant.name, **provider.describe(), "redirectUri": providers.redirect_uri}))


@idp_cli.command("show")
@click.option("--tenant", "tenant_name", required=True, help="The tenant's name (as `tenants list` shows it).")
@friendly
def idp_show(tenant_name: str) -> None:
    """The tenant's identity provider (never its secret, only where it is), or an error if it has none."""
    svc = current_services()
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    providers = svc.console.identity_providers
    provider = providers.of_tenant(tenant.id)
    if provider is None:
        raise NotFound(f"Tenant {tenant.name!r} has no identity provider (set one with `console idp set`).")
    click.echo(json.dumps({"tenant": tenant.name, **provider.describe(), "redirectUri": providers.redirect_uri}))


@idp_cli.command("remove")
@click.option("--tenant", "tenant_name", required=True, help="The tenant's name (as `tenants list` shows it).")
@friendly
def idp_remove(tenant_name: str) -> None:
    """Forget the tenant's identity provider: its people sign in by emailed link again."""
    svc = current_services()
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    removed = svc.console.identity_providers.remove(tenant.id)
    click.echo(json.dumps({"tenant": tenant.name, "removed": removed}))


@users_cli.command("list")
@click.option("--tenant", "tenant_name", required=True, help="The tenant's name (as `tenants list` shows it).")
@friendly
def users_list(tenant_name: str) -> None:
    """The tenant's console users: id, role, last sign-in (never the address: a terminal's scrollback is a log)."""
    svc = current_services()
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    for member in svc.console.users.members(tenant.id):
        last = member.last_sign_in_at.isoformat() if member.last_sign_in_at else None
        click.echo(json.dumps({"id": member.user.public_id, "role": member.user.role.value, "lastSignInAt": last}))


@users_cli.command("set-role")
@click.option("--tenant", "tenant_name", required=True, help="The tenant's name (as `tenants list` shows it).")
@click.argument("user_id")
@click.argument("role", type=click.Choice([role.value for role in Role]))
@friendly
def users_set_role(tenant_name: str, user_id: str, role: str) -> None:
    """Give a console user (by id, cu_…) a role; the tenant's last owner stays an owner."""
    svc = current_services()
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    user = svc.console.users.set_role(tenant.id, user_id, Role(role))
    click.echo(json.dumps({"id": user.public_id, "tenant": tenant.name, "role": user.role.value}))


@users_cli.command("remove")
@click.option("--tenant", "tenant_name", required=True, help="The tenant's name (as `tenants list` shows it).")
@click.argument("user_id")
@friendly
def users_remove(tenant_name: str, user_id: str) -> None:
    """Remove a console user (by id, cu_…), ending their sessions; never the tenant's last owner."""
    svc = current_services()
    tenant = svc.stores.tenants.tenant_by_name(tenant_name)
    user = svc.console.users.remove(tenant.id, user_id)
    click.echo(json.dumps({"id": user.public_id, "tenant": tenant.name, "removed": True}))
