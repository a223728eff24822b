"""A console session made directly (no mail): for page tests that are not about signing in."""

from __future__ import annotations

from flask.testing import FlaskClient

from service.console.users import Role, User
from service.wiring import Services


def signed_in_as(client: FlaskClient, svc: Services, tenant_id: int, address: str, role: Role) -> User:
    """`client` holds a live console session of `address` (added to the tenant with `role` if new)."""
    user = svc.console.users.in_tenant(tenant_id, address) or svc.console.users.add(tenant_id, address, role)
    client.set_cookie("console", svc.console.sessions.start(user.id))
    return user
