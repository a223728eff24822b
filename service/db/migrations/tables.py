"""Every feature's tables in one import list, so Alembic's autogenerate (and the migration check) sees them all."""

from __future__ import annotations

from service.apikeys.models import ApiKey
from service.audit.models import AuditEvent
from service.console.models import (
    ConsoleIdentityProvider,
    ConsoleIdentityProviderDomain,
    ConsoleSession,
    ConsoleSignIn,
    ConsoleUser,
)
from service.db.base import Base
from service.keys.models import Keyset
from service.links.models import LaunchLink, LinkEvent
from service.profiles.models import Profile
from service.tenants.models import Tenant
from service.testmode.models import TestMail
from service.tokens.models import IdempotencyRecord
from service.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

metadata = Base.metadata

__all__ = [
    "ApiKey",
    "AuditEvent",
    "ConsoleIdentityProvider",
    "ConsoleIdentityProviderDomain",
    "ConsoleSession",
    "ConsoleSignIn",
    "ConsoleUser",
    "IdempotencyRecord",
    "Keyset",
    "LaunchLink",
    "LinkEvent",
    "Profile",
    "Tenant",
    "TestMail",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
    "metadata",
]
