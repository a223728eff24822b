"""`flask --app service apikeys`: API keys of tenants, created, listed, limited and revoked."""

from __future__ import annotations

import datetime as dt
import json

import click

from service.apikeys import credentials
from service.apikeys.issuing import checked_rate_limit, create_api_key
from service.cli_support import CommandGroup, current_services, echo_rows, friendly

apikeys_cli = CommandGroup("apikeys", help="API keys of tenants (shown once, stored hashed).")


@apikeys_cli.command("create")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--scope", "scopes", multiple=True, type=click.Choice(credentials.SCOPES))
@click.option("--label", default="")
@click.option("--rate-limit", help="e.g. 600/minute; default: the broker's RATE_LIMIT")
@click.option("--test", is_flag=True, help="A test key (tbk_test_…): test profiles only; mails go to the test inbox.")
@friendly
def apikeys_create(tenant_name: str, scopes: tuple[str, ...], label: str, rate_limit: str | None, test: bool) -> None:
    """Create an API key; it is printed once and stored only as a hash."""
    api_key = create_api_key(current_services(), tenant_name, list(scopes), label, rate_limit, test=test)
    click.echo(api_key)
    click.echo("Store this key now: it cannot be shown again.", err=True)


@apikeys_cli.command("revoke")
@click.argument("prefix")
@friendly
def apikeys_revoke(prefix: str) -> None:
    """Revoke an API key by its prefix (the first characters, as `apikeys list` shows)."""
    api_key = current_services().stores.api_keys.revoke_api_key(
        credentials.api_key_prefix(prefix), dt.datetime.now(dt.UTC)
    )
    click.echo(json.dumps({"prefix": api_key.prefix, "revokedAt": api_key.revoked_at}, default=str))


@apikeys_cli.command("set-rate-limit")
@click.argument("prefix")
@click.argument("rate_limit")
@friendly
def apikeys_set_rate_limit(prefix: str, rate_limit: str) -> None:
    """Set an API key's rate limit ("600/minute"; "default" for the broker's RATE_LIMIT)."""
    svc = current_services()
    api_key = svc.stores.api_keys.set_rate_limit(credentials.api_key_prefix(prefix), checked_rate_limit(rate_limit))
    effective = api_key.rate_limit or svc.settings.default_rate_limit
    click.echo(json.dumps({"prefix": api_key.prefix, "rateLimit": api_key.rate_limit, "effective": effective}))


@apikeys_cli.command("list")
@click.option("--tenant", "tenant_name")
@friendly
def apikeys_list(tenant_name: str | None) -> None:
    svc = current_services()
    tenant_id = svc.stores.tenants.tenant_by_name(tenant_name).id if tenant_name else None
    echo_rows(
        [
            {
                "prefix": k.prefix,
                "tenant": k.tenant.name,
                "label": k.label,
                "scopes": k.scopes,
                "rateLimit": k.rate_limit or svc.settings.default_rate_limit,
                "createdAt": k.created_at,
                "revokedAt": k.revoked_at,
            }
            for k in svc.stores.api_keys.list_api_keys(tenant_id)
        ]
    )
