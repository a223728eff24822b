"""`flask --app service webhooks`: a tenant's endpoints and their deliveries, and the dispatcher process."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading

import click

from service.cli_support import CommandGroup, current_services, echo_rows, friendly
from service.logs import configure_logging
from service.webhooks.events import EVENT_TYPES
from service.wiring import dispatcher

log = logging.getLogger(__name__)

webhooks_cli = CommandGroup("webhooks", help="Signed webhooks: endpoints, deliveries, and the dispatcher process.")


@webhooks_cli.command("create")
@click.option("--tenant", "tenant_name", required=True)
@click.option("--url", required=True, help="https:// (http:// only to loopback outside production).")
@click.option("--event", "events", multiple=True, type=click.Choice(EVENT_TYPES), help="Repeatable; default: all.")
@click.option("--description", default="")
@friendly
def webhooks_create(tenant_name: str, url: str, events: tuple[str, ...], description: str) -> None:
    """Register an endpoint; its signing secret is printed once."""
    svc = current_services()
    created = svc.webhooks.create(
        svc.stores.tenants.tenant_by_name(tenant_name).id, url, list(events) or None, description
    )
    click.echo(json.dumps(created))
    click.echo("Store the secret now: it cannot be shown again (rotate-secret makes a new one).", err=True)


@webhooks_cli.command("list")
@click.option("--tenant", "tenant_name")
@friendly
def webhooks_list(tenant_name: str | None) -> None:
    svc = current_services()
    echo_rows(svc.webhooks.listing(svc.stores.tenants.tenant_by_name(tenant_name).id if tenant_name else None))


@webhooks_cli.command("show")
@click.argument("webhook_id")
@friendly
def webhooks_show(webhook_id: str) -> None:
    click.echo(json.dumps(current_services().webhooks.show(None, webhook_id)))


@webhooks_cli.command("delete")
@click.argument("webhook_id")
@friendly
def webhooks_delete(webhook_id: str) -> None:
    """Delete an endpoint and its deliveries (its tenant's events stay listed)."""
    current_services().webhooks.delete(None, webhook_id)
    click.echo(json.dumps({"id": webhook_id, "deleted": True}))


@webhooks_cli.command("rotate-secret")
@click.argument("webhook_id")
@friendly
def webhooks_rotate_secret(webhook_id: str) -> None:
    """A new signing secret (printed once); the old one signs alongside for WEBHOOK_SECRET_OVERLAP_SECONDS."""
    click.echo(json.dumps(current_services().webhooks.rotate_secret(None, webhook_id)))


@webhooks_cli.command("deliveries")
@click.argument("webhook_id")
@click.option("--limit", type=click.IntRange(1, 200), default=50, show_default=True)
@friendly
def webhooks_deliveries(webhook_id: str, limit: int) -> None:
    """An endpoint's deliveries, newest first: event type, state, attempts, last status, next attempt."""
    echo_rows(current_services().webhooks.deliveries(None, webhook_id, limit))


@webhooks_cli.command("redeliver")
@click.argument("webhook_id")
@click.argument("delivery_id")
@friendly
def webhooks_redeliver(webhook_id: str, delivery_id: str) -> None:
    """Send a delivery's event again (a new delivery, the same webhook-id)."""
    click.echo(json.dumps(current_services().webhooks.redeliver(None, webhook_id, delivery_id)))


@webhooks_cli.command("dispatch")
@click.option("--once", is_flag=True, help="One round (sweep, then the deliveries due now), then exit.")
@click.option("--metrics-port", type=int, envvar="WEBHOOK_METRICS_PORT", help="Serve this process's /metrics here.")
@click.option("--metrics-host", envvar="WEBHOOK_METRICS_HOST", default="127.0.0.1", show_default=True)
def webhooks_dispatch(once: bool, metrics_port: int | None, metrics_host: str) -> None:
    """The dispatcher process (Procfile `webhooks`): delivers due events until SIGTERM or Ctrl-C."""
    worker = dispatcher(current_services())
    if once:
        click.echo(json.dumps({"attempted": worker.run_once()}))
        return
    # A process the platform runs, like `web`: its logs go to stdout, not to the CLI's stderr.
    configure_logging(current_services().settings.log_level, sys.stdout)
    if metrics_port:
        from prometheus_client import start_http_server

        start_http_server(metrics_port, addr=metrics_host)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    log.info("webhook dispatcher started", extra={"metricsPort": metrics_port})
    worker.run(stop)
    log.info("webhook dispatcher stopped")
