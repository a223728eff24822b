"""Admin CLI: `flask --app service <group> <command>` for tenants, API keys, keysets, profiles, db, dev."""

from __future__ import annotations

import datetime as dt
import json
import logging
import signal
import threading
from collections.abc import Callable
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from service.apikeys import credentials
from service.apikeys.issuing import checked_rate_limit, create_api_key
from service.db import migrate as migrations
from service.errors import BrokerError, KeyMaterialError
from service.keys import rotation
from service.keys.jwks import keyset_ref
from service.keys.lifetimes import MAX_TOKEN_TTL_SECONDS
from service.keys.material import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_RSA_BITS
from service.keys.setup import check_secret, create_keyset
from service.keys.source import KeysetRef
from service.locales import LOCALES
from service.profiles.kinds import DELIVERY_MODES, KINDS
from service.profiles.models import Profile
from service.profiles.setup import create_profile, update_profile
from service.tenants.accounts import create_tenant, set_tenant_display_name
from service.webhooks.endpoints import EVENT_RETENTION_DAYS
from service.webhooks.events import EVENT_TYPES
from service.wiring import Services, dispatcher, services, sweeper

log = logging.getLogger(__name__)

db_cli = AppGroup("db", help="Database migrations.")
tenants_cli = AppGroup("tenants", help="Partner accounts.")
apikeys_cli = AppGroup("apikeys", help="API keys of tenants (shown once, stored hashed).")
keysets_cli = AppGroup("keysets", help="Signing keys held in AWS Secrets Manager.")
profiles_cli = AppGroup("profiles", help="Link targets: relying party, delivery mode, iss/aud, keyset.")
dev_cli = AppGroup("dev", help="Development helpers (never for production).")
links_cli = AppGroup("links", help="Launch links: list, revoke, purge.")
webhooks_cli = AppGroup("webhooks", help="Signed webhooks: endpoints, deliveries, and the dispatcher process.")


