"""Queries of the console's identity providers and the email domains that sign in through them."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service.console.models import ConsoleIdentityProvider, ConsoleIdentityProviderDomain
from service.db.database import Database, retried_once


@dataclasses.dataclass(frozen=True)
class ProviderRow:
    """A tenant's provider as stored, with its domains (sorted)."""

    tenant_id: int
    issuer: str
    client_id: str
    secret_env: str | None
    secret_id: str | None
    default_role: str
    domains: tuple[str, ...]
    updated_at: dt.datetime


class IdentityProviderStore:
    """Every query of console_identity_providers and console_identity_provider_domains."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, row: ProviderRow) -> None:
        """Set the tenant's provider and its domains (replacing any); IntegrityError if a domain is another's."""
        with self._db.session() as session:
            provider = session.scalars(
                select(ConsoleIdentityProvider).where(ConsoleIdentityProvider.tenant_id == row.tenant_id)
            ).first()
            if provider is None:
                provider = ConsoleIdentityProvider(tenant_id=row.tenant_id)
                session.add(provider)
            provider.issuer = row.issuer
            provider.client_id = row.client_id
            provider.secret_env = row.secret_env
            provider.secret_id = row.secret_id
            provider.default_role = row.default_role
            provider.updated_at = row.updated_at
            session.flush()
            session.execute(
                delete(ConsoleIdentityProviderDomain).where(ConsoleIdentityProviderDomain.provider_id == provider.id)
            )
            session.flush()
            session.add_all(ConsoleIdentityProviderDomain(domain=d, provider_id=provider.id) for d in row.domains)

    @retried_once
    def for_tenant(self, tenant_id: int) -> ProviderRow | None:
        with self._db.session() as session:
            provider = session.scalars(
                select(ConsoleIdentityProvider).where(ConsoleIdentityProvider.tenant_id == tenant_id)
            ).first()
            return _row(session, provider) if provider is not None else None

    @retried_once
    def for_domain(self, domain: str) -> ProviderRow | None:
        """The provider whose tenant holds this email domain (one at most: a domain is one tenant's)."""
        with self._db.session() as session:
            provider = session.scalars(
                select(ConsoleIdentityProvider)
                .join(
                    ConsoleIdentityProviderDomain,
                    ConsoleIdentityProviderDomain.provider_id == ConsoleIdentityProvider.id,
                )
                .where(ConsoleIdentityProviderDomain.domain == domain)
            ).first()
            return _row(session, provider) if provider is not None else None

    @retried_once
    def owners_of(self, domains: tuple[str, ...]) -> dict[str, int]:
        """Which tenant holds each of these domains (those held by none are left out)."""
        with self._db.session() as session:
            found = session.execute(
                select(ConsoleIdentityProviderDomain.domain, ConsoleIdentityProvider.tenant_id)
                .join(ConsoleIdentityProvider, ConsoleIdentityProvider.id == ConsoleIdentityProviderDomain.provider_id)
                .where(ConsoleIdentityProviderDomain.domain.in_(domains))
            )
            return {str(row[0]): int(row[1]) for row in found}

    def remove(self, tenant_id: int) -> bool:
        """Forget the tenant's provider (its domains with it); whether it had one."""
        with self._db.session() as session:
            provider = session.scalars(
                select(ConsoleIdentityProvider).where(ConsoleIdentityProvider.tenant_id == tenant_id)
            ).first()
            if provider is None:
                return False
            session.execute(
                delete(ConsoleIdentityProviderDomain).where(ConsoleIdentityProviderDomain.provider_id == provider.id)
            )
            session.delete(provider)
            return True


def _row(session: Session, provider: ConsoleIdentityProvider) -> ProviderRow:

    domains = session.scalars(
        select(ConsoleIdentityProviderDomain.domain)
        .where(ConsoleIdentityProviderDomain.provider_id == provider.id)
        .order_by(ConsoleIdentityProviderDomain.domain)
    )
    return ProviderRow(
        tenant_id=provider.tenant_id,
        issuer=provider.issuer,
        client_id=provider.client_id,
        secret_env=provider.secret_env,
        secret_id=provider.secret_id,
        default_role=provider.default_role,
        domains=tuple(domains),
        updated_at=provider.updated_at,
    )
