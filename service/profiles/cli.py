"""`flask --app service profiles`: link targets (relying party, delivery mode, iss/aud, keyset) and what people see."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from service.cli_support import CommandGroup, current_services, echo_rows, friendly
from service.keys.lifetimes import MAX_TOKEN_TTL_SECONDS
from service.locales import LOCALES
from service.profiles.kinds import DELIVERY_MODES, KINDS
from service.profiles.models import Profile
from service.profiles.setup import create_profile, update_profile

profiles_cli = CommandGroup("profiles", help="Link targets: relying party, delivery mode, iss/aud, keyset.")


def _people_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options of what people see on a profile's pages and mails (create and update)."""
    options = [
        click.option("--display-name", help='The product as people know it ("ExorLive Go"); default: --name.'),
        click.option(
            "--refresh-url", help="Where expired or used pages of links not emailed offer a new link (https)."
        ),
        click.option(
            "--link-renewals",
            type=click.IntRange(0, 10),
            help="How often a member may have an expired emailed link mailed again (default 1; 0 disables).",
        ),
        click.option("--locale", type=click.Choice(LOCALES), help="Default locale of pages and mails."),
        click.option("--time-zone", help="IANA zone of times on pages and mails (default: Europe/Oslo for ExorLive)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@profiles_cli.command("create")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--name", required=True)
@click.option("--kind", type=click.Choice(KINDS), required=True)
@click.option("--mode", "delivery_mode", type=click.Choice(DELIVERY_MODES), required=True)
@click.option("--iss", "issuer", required=True, help="The `iss` agreed with the relying party.")
@click.option("--aud", "audience", required=True, help="The `aud` agreed with the relying party.")
@click.option("--rp-url", required=True, help="The RP endpoint for the mode (exchange, form or landing URL).")
@click.option("--rp-domain", help="Sent as `domain=` in query mode, as Ayrshare-style RPs expect.")
@click.option("--keyset", "keyset_name", help="Keyset name; default: the default keyset.")
@click.option("--allow-origin", "origins", multiple=True, help="An allowed redirect origin (repeatable).")
@click.option("--max-ttl", type=click.IntRange(1, MAX_TOKEN_TTL_SECONDS), default=MAX_TOKEN_TTL_SECONDS)
@click.option("--check-ssn", is_flag=True, help="Refuse contact.ssn that is not a valid Norwegian national id.")
@click.option("--link-uses", type=click.IntRange(1, 100), default=1, show_default=True, help="Uses per launch link.")
@click.option("--test", is_flag=True, help="A test profile (a sandbox RP): only test API keys mint for it.")
@_people_options
@friendly
def profiles_create(tenant_name: str, keyset_name: str | None, origins: tuple[str, ...], **fields: Any) -> None:
    """Create a profile and print its profile key."""
    profile = create_profile(current_services(), tenant_name, keyset_name, list(origins), **fields)
    click.echo(json.dumps({"name": profile.name, "profileKey": profile.profile_key}))


@profiles_cli.command("update")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--name", required=True)
@_people_options
@friendly
def profiles_update(tenant_name: str, name: str, **people: Any) -> None:
    """Change what pages and mails show of a profile (only the options given)."""
    profile = update_profile(current_services(), tenant_name, name, **people)
    click.echo(json.dumps(_profile_row(profile)))


@profiles_cli.command("list")
@click.option("--tenant", "tenant_name")
@friendly
def profiles_list(tenant_name: str | None) -> None:
    svc = current_services()
    tenant_id = svc.stores.tenants.tenant_by_name(tenant_name).id if tenant_name else None
    echo_rows([_profile_row(p) for p in svc.stores.profiles.list_profiles(tenant_id)])


def _profile_row(p: Profile) -> dict[str, Any]:
    return {
        "name": p.name,
        "tenant": p.tenant.name,
        "profileKey": p.profile_key,
        "kind": p.kind,
        "mode": p.delivery_mode,
        "iss": p.issuer,
        "aud": p.audience,
        "rpUrl": p.rp_url,
        "keyset": p.keyset.name,
        "maxTokenTtl": p.max_token_ttl,
        "allowedRedirectOrigins": p.allowed_redirect_origins,
        "linkUses": p.link_max_uses,
        "test": p.test,
        "displayName": p.display_name,
        "refreshUrl": p.refresh_url,
        "linkRenewals": p.link_renewals,
        "locale": p.locale,
        "timeZone": p.time_zone,
    }