def _svc() -> Services:
    return services(current_app)


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Domain errors become a one-line CLI error instead of a traceback."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (BrokerError, KeyMaterialError) as error:
            errors = getattr(error, "errors", None)
            raise click.ClickException(f"{error} {json.dumps(errors)}" if errors else str(error)) from None

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def _echo_rows(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        click.echo(json.dumps(row, default=str))


# --- db ------------------------------------------------------------------------------------------
@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Apply all migrations."""
    migrations.upgrade(_svc().settings.database_url)
    click.echo("database is at the latest revision")


# --- tenants -------------------------------------------------------------------------------------
@tenants_cli.command("create")
@click.argument("name")
@click.option("--display-name", help='The name people see on pages and in mails ("Tatooine Physio").')
@_friendly
def tenants_create(name: str, display_name: str | None) -> None:
    """Create a tenant."""
    tenant = create_tenant(_svc(), name, display_name)
    click.echo(json.dumps({"id": tenant.id, "name": tenant.name, "displayName": tenant.display_name}))


@tenants_cli.command("update")
@click.argument("name")
@click.option("--display-name", required=True, help='The name people see on pages and in mails ("Tatooine Physio").')
@_friendly
def tenants_update(name: str, display_name: str) -> None:
    """Change a tenant's display name."""
    tenant = set_tenant_display_name(_svc(), name, display_name)
    click.echo(json.dumps({"id": tenant.id, "name": tenant.name, "displayName": tenant.display_name}))


@tenants_cli.command("list")
def tenants_list() -> None:
    tenants = _svc().stores.tenants.list_tenants()
    _echo_rows(
        [{"id": t.id, "name": t.name, "displayName": t.display_name, "createdAt": t.created_at} for t in tenants]
    )


# --- API keys ------------------------------------------------------------------------------------
@apikeys_cli.command("create")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--scope", "scopes", multiple=True, type=click.Choice(credentials.SCOPES))
@click.option("--label", default="")
@click.option("--rate-limit", help="e.g. 600/minute; default: the broker's RATE_LIMIT")
@click.option("--test", is_flag=True, help="A test key (tbk_test_…): test profiles only; mails go to the test inbox.")
@_friendly
def apikeys_create(tenant_name: str, scopes: tuple[str, ...], label: str, rate_limit: str | None, test: bool) -> None:
    """Create an API key; it is printed once and stored only as a hash."""
    api_key = create_api_key(_svc(), tenant_name, list(scopes), label, rate_limit, test=test)
    click.echo(api_key)
    click.echo("Store this key now: it cannot be shown again.", err=True)


@apikeys_cli.command("revoke")
@click.argument("prefix")
@_friendly
def apikeys_revoke(prefix: str) -> None:
    """Revoke an API key by its prefix (the first characters, as `apikeys list` shows)."""
    api_key = _svc().stores.api_keys.revoke_api_key(credentials.api_key_prefix(prefix), dt.datetime.now(dt.UTC))
    click.echo(json.dumps({"prefix": api_key.prefix, "revokedAt": api_key.revoked_at}, default=str))


@apikeys_cli.command("set-rate-limit")
@click.argument("prefix")
@click.argument("rate_limit")
@_friendly
def apikeys_set_rate_limit(prefix: str, rate_limit: str) -> None:
    """Set an API key's rate limit ("600/minute"; "default" for the broker's RATE_LIMIT)."""
    svc = _svc()
    api_key = svc.stores.api_keys.set_rate_limit(credentials.api_key_prefix(prefix), checked_rate_limit(rate_limit))
    effective = api_key.rate_limit or svc.settings.default_rate_limit
    click.echo(json.dumps({"prefix": api_key.prefix, "rateLimit": api_key.rate_limit, "effective": effective}))


@apikeys_cli.command("list")
@click.option("--tenant", "tenant_name")
@_friendly
def apikeys_list(tenant_name: str | None) -> None:
    svc = _svc()
    tenant_id = svc.stores.tenants.tenant_by_name(tenant_name).id if tenant_name else None
    _echo_rows(
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


# --- keysets -------------------------------------------------------------------------------------
@keysets_cli.command("create")
@click.argument("name")
@click.option("--alg", type=click.Choice(ALGORITHMS), default=DEFAULT_ALGORITHM, show_default=True)
@click.option("--rsa-bits", type=int, default=DEFAULT_RSA_BITS, show_default=True)
@click.option("--secret-name", help="Secrets Manager name; default sso-token-broker/keysets/NAME.")
@click.option("--default", "is_default", is_flag=True, help="Serve it at /.well-known/jwks.json.")
@_friendly
def keysets_create(name: str, alg: str, rsa_bits: int, secret_name: str | None, is_default: bool) -> None:
    """Generate a key and store it (base64 PEM) as a new Secrets Manager secret."""
    keyset, kid = create_keyset(_svc(), name, alg, rsa_bits, secret_name, is_default)
    click.echo(json.dumps({"name": keyset.name, "alg": keyset.alg, "secretId": keyset.secret_id, "kid": kid}))


@keysets_cli.command("import")
@click.argument("name")
@click.option("--secret-id", required=True, help="Name or ARN of an existing secret holding the private key.")
@click.option("--alg", type=click.Choice(ALGORITHMS), default=DEFAULT_ALGORITHM, show_default=True)
@click.option("--default", "is_default", is_flag=True)
@_friendly
def keysets_import(name: str, secret_id: str, alg: str, is_default: bool) -> None:
    """Register a keyset for an existing secret, after checking its key is usable for ALG."""
    kid = check_secret(_svc(), name, secret_id, alg)
    keyset = _svc().stores.keysets.add_keyset(name, secret_id, alg, is_default)
    click.echo(json.dumps({"name": keyset.name, "alg": keyset.alg, "secretId": keyset.secret_id, "kid": kid}))


@keysets_cli.command("list")
def keysets_list() -> None:
    svc = _svc()
    rows = []
    for keyset in svc.stores.keysets.list_keysets():
        try:
            kids = [key.kid for key in svc.key_source.published_keys(keyset_ref(keyset))]
        except BrokerError:
            kids = []
        rows.append(
            {
                "name": keyset.name,
                "alg": keyset.alg,
                "secretId": keyset.secret_id,
                "default": keyset.is_default,
                "publishedKids": kids,
            }
        )
    _echo_rows(rows)


def _now() -> float:
    """The app's clock (tests move it)."""
    return float(_svc().clock())


def _rotation_context(name: str) -> tuple[Services, KeysetRef, rotation.RotationWindows]:
    svc = _svc()
    return (
        svc,
        keyset_ref(svc.stores.keysets.keyset_by_name(name)),
        rotation.RotationWindows.from_settings(svc.settings),
    )


@keysets_cli.command("rotate")
@click.argument("name")
@_friendly
def keysets_rotate(name: str) -> None:
    """Add a new key as AWSPENDING: published in the JWKS at once, signing only after `keysets promote`."""
    svc, ref, windows = _rotation_context(name)
    kid = rotation.rotate(svc.secrets_client, ref, _now())
    wait = rotation.status(svc.secrets_client, ref, _now(), windows)["promote"]["allowedInSeconds"]
    click.echo(json.dumps({"name": name, "pendingKid": kid, "promoteAllowedInSeconds": wait}))
    click.echo(f"Key {kid} is published and pending; `keysets promote {name}` is allowed in {wait} s.", err=True)


@keysets_cli.command("promote")
@click.argument("name")
@click.option("--force", is_flag=True, help="Skip the publish and retire windows. Emergencies only.")
@_friendly
def keysets_promote(name: str, force: bool) -> None:
    """Make the pending key sign (AWSCURRENT); the current key becomes AWSPREVIOUS and stays published."""
    svc, ref, windows = _rotation_context(name)
    try:
        result = rotation.promote(svc.secrets_client, ref, _now(), windows=windows, force=force)
    except rotation.RotationNotReady as error:
        raise click.ClickException(f"{error.detail} Or use --force.") from None
    click.echo(
        json.dumps(
            {
                "name": name,
                "currentKid": result.current_kid,
                "previousKid": result.previous_kid,
                "unpublishedKid": result.unpublished_kid,
                "forcedEarlyBySeconds": result.early_seconds,
            }
        )
    )
    # The tenants signing with it hear of it now (the dispatcher's sweep would tell them within a round).
    sweeper(svc).announce_signing_key(svc.stores.keysets.keyset_by_name(name), result.current_kid, result.previous_kid)
    if result.early_seconds:
        click.secho(
            f"WARNING: --force promoted kid {result.current_kid} {result.early_seconds} s before the rotation windows "
            f"allowed it. Relying parties holding a JWKS cached before that key was published (up to "
            f"{windows.jwks_max_age_seconds} s) reject its tokens until their copy expires"
            + (
                f", and tokens signed by kid {result.unpublished_kid} (no longer published) may be rejected "
                "until they expire."
                if result.unpublished_kid
                else "."
            ),
            err=True,
            fg="red",
            bold=True,
        )


@keysets_cli.command("status")
@click.argument("name")
@_friendly
def keysets_status(name: str) -> None:
    """Each published stage's kid and age, the rotation windows, and when `keysets promote` is allowed."""
    svc, ref, windows = _rotation_context(name)
    click.echo(json.dumps(rotation.status(svc.secrets_client, ref, _now(), windows), indent=2))


# --- profiles ------------------------------------------------------------------------------------
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
@_friendly
def profiles_create(tenant_name: str, keyset_name: str | None, origins: tuple[str, ...], **fields: Any) -> None:
    """Create a profile and print its profile key."""
    profile = create_profile(_svc(), tenant_name, keyset_name, list(origins), **fields)
    click.echo(json.dumps({"name": profile.name, "profileKey": profile.profile_key}))


@profiles_cli.command("update")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--name", required=True)
@_people_options
@_friendly
def profiles_update(tenant_name: str, name: str, **people: Any) -> None:
    """Change what pages and mails show of a profile (only the options given)."""
    profile = update_profile(_svc(), tenant_name, name, **people)
    click.echo(json.dumps(_profile_row(profile)))


@profiles_cli.command("list")
@click.option("--tenant", "tenant_name")
@_friendly
def profiles_list(tenant_name: str | None) -> None:
    svc = _svc()
    tenant_id = svc.stores.tenants.tenant_by_name(tenant_name).id if tenant_name else None
    _echo_rows([_profile_row(p) for p in svc.stores.profiles.list_profiles(tenant_id)])


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


# --- links ---------------------------------------------------------------------------------------
@links_cli.command("list")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@_friendly
def links_list(tenant_name: str, limit: int) -> None:
    """A tenant's links, newest first: id, profile, dates, uses left, state, masked recipient."""
    svc = _svc()
    _echo_rows(svc.links.list(svc.stores.tenants.tenant_by_name(tenant_name).id, limit))


@links_cli.command("revoke")
@click.argument("link_id")
@_friendly
def links_revoke(link_id: str) -> None:
    """Revoke a link by its id (as `links list` shows it)."""
    click.echo(json.dumps(_svc().links.revoke(None, link_id)))


@links_cli.command("purge")
def links_purge() -> None:
    """For cron: expired, used and revoked links lose their sealed payload; old idempotency records go."""
    svc = _svc()
    window = dt.timedelta(days=svc.settings.link_renewal_days)
    events_before = dt.datetime.now(dt.UTC) - dt.timedelta(days=EVENT_RETENTION_DAYS)
    purged = {
        "linksPurged": svc.links.purge(window),
        "idempotencyRecordsPurged": svc.idempotency.purge(),
        "webhookEventsPurged": svc.stores.webhooks.purge_webhook_events(events_before),
        "testMailsPurged": svc.test_inbox.purge(),
    }
    click.echo(json.dumps(purged))


# --- webhooks ------------------------------------------------------------------------------------
@webhooks_cli.command("create")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--url", required=True, help="https:// (http:// only to loopback outside production).")
@click.option("--event", "events", multiple=True, type=click.Choice(EVENT_TYPES), help="Repeatable; default: all.")
@click.option("--description", default="")
@_friendly
def webhooks_create(tenant_name: str, url: str, events: tuple[str, ...], description: str) -> None:
    """Register an endpoint; its signing secret is printed once."""
    svc = _svc()
    created = svc.webhooks.create(
        svc.stores.tenants.tenant_by_name(tenant_name).id, url, list(events) or None, description
    )
    click.echo(json.dumps(created))
    click.echo("Store the secret now: it cannot be shown again (rotate-secret makes a new one).", err=True)


@webhooks_cli.command("list")
@click.option("--tenant", "tenant_name")
@_friendly
def webhooks_list(tenant_name: str | None) -> None:
    svc = _svc()
    _echo_rows(svc.webhooks.listing(svc.stores.tenants.tenant_by_name(tenant_name).id if tenant_name else None))


@webhooks_cli.command("show")
@click.argument("webhook_id")
@_friendly
def webhooks_show(webhook_id: str) -> None:
    click.echo(json.dumps(_svc().webhooks.show(None, webhook_id)))


@webhooks_cli.command("delete")
@click.argument("webhook_id")
@_friendly
def webhooks_delete(webhook_id: str) -> None:
    """Delete an endpoint and its deliveries (its tenant's events stay listed)."""
    _svc().webhooks.delete(None, webhook_id)
    click.echo(json.dumps({"id": webhook_id, "deleted": True}))


@webhooks_cli.command("rotate-secret")
@click.argument("webhook_id")
@_friendly
def webhooks_rotate_secret(webhook_id: str) -> None:
    """A new signing secret (printed once); the old one signs alongside for WEBHOOK_SECRET_OVERLAP_SECONDS."""
    click.echo(json.dumps(_svc().webhooks.rotate_secret(None, webhook_id)))


@webhooks_cli.command("deliveries")
@click.argument("webhook_id")
@click.option("--limit", type=click.IntRange(1, 200), default=50, show_default=True)
@_friendly
def webhooks_deliveries(webhook_id: str, limit: int) -> None:
    """An endpoint's deliveries, newest first: event type, state, attempts, last status, next attempt."""
    _echo_rows(_svc().webhooks.deliveries(None, webhook_id, limit))


@webhooks_cli.command("redeliver")
@click.argument("webhook_id")
@click.argument("delivery_id")
@_friendly
def webhooks_redeliver(webhook_id: str, delivery_id: str) -> None:
    """Send a delivery's event again (a new delivery, the same webhook-id)."""
    click.echo(json.dumps(_svc().webhooks.redeliver(None, webhook_id, delivery_id)))


@webhooks_cli.command("dispatch")
@click.option("--once", is_flag=True, help="One round (sweep, then the deliveries due now), then exit.")
@click.option("--metrics-port", type=int, envvar="WEBHOOK_METRICS_PORT", help="Serve this process's /metrics here.")
@click.option("--metrics-host", envvar="WEBHOOK_METRICS_HOST", default="127.0.0.1", show_default=True)
def webhooks_dispatch(once: bool, metrics_port: int | None, metrics_host: str) -> None:
    """The dispatcher process (Procfile `webhooks`): delivers due events until SIGTERM or Ctrl-C."""
    worker = dispatcher(_svc())
    if once:
        click.echo(json.dumps({"attempted": worker.run_once()}))
        return
    if metrics_port:
        from prometheus_client import start_http_server

        start_http_server(metrics_port, addr=metrics_host)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    log.info("webhook dispatcher started", extra={"metricsPort": metrics_port})
    worker.run(stop)
    log.info("webhook dispatcher stopped")


# --- dev -----------------------------------------------------------------------------------------
@dev_cli.command("seed")
@click.option("--sandbox-url", envvar="SANDBOX_URL", default=None, help="Base URL of the sandbox RP.")
@_friendly
def dev_seed(sandbox_url: str | None) -> None:
    """Create (or find) the dev tenant, keyset, profiles and keys; print and save the credentials."""
    # Imported when the command runs: the production app never loads development code.
    from service.dev import seed as devseed

    result = devseed.seed(_svc(), current_app.instance_path, sandbox_url)
    click.echo(json.dumps(result, indent=2))


def register(app: Flask) -> None:
    for group in (db_cli, tenants_cli, apikeys_cli, keysets_cli, profiles_cli, links_cli, webhooks_cli, dev_cli):
        app.cli.add_command(group)
