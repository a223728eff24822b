"""`flask --app service links`: a tenant's launch links listed and revoked, and the purge cron runs."""

from __future__ import annotations

import datetime as dt
import json

import click

from service.audit.cli import purge_audit_events
from service.cli_support import CommandGroup, current_services, echo_rows, friendly
from service.links.launch_links import LinkFilter, LinkState
from service.webhooks.endpoints import EVENT_RETENTION_DAYS

links_cli = CommandGroup("links", help="Launch links: list, revoke, purge.")


@links_cli.command("list")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option("--state", type=click.Choice([s.value for s in LinkState if s is not LinkState.UNKNOWN]))
@click.option("--recipient", help="Only the links emailed to this address (matched by its keyed hash).")
@friendly
def links_list(tenant_name: str, limit: int, state: str | None, recipient: str | None) -> None:
    """A tenant's links, newest first: id, profile, dates, uses left, state, masked recipient, livemode."""
    svc = current_services()
    which = LinkFilter(state=LinkState(state) if state else None, recipient=recipient)
    echo_rows(svc.links.list(svc.stores.tenants.tenant_by_name(tenant_name).id, limit, which))


@links_cli.command("revoke")
@click.argument("link_id")
@friendly
def links_revoke(link_id: str) -> None:
    """Revoke a link by its id (as `links list` shows it)."""
    click.echo(json.dumps(current_services().links.revoke(None, link_id)))


@links_cli.command("purge")
def links_purge() -> None:
    """For cron: expired, used and revoked links lose their sealed payload; old idempotency records, webhook
    events and test mails go, the console's dead sign-in links and sessions, and audit rows older than
    AUDIT_RETENTION_DAYS."""
    svc = current_services()
    window = dt.timedelta(days=svc.settings.link_renewal_days)
    events_before = dt.datetime.now(dt.UTC) - dt.timedelta(days=EVENT_RETENTION_DAYS)
    purged = {
        "linksPurged": svc.links.purge(window),
        "idempotencyRecordsPurged": svc.idempotency.purge(),
        "webhookEventsPurged": svc.stores.webhooks.purge_webhook_events(events_before),
        "testMailsPurged": svc.test_inbox.purge(),
        "consoleSignInsPurged": svc.console.sign_ins.purge(),
        "consoleSessionsPurged": svc.console.sessions.purge(),
        "auditEventsPurged": purge_audit_events(),
    }
    click.echo(json.dumps(purged))
