"""Console actions in the audit trail: each row names the console user by id (never by address) and the tenant."""

from __future__ import annotations

from service.audit.writer import AuditContext, Auditor
from service.console.users import User


def record(auditor: Auditor, action: str, outcome: str, user: User, request_id: str, **detail: str) -> None:
    """An audit row of a console user's action (`console.<what>`), with ids only in its detail."""
    context = AuditContext(request_id=request_id, tenant_id=user.tenant_id, api_key_prefix=None)
    auditor.record(action, outcome, context, detail={"consoleUser": user.public_id, **detail})
