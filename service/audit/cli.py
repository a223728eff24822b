"""`flask --app service audit purge`: the audit rows older than AUDIT_RETENTION_DAYS removed (the hourly purge)."""

from __future__ import annotations

import json

import click

from service.audit.activity import AuditActivity
from service.cli_support import CommandGroup, current_services

audit_cli = CommandGroup("audit", help="The audit trail: purge what is past its retention.")


def purge_audit_events() -> int:
    """Delete the audit rows older than AUDIT_RETENTION_DAYS, in batches; how many went (`links purge` runs it too)."""
    svc = current_services()
    return AuditActivity(svc.stores.audit, svc.clock).purge(svc.settings.audit_retention_days)


@audit_cli.command("purge")
def audit_purge() -> None:
    """For cron (hourly, with `links purge`, which runs this too): audit rows past AUDIT_RETENTION_DAYS go."""
    click.echo(json.dumps({"auditEventsPurged": purge_audit_events()}))
