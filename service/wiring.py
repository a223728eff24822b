"""The broker's services, built once per app by the factory and found again through `services(app)`."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask

from service.apikeys.attempts import FailedAttempts
from service.apikeys.rate_limits import RateLimiter
from service.apikeys.store import ApiKeyStore
from service.audit.spool import AuditSpool
from service.audit.store import AuditStore
from service.audit.writer import Auditor, AuditWriter
from service.config import Settings
from service.console.idp import IdentityProviders
from service.console.idp_store import IdentityProviderStore
from service.console.oidc import OidcSignIns
from service.console.sessions import ConsoleSessions
from service.console.sign_in import Mailing, SignIns
from service.console.store import ConsoleStore
from service.console.users import ConsoleUsers
from service.db.database import Database, make_engine
from service.email.sender import Mailer
from service.keys.jwks import JwksPublisher
from service.keys.material import SecretReader
from service.keys.secrets_manager import FreshnessHook, make_cache
from service.keys.source import KeySource
from service.keys.store import KeysetStore
from service.links.csrf import LaunchForms
from service.links.expiry import LinkExpiry
from service.links.launch_links import LaunchLinks
from service.links.mail import LinkPost
from service.links.renewal import RenewalLimits, Renewals
from service.links.store import LinkStore
from service.profiles.store import ProfileStore
from service.tenants.store import TenantStore
from service.testmode.inbox import TestInbox
from service.testmode.store import TestMailStore
from service.tokens.delivery import Deliverer
from service.tokens.idempotency import Idempotency
from service.tokens.minting import Minter
from service.tokens.store import IdempotencyStore
from service.webhooks.endpoints import WebhookEndpoints
from service.webhooks.events import Outbox
from service.webhooks.store import WebhookStore
from service.webhooks.sweeper import Sweeper
from service.webhooks.targets import UrlPolicy

if TYPE_CHECKING:
    from service.webhooks.dispatcher import Dispatcher

EXTENSION_KEY = "sso_token_broker"


@dataclasses.dataclass(frozen=True)
class Stores:
    """Each feature's queries over the one database (DESIGN §15): built here, handed to the services that need them."""

    tenants: TenantStore
    api_keys: ApiKeyStore
    keysets: KeysetStore
    profiles: ProfileStore
    links: LinkStore
    webhooks: WebhookStore
    idempotency: IdempotencyStore
    test_mails: TestMailStore
    audit: AuditStore
    console: ConsoleStore
    identity_providers: IdentityProviderStore

    @classmethod
    def over(cls, db: Database) -> Stores:
        return cls(
            tenants=TenantStore(db),
            api_keys=ApiKeyStore(db),
            keysets=KeysetStore(db),
            profiles=ProfileStore(db),
            links=LinkStore(db),
            webhooks=WebhookStore(db),
            idempotency=IdempotencyStore(db),
            test_mails=TestMailStore(db),
            audit=AuditStore(db),
            console=ConsoleStore(db),
            identity_providers=IdentityProviderStore(db),
        )


@dataclasses.dataclass(frozen=True)
class Console:
    """The partner console's services: its users, their sign-in by emailed link or identity provider, sessions."""

    users: ConsoleUsers
    sign_ins: SignIns
    sessions: ConsoleSessions
    identity_providers: IdentityProviders
    oidc: OidcSignIns


@dataclasses.dataclass
class Services:
    settings: Settings
    db: Database
    stores: Stores
    secrets_client: Any
    key_source: KeySource
    publisher: JwksPublisher
    links: LaunchLinks
    minter: Minter
    idempotency: Idempotency
    auditor: Auditor
    rate_limiter: RateLimiter
    failed_attempts: FailedAttempts
    launch_forms: LaunchForms
    renewals: Renewals
    test_inbox: TestInbox
    outbox: Outbox
    webhooks: WebhookEndpoints
    url_policy: UrlPolicy
    console: Console
    clock: Callable[[], float]


TEST_SENDER = "SSO broker test inbox <test-inbox@broker.invalid>"


