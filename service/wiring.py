"""The broker's services, built once per app by the factory and found again through `services(app)`."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask

from service.apikeys.attempts import FailedAttempts
from service.apikeys.rate_limits import RateLimiter
from service.audit import Auditor, AuditWriter
from service.audit_spool import AuditSpool
from service.config import Settings
from service.db.store import Store, make_engine
from service.email.sender import Mailer
from service.keys.jwks import JwksPublisher
from service.keys.material import SecretReader
from service.keys.secrets_manager import FreshnessHook, make_cache
from service.keys.source import KeySource
from service.links.csrf import LaunchForms
from service.links.launch_links import LaunchLinks
from service.links.mail import LinkPost
from service.links.renewal import RenewalLimits, Renewals
from service.testmode.inbox import TestInbox
from service.tokens.delivery import Deliverer
from service.tokens.idempotency import Idempotency
from service.tokens.minting import Minter
from service.webhooks.dispatcher import Dispatcher
from service.webhooks.endpoints import WebhookEndpoints
from service.webhooks.events import Outbox
from service.webhooks.sweeper import Sweeper
from service.webhooks.targets import UrlPolicy

EXTENSION_KEY = "sso_token_broker"


@dataclasses.dataclass
class Services:
    settings: Settings
    store: Store
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
    store = Store(make_engine(settings.database_url), settings.lookup_cache_seconds)
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
    publisher = JwksPublisher(store, key_source)
    spool = AuditSpool(Path(settings.audit_spool_dir), settings.audit_spool_max_bytes)
    auditor = Auditor(AuditWriter(store, spool=spool), settings.subject_hash_key)
    outbox = Outbox(store, clock)
    links = LaunchLinks(store, settings.public_base_url, clock, outbox)
    url_policy = UrlPolicy(settings.is_production)
    mailer = Mailer(settings.smtp) if settings.smtp else None
    # Test keys' mails are composed as they would go out, with this sender, and kept instead of sent.
    test_inbox = TestInbox(store, settings.server_secret, settings.smtp.sender if settings.smtp else TEST_SENDER, clock)
    post = LinkPost(links, mailer, test_inbox)
    minter = Minter(store, key_source, publisher, auditor, links, Deliverer(), post, settings, clock)
    rate_limiter = RateLimiter(settings.redis_url)
    idempotency = Idempotency(store, settings.server_secret, clock, settings.idempotency_lease_seconds)
    return Services(
        settings=settings,
        store=store,
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
            store,
            links,
            post,
            auditor,
            rate_limiter,
            RenewalLimits(per_link=settings.renewal_link_limit, per_address=settings.renewal_limit),
            clock,
        ),
        test_inbox=test_inbox,
        outbox=outbox,
        webhooks=WebhookEndpoints(store, url_policy, settings.webhooks, settings.server_secret, clock),
        url_policy=url_policy,
        clock=clock,
    )


def sweeper(svc: Services) -> Sweeper:
    """What announces expired links and new signing keys (the dispatcher's loop, and `keysets promote`)."""
    return Sweeper(svc.store, svc.outbox, svc.key_source, svc.clock)


def dispatcher(svc: Services) -> Dispatcher:
    """The webhook dispatcher of this app's settings (`flask --app service webhooks dispatch`)."""
    settings = svc.settings
    return Dispatcher(
        svc.store, settings.webhooks, settings.server_secret, svc.url_policy, svc.outbox, sweeper(svc), svc.clock
    )


def services(app: Flask) -> Services:
    return app.extensions[EXTENSION_KEY]  # type: ignore[no-any-return]
