"""Queries of the tenants table."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from service.db.database import Database
from service.errors import Conflict, NotFound
from service.tenants.models import Tenant


class TenantStore:
    """Partner accounts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def create_tenant(self, name: str, display_name: str | None = None) -> Tenant:
        try:
            with self._db.session() as session:
                tenant = Tenant(name=name, display_name=display_name)
                session.add(tenant)
                session.flush()
                return tenant
        except IntegrityError:
            raise Conflict(f"A tenant named {name!r} already exists.") from None

    def set_tenant_display_name(self, name: str, display_name: str) -> Tenant:
        with self._db.session() as session:
            tenant = session.scalar(select(Tenant).where(Tenant.name == name))
            if tenant is None:
                raise NotFound(f"No tenant named {name!r}.")
            tenant.display_name = display_name
        # Profiles carry their tenant: cached copies must not keep showing the old name.
        self._db.cache.forget()
        return tenant

    def tenant_by_name(self, name: str) -> Tenant:
        with self._db.session() as session:
            tenant = session.scalar(select(Tenant).where(Tenant.name == name))
            if tenant is None:
                raise NotFound(f"No tenant named {name!r}.")
            return tenant

    def tenant_by_id(self, tenant_id: int) -> Tenant | None:
        with self._db.session() as session:
            return session.get(Tenant, tenant_id)

    def find_tenant(self, name: str) -> Tenant | None:
        with self._db.session() as session:
            return session.scalar(select(Tenant).where(Tenant.name == name))

    def list_tenants(self) -> list[Tenant]:
        with self._db.session() as session:
            return list(session.scalars(select(Tenant).order_by(Tenant.id)))