def build_services(
    settings: Settings,
    *,
    secrets_client: Any,
    secret_reader: SecretReader | None = None,
    clock: Callable[[], float] = time.time,
) -> Services:
    """All services of one app. Without `secret_reader`, keys are read through the AWS secrets cache."""
    db = Database(make_engine(settings.database_url), settings.lookup_cache_seconds)
    stores = Stores.over(db)
    confirmed_at = None
    if secret_reader is None:
        hook = FreshnessHook(clock)
        secret_reader, confirmed_at = make_cache(secrets_client, settings, hook), hook.described_at
    key_source = KeySource(
        secret_reader,
        clock=clock,
        refresh_seconds=settings.secret_refresh_seconds,
        max_staleness_seconds=settings.key_max_staleness_seconds,
        confirmed_at=confirmed_at,
    )
    publisher = JwksPublisher(stores.keysets, key_source)
    spool = AuditSpool(Path(settings.audit_spool_dir), settings.audit_spool_max_bytes)
    auditor = Auditor(AuditWriter(stores.audit, spool=spool), settings.subject_hash_key)
    outbox = Outbox(stores.webhooks, clock)
    links = LaunchLinks(stores.links, settings.public_base_url, clock, outbox, settings.subject_hash_key)
    url_policy = UrlPolicy(settings.is_production)
    mailer = Mailer(settings.smtp) if settings.smtp else None
    # Test keys' mails are composed as they would go out, with this sender, and kept instead of sent.
    test_inbox = TestInbox(
        stores.test_mails, settings.server_secret, settings.smtp.sender if settings.smtp else TEST_SENDER, clock
    )
    post = LinkPost(links, mailer, test_inbox)
    minter = Minter(stores.profiles, key_source, publisher, auditor, links, Deliverer(), post, settings, clock)
    rate_limiter = RateLimiter(settings.redis_url)
    idempotency = Idempotency(stores.idempotency, settings.server_secret, clock, settings.idempotency_lease_seconds)
    return Services(
        settings=settings,
        db=db,
        stores=stores,
        secrets_client=secrets_client,
        key_source=key_source,
        publisher=publisher,
        links=links,
        minter=minter,
        idempotency=idempotency,
        auditor=auditor,
        rate_limiter=rate_limiter,
        failed_attempts=FailedAttempts(rate_limiter, settings.auth_failure_limit),
        launch_forms=LaunchForms(settings.server_secret, secure=settings.public_base_url.startswith("https://")),
        renewals=Renewals(
            stores.profiles,
            links,
            post,
            auditor,
            rate_limiter,
            RenewalLimits(per_link=settings.renewal_link_limit, per_address=settings.renewal_limit),
            clock,
        ),
        test_inbox=test_inbox,
        outbox=outbox,
        webhooks=WebhookEndpoints(stores.webhooks, url_policy, settings.webhooks, settings.server_secret, clock),
        url_policy=url_policy,
        console=_console(settings, stores, mailer, rate_limiter, auditor, clock, secrets_client, url_policy.check),
        clock=clock,
    )


def _console(
    settings: Settings,
    stores: Stores,
    mailer: Mailer | None,
    limiter: RateLimiter,
    auditor: Auditor,
    clock: Callable[[], float],
    secrets_client: Any,
    check_url: Callable[[str], None],
) -> Console:
    users = ConsoleUsers(stores.console, settings.server_secret)
    sender = settings.smtp.sender if settings.smtp else TEST_SENDER
    mailing = Mailing(mailer, sender, settings.public_base_url)
    providers = IdentityProviders(stores.identity_providers, settings.public_base_url, secrets_client, clock)
    return Console(
        users=users,
        sign_ins=SignIns(stores.console, users, stores.tenants, mailing, limiter, auditor, settings.console, clock),
        sessions=ConsoleSessions(stores.console, users, settings.console, clock),
        identity_providers=providers,
        oidc=OidcSignIns(providers, users, auditor, check_url),
    )


def sweeper(svc: Services) -> Sweeper:
    """What announces expired links and new signing keys (the dispatcher's loop, and `keysets promote`)."""
    stores = svc.stores
    expiry = LinkExpiry(stores.links, stores.webhooks, svc.outbox, svc.clock)
    return Sweeper(svc.db, stores.keysets, stores.profiles, svc.outbox, svc.key_source, expiry.announce)


def dispatcher(svc: Services) -> Dispatcher:
    """The webhook dispatcher of this app's settings (`flask --app service webhooks dispatch`).

    Imported here: its HTTP client (requests) is the dispatcher process's, not the web workers' (a few MB each).
    """
    from service.webhooks.dispatcher import Dispatcher

    settings = svc.settings
    return Dispatcher(
        svc.stores.webhooks,
        settings.webhooks,
        settings.server_secret,
        svc.url_policy,
        svc.outbox,
        sweeper(svc),
        svc.clock,
    )


def services(app: Flask) -> Services:
    return app.extensions[EXTENSION_KEY]  # type: ignore[no-any-return]
