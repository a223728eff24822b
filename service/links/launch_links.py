"""Launch links: `/l/<secret>` URLs that mint a fresh token when used (DESIGN §5).

The secret is 32 random bytes (base64url). The database keeps only its SHA-256, and the payload sealed
with AES-GCM under a key derived from the secret with HKDF, so a dump of the database alone reveals
no personal data and opens no link.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import enum
import hashlib
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from service import sealing
from service.apikeys.credentials import subject_hash
from service.errors import LinkNotFound
from service.links.models import LaunchLink
from service.links.store import LinkStore
from service.profiles.models import Profile
from service.web.responses import iso_timestamp
from service.webhooks.events import Outbox
from service.webhooks.outbox import OutboxEvent

SECRET_BYTES = 32
_PUBLIC_ID_BYTES = 9
PUBLIC_ID_PREFIX = "ln_"
_SEALING_PURPOSE = b"launch link payload"
# Keeps recipient hashes apart from the audit rows' subject hashes made under the same key.
_RECIPIENT_PURPOSE = "launch link recipient"
PATH_PREFIX = "/l/"


class LinkState(enum.Enum):
    USABLE = "usable"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"
    REVOKED = "revoked"


# What of the request's `email` object an emailed link keeps, sealed: where the mail went and who sent it,
# so the member can have it mailed again, and its pages can name the sender. Never the Bcc copies.
SEALED_EMAIL_FIELDS = ("to", "companyName", "contactEmail", "termsUrl", "privacyUrl")
EVENTS = ("created", "emailed", "email_failed", "used", "revoked", "renewed", "replaced")


@dataclasses.dataclass(frozen=True)
class NewLink:
    public_id: str
    url: str
    expires_at: int


@dataclasses.dataclass(frozen=True)
class Owner:
    """Whose link it is: the tenant, and the API key that made it (or made the link a renewal comes from)."""

    tenant_id: int
    api_key_prefix: str


@dataclasses.dataclass(frozen=True)
class LinkSpec:
    """What a new link holds and how it behaves: sealed content, lifetime, locale, place in a renewal chain."""

    payload: Mapping[str, Any]
    redirect: str | None
    lifetime_seconds: int
    auto_submit: bool
    email: Mapping[str, Any] | None = None
    locale: str | None = None
    replaces: str | None = None  # the public id of a link of the same tenant to revoke with this one
    renewals: int = 0


@dataclasses.dataclass(frozen=True)
class Used:
    """A use taken of a link, and the id of its `link.used` webhook event (None when no endpoint receives it)."""

    link: LaunchLink
    event_id: str | None


@dataclasses.dataclass(frozen=True)
class OpenedLink:
    """A link found by its secret, with its sealed content opened (also for a link that can no longer be used,
    while the content is kept: its pages name the sender, and an expired emailed link may be renewed)."""

    record: LaunchLink
    payload: dict[str, Any]
    redirect: str | None
    email: dict[str, Any] | None


def _decode_secret(secret: str) -> bytes | None:
    if len(secret) != 43:  # 32 bytes as unpadded base64url
        return None
    try:
        raw = base64.urlsafe_b64decode(secret + "=")
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == SECRET_BYTES else None


def secret_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def seal(raw: bytes, public_id: str, content: Mapping[str, Any]) -> bytes:
    """The link's content sealed under a key derived from its secret, bound to its public id."""
    return sealing.seal(raw, _SEALING_PURPOSE, public_id.encode(), content)


def unseal(raw: bytes, public_id: str, sealed: bytes) -> dict[str, Any] | None:
    return sealing.unseal(raw, _SEALING_PURPOSE, public_id.encode(), sealed)


def mask_address(address: str) -> str:
    """b***@galaxy.com: enough for an admin to recognise a recipient, too little to contact them."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


def recipient_hash(key: str, address: str) -> str:
    """The keyed hash (HMAC-SHA256) an emailed link keeps of its address, to be found by it; case-insensitive.

    Under SUBJECT_HASH_KEY, which the database never holds: a dump alone neither reveals an address nor tells
    by guessing whether one is there.
    """
    return subject_hash(key, _RECIPIENT_PURPOSE, address.strip().casefold())


@dataclasses.dataclass(frozen=True)
class LinkFilter:
    """Which of a tenant's links a listing shows: in a state, sent to an address, live or test ones."""

    state: LinkState | None = None
    recipient: str | None = None
    livemode: bool | None = None


