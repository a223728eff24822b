"""Sign-in by emailed one-time link: the same answer for any address, a hashed secret, 15 minutes, one use.

The mail is sent from a background thread, so the answer takes as long whether or not the address is a
user's (and whether the mail server is quick). The link's page only shows a Continue button; the POST from
it signs in, so a mail scanner that opens links signs no one in. Requests are counted per address (by its
keyed hash, known or not) and per client address.

Home-realm discovery (issue 23: an address whose domain has an identity provider goes there) joins here:
`SignIns.request` is where a domain's provider would be looked up before any mail is sent.
"""

from __future__ import annotations

import base64
import binascii
import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
import enum
import hashlib
import logging
import secrets
from collections.abc import Callable

from service.apikeys.rate_limits import RateLimiter
from service.audit.writer import Auditor
from service.console import auditing
from service.console.mail import Place, invitation_mail, sign_in_mail
from service.console.settings import ConsoleSettings
from service.console.store import ConsoleStore
from service.console.users import ConsoleUsers, Role, User
from service.email.sender import Mailer, MailError
from service.errors import RateLimited
from service.tenants.store import TenantStore

log = logging.getLogger(__name__)

SECRET_BYTES = 32
PATH_PREFIX = "/console/sign-in/"
_NAMESPACE = "console-sign-in:"
# An expired link is kept this long, so its page still says "expired" or "already used", not "not valid".
PURGE_AFTER = dt.timedelta(days=1)


class LinkState(enum.Enum):
    USABLE = "usable"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"


@dataclasses.dataclass(frozen=True)
class Mailing:
    """What sign-in needs to send its mail."""

    mailer: Mailer | None
    sender: str
    public_base_url: str


def _secret_hash(secret: str) -> str | None:
    """The SHA-256 of a well-formed secret (32 bytes, unpadded base64url), else None."""
    if len(secret) != 43:
        return None
    try:
        raw = base64.urlsafe_b64decode(secret + "=")
    except (binascii.Error, ValueError):
        return None
    return hashlib.sha256(raw).hexdigest() if len(raw) == SECRET_BYTES else None


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class SignIns:
    def __init__(
        self,
        store: ConsoleStore,
        users: ConsoleUsers,
        tenants: TenantStore,
        mailing: Mailing,
        limiter: RateLimiter,
        auditor: Auditor,
        settings: ConsoleSettings,
        clock: Callable[[], float],
    ) -> None:
        self._store = store
        self._users = users
        self._tenants = tenants
        self._mailing = mailing
        self._limiter = limiter
        self._auditor = auditor
        self._settings = settings
        self._clock = clock
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="console-mail")
        self.sent: list[concurrent.futures.Future[None]] = []  # the last mails handed to the pool (tests wait)

    def _now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    def request(self, address: str, client: str | None, locale: str, request_id: str) -> None:
        """Mail a sign-in link to `address` if it is a console user's; the same (None) for any other address.

        RateLimited past the limits, counted whether or not the address is a user's, so they tell nothing.
        """
        self._count(self._users.address_key(address), client)
        users = self._users.find(address)
        if not users:
            return
        places, now = [], self._now()
        for user in users:
            places.append(self._new_link(user, now, self._settings.sign_in_link_seconds))
            auditing.record(self._auditor, "console.sign_in_sent", "ok", user, request_id)
        to = self._users.address_of(users[0].id)
        if to is None:
            return  # sealed under another SERVER_SECRET: this user must be added again
        self._submit(self._send, to, places, locale, int(now.timestamp()))

    def invite(self, tenant_id: int, address: str, role: Role, locale: str) -> User:
        """Add a user to the tenant and mail them an invitation: a sign-in link that works once, for
        CONSOLE_INVITATION_SECONDS (a week). UserExists if the tenant has a user with this address."""
        user = self._users.add(tenant_id, address, role)
        now = self._now()
        place = self._new_link(user, now, self._settings.invitation_seconds)
        self._submit(self._send_invitation, address.strip(), place, locale, int(now.timestamp()))
        return user

    def _new_link(self, user: User, now: dt.datetime, lifetime_seconds: int) -> Place:
        """A new one-time sign-in link for the user (only its hash is kept): where it signs in, and its URL."""
        secret = secrets.token_urlsafe(SECRET_BYTES)
        self._store.add_sign_in(user.id, _secret_hash(secret) or "", now, now + dt.timedelta(seconds=lifetime_seconds))
        tenant = self._tenants.tenant_by_id(user.tenant_id)
        account = (tenant.display_name or tenant.name) if tenant else "?"
        return Place(account=account, url=f"{self._mailing.public_base_url}{PATH_PREFIX}{secret}")

    def _submit(self, send: Callable[..., None], *args: object) -> None:
        # Off the request thread: the answer does not wait for (or reveal anything by) the mail server.
        self.sent = [*self.sent[-9:], self._pool.submit(send, *args)]

    def _send(self, to: str, places: list[Place], locale: str, now: int) -> None:
        mailing = self._mailing
        if mailing.mailer is None:
            log.warning("console sign-in mail not sent: SMTP_URL is not set")
            return
        message = sign_in_mail(to, places, self._settings.sign_in_link_seconds, locale, mailing.sender, now)
        # A failure was logged by the mailer (without the address); the person asks again.
        with contextlib.suppress(MailError):
            mailing.mailer.deliver(message, to)

    def _send_invitation(self, to: str, place: Place, locale: str, now: int) -> None:
        mailing = self._mailing
        if mailing.mailer is None:
            log.warning("console invitation not sent: SMTP_URL is not set")
            return
        sign_in_url = f"{mailing.public_base_url}{PATH_PREFIX.rstrip('/')}"
        message = invitation_mail(
            to, place, sign_in_url, self._settings.invitation_seconds, locale, mailing.sender, now
        )
        with contextlib.suppress(MailError):
            mailing.mailer.deliver(message, to)

    def _count(self, address_key: str, client: str | None) -> None:
        buckets = [(f"{_NAMESPACE}address:{address_key}", self._settings.sign_in_limit_per_address)]
        if client:
            buckets.append((f"{_NAMESPACE}client:{client}", self._settings.sign_in_limit_per_client))
        for key, limit in buckets:
            decision = self._limiter.hit(key, limit)
            if not decision.allowed:
                raise RateLimited("Too many sign-in requests. Try again later.", headers=decision.headers())

    def state(self, secret: str) -> LinkState:
        """What the link's page says: usable, unknown, expired or used (a GET never uses it)."""
        hashed = _secret_hash(secret)
        row = self._store.sign_in_by_hash(hashed) if hashed else None
        if row is None:
            return LinkState.UNKNOWN
        if row.used_at is not None:
            return LinkState.USED
        return LinkState.USABLE if _aware(row.expires_at) > self._now() else LinkState.EXPIRED

    def redeem(self, secret: str, request_id: str) -> User | None:
        """Use the link (once, atomically): its user, or None if it is unknown, used or expired."""
        hashed = _secret_hash(secret)
        user_id = self._store.use_sign_in(hashed, self._now()) if hashed else None
        user = self._users.by_id(user_id) if user_id is not None else None
        if user is not None:
            auditing.record(self._auditor, "console.signed_in", "ok", user, request_id)
        return user

    def purge(self) -> int:
        """For `links purge`: forget links that expired more than a day ago, used or not; how many."""
        return self._store.purge_sign_ins(self._now() - PURGE_AFTER)