def state_of(link: LaunchLink, now: dt.datetime) -> LinkState:
    if link.revoked_at is not None:
        return LinkState.REVOKED
    if link.uses >= link.max_uses:
        return LinkState.USED
    if _aware(link.expires_at) <= now:
        return LinkState.EXPIRED
    return LinkState.USABLE


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; every time we store is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class LaunchLinks:
    """Launch links, and the webhook events of what happens to them (written with each change, see webhooks)."""

    def __init__(
        self,
        store: LinkStore,
        public_base_url: str,
        clock: Callable[[], float],
        outbox: Outbox,
        recipient_key: str,
    ) -> None:
        self._store = store
        self._base = public_base_url
        self._clock = clock
        self._outbox = outbox
        self._recipient_key = recipient_key

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    def create(
        self, owner: Owner, profile: Profile, spec: LinkSpec, *, now: int, request_id: str | None = None
    ) -> NewLink:
        """Store a new link and return its URL: the only moment its secret exists outside the URL.

        With `spec.replaces`, the old link is revoked in the same transaction (LinkNotFound if it is not this
        tenant's, and then nothing is made).
        """
        raw = secrets.token_bytes(SECRET_BYTES)
        secret = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        # A prefix, so an id never starts with "-" (a CLI would read `links revoke -9A…` as an option).
        public_id = PUBLIC_ID_PREFIX + secrets.token_urlsafe(_PUBLIC_ID_BYTES)
        email = {name: spec.email[name] for name in SEALED_EMAIL_FIELDS if spec.email.get(name)} if spec.email else None
        content = {"payload": dict(spec.payload), "redirect": spec.redirect, "email": email}
        fields = {
            "public_id": public_id,
            "secret_hash": secret_hash(raw),
            "tenant_id": owner.tenant_id,
            "profile_id": profile.id,
            "api_key_prefix": owner.api_key_prefix,
            "sealed_payload": seal(raw, public_id, content),
            "auto_submit": spec.auto_submit,
            "max_uses": profile.link_max_uses,
            "created_at": dt.datetime.fromtimestamp(now, dt.UTC),
            "expires_at": dt.datetime.fromtimestamp(now + spec.lifetime_seconds, dt.UTC),
            "recipient_masked": mask_address(email["to"]) if email else None,
            "recipient_hash": recipient_hash(self._recipient_key, email["to"]) if email else None,
            "locale": spec.locale,
            "renewals": spec.renewals,
        }
        events = ["created", "renewed"] if spec.renewals else ["created"]
        replaces = (owner.tenant_id, spec.replaces) if spec.replaces else None
        outbox = self._outbox.link_event(
            owner.tenant_id, "created", public_id, profile, LinkState.USABLE.value, request_id
        )
        self._store.add_link(fields, events, replaces, outbox, self._replaced_event(owner, spec, public_id, request_id))
        return NewLink(
            public_id=public_id, url=f"{self._base}{PATH_PREFIX}{secret}", expires_at=now + spec.lifetime_seconds
        )

    def _replaced_event(self, owner: Owner, spec: LinkSpec, new_id: str, request_id: str | None) -> list[OutboxEvent]:
        """`link.revoked` for the link a new one replaces (written only if it was still live)."""
        if spec.replaces is None or not self._outbox.wants(owner.tenant_id, "link.revoked"):
            return []
        old = self._store.link_by_public_id(owner.tenant_id, spec.replaces)
        if old is None:
            return []  # add_link refuses it: nothing is made
        return self._outbox.link_event(
            owner.tenant_id, "revoked", old.public_id, old.profile, "revoked", request_id, replacedBy=new_id
        )

    def note(self, public_id: str, kind: str, request_id: str | None = None, **related: str) -> None:
        """Add an event (emailed, email_failed, renewed) to a link, and its webhook event `link.<kind>`."""
        link = self._store.link_by_public_id(None, public_id)
        if link is not None:
            now = self.now()
            outbox = self._outbox.link_event(
                link.tenant_id, kind, public_id, link.profile, state_of(link, now).value, request_id, **related
            )
            self._store.add_link_event(link.id, kind, now, outbox)

    def open(self, secret: str) -> tuple[LinkState, OpenedLink | None]:
        """The link behind a secret, its state, and its sealed content while the link keeps it."""
        raw = _decode_secret(secret)
        record = self._store.link_by_hash(secret_hash(raw)) if raw is not None else None
        if raw is None or record is None:
            return LinkState.UNKNOWN, None
        state = state_of(record, self.now())
        if record.sealed_payload is None:
            # Purged: the link can no longer be used, whatever its dates say, and its content is gone.
            state = state if state is not LinkState.USABLE else LinkState.EXPIRED
            return state, OpenedLink(record=record, payload={}, redirect=None, email=None)
        content = unseal(raw, record.public_id, record.sealed_payload)
        if content is None:
            return LinkState.UNKNOWN, None
        opened = OpenedLink(
            record=record, payload=content["payload"], redirect=content.get("redirect"), email=content.get("email")
        )
        return state, opened

    def consume(self, link: LaunchLink, profile: Profile, request_id: str | None = None) -> Used | None:
        """Take one use, atomically: of N parallel attempts on a single-use link, exactly one wins (None for the
        others). Its `link.used` webhook event commits with the use."""
        state = LinkState.USED if link.uses + 1 >= link.max_uses else LinkState.USABLE
        outbox = self._outbox.link_event(link.tenant_id, "used", link.public_id, profile, state.value, request_id)
        if not self._store.consume_link(link.id, self.now(), outbox):
            return None
        return Used(link, outbox[0].public_id if outbox else None)

    def release(self, used: Used) -> None:
        """Give back a use that delivered nothing (the relying party failed), so the user can retry; its
        `link.used` event is withdrawn unless a dispatcher already sent it."""
        self._store.release_link_use(used.link.id, used.event_id)

    def state(self, secret: str) -> LinkState:
        return self.open(secret)[0]

    def summary(self, link: LaunchLink) -> dict[str, Any]:
        """What an admin may see of a link: never its secret, its payload or the full address."""
        state = state_of(link, self.now())
        # A link that can no longer be used has no uses left, whatever it did not use.
        dead = state in (LinkState.REVOKED, LinkState.EXPIRED)
        return {
            "id": link.public_id,
            "profile": link.profile.name,
            "createdAt": iso_timestamp(link.created_at),
            "expiresAt": iso_timestamp(link.expires_at),
            "usesLeft": 0 if dead else max(link.max_uses - link.uses, 0),
            "state": state.value,
            "recipient": link.recipient_masked,
            "livemode": not link.profile.test,
        }

    def detail(self, tenant_id: int, public_id: str) -> dict[str, Any]:
        """A link of this tenant with its events, oldest first; LinkNotFound otherwise.

        The `replaced` event names the link that replaced it (`replacedBy`).
        """
        link = self._store.link_with_events(tenant_id, public_id)
        if link is None:
            raise LinkNotFound("No link with that id for this API key's tenant.")
        successor = self._store.link_by_id(link.replaced_by_id) if link.replaced_by_id is not None else None
        events = []
        for event in link.events:
            shown = {"type": event.kind, "at": iso_timestamp(event.at)}
            if event.kind == "replaced" and successor is not None:
                shown["replacedBy"] = successor.public_id
            events.append(shown)
        return {**self.summary(link), "locale": link.locale, "events": events}

    def list(self, tenant_id: int, limit: int, which: LinkFilter | None = None) -> list[dict[str, Any]]:
        """The newest `limit` links of a tenant that pass `which` (filtered by the database, before the limit)."""
        which = which or LinkFilter()
        links = self._store.list_links(
            tenant_id,
            limit,
            which.state.value if which.state else None,
            self.now(),
            recipient_hash=recipient_hash(self._recipient_key, which.recipient) if which.recipient else None,
            livemode=which.livemode,
        )
        return [self.summary(link) for link in links]

    def newest_successor(self, link: LaunchLink) -> LaunchLink | None:
        """The newest link of the chain of replacements that `link` starts (None if nothing replaced it), with
        its events: what its page tells the holder of `link`."""
        return self._store.newest_successor(link.id) if link.replaced_by_id is not None else None

    def revoke(self, tenant_id: int | None, public_id: str, request_id: str | None = None) -> dict[str, Any]:
        """Revoke a link of this tenant (any tenant's for the CLI, with None); LinkNotFound otherwise."""
        link = self._store.link_by_public_id(tenant_id, public_id)
        if link is None:
            raise LinkNotFound("No link with that id for this API key's tenant.")
        outbox = self._outbox.link_event(link.tenant_id, "revoked", public_id, link.profile, "revoked", request_id)
        self._store.revoke_link(link.id, self.now(), outbox)
        revoked = self._store.link_by_public_id(tenant_id, public_id)
        assert revoked is not None
        return self.summary(revoked)

    def locale_of(self, tenant_id: int, public_id: str) -> str | None:
        """The locale a link of this tenant was made with (None: none, or no such link)."""
        link = self._store.link_by_public_id(tenant_id, public_id)
        return link.locale if link is not None else None

    def count_by_state(self, tenant_id: int) -> dict[LinkState, int]:
        """How many of the tenant's links are usable, used, expired and revoked now (as `state_of` decides)."""
        counts = self._store.count_links_by_state(tenant_id, self.now())
        return {state: counts.get(state.value, 0) for state in LinkState if state is not LinkState.UNKNOWN}

    def exists(self, tenant_id: int, public_id: str) -> bool:
        """Whether this tenant has a link with this id (in any state)."""
        return self._store.link_by_public_id(tenant_id, public_id) is not None

    def claim_renewal(self, link_id: int) -> bool:
        """Claim an expired, unused, unrevoked link's one renewal; of parallel claims exactly one wins."""
        return self._store.mark_renewed(link_id, self.now())

    def give_back_renewal(self, link_id: int) -> None:
        """Give a renewal back when its new link could not be made or mailed."""
        self._store.unmark_renewed(link_id)

    def purge(self, renewal_window: dt.timedelta) -> int:
        """Expired, used and revoked links lose their sealed content (a renewable one after `renewal_window`)."""
        return self._store.purge_links(self.now(), renewal_window)
