"""Renewal by the member: an expired emailed link offers "Email me a new link" (issue: links people live with).

Only the holder of the old link can ask (the request carries its secret, which opens the sealed address), and
the new link goes only where the first one went: to the sealed `to`, never to a Bcc copy or anywhere the
request names. Each link is renewed at most once, a chain at most its profile's `link_renewals` times;
requests are rate-limited per link, and per client address when the broker knows it (not behind a proxy it
does not trust: that address would be every member's); the renewal is audited and noted on both links.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from service import metrics
from service.apikeys.credentials import is_test_key
from service.apikeys.rate_limits import RateLimiter
from service.audit.writer import AuditContext, Auditor
from service.email.sender import MailError
from service.errors import EmailFailed, RateLimited, RenewalRefused
from service.links.launch_links import LaunchLinks, LinkSpec, LinkState, OpenedLink, Owner, mask_address
from service.links.mail import LinkPost
from service.profiles.models import Profile
from service.profiles.store import ProfileStore

_NAMESPACE = "link-renewals:"


@dataclasses.dataclass(frozen=True)
class RenewalLimits:
    """How many renewal requests one link, and one client address, may make (as "<count>/<unit>")."""

    per_link: str
    per_address: str


@dataclasses.dataclass(frozen=True)
class Renewed:
    """A new link went out: to this address, masked for the page."""

    masked_recipient: str
    public_id: str


def can_renew(state: LinkState, opened: OpenedLink | None, profile: Profile) -> bool:
    """Whether the page of this link offers "Email me a new link"."""
    if state is not LinkState.EXPIRED or opened is None or not opened.email:
        return False
    record = opened.record
    return record.renewed_at is None and record.renewals < profile.link_renewals


class Renewals:
    def __init__(
        self,
        profiles: ProfileStore,
        links: LaunchLinks,
        post: LinkPost,
        auditor: Auditor,
        limiter: RateLimiter,
        limits: RenewalLimits,
        clock: Callable[[], float],
    ) -> None:
        self._profiles = profiles
        self._links = links
        self._post = post
        self._auditor = auditor
        self._limiter = limiter
        self._limits = limits
        self._clock = clock

    def renew(self, secret: str, address: str | None, request_id: str) -> Renewed:
        """Mail a fresh link with the same payload and lifetime to the old link's address.

        `address` is the client's, or None when only a proxy's is known (service/web/proxies.client_address).
        """
        state, opened = self._links.open(secret)
        profile = self._profiles.profile_by_id(opened.record.profile_id) if opened else None
        test = opened is not None and is_test_key(opened.record.api_key_prefix)
        if opened is None or profile is None or not can_renew(state, opened, profile) or not self._post.can_send(test):
            raise RenewalRefused("This link cannot be renewed. Ask whoever sent it for a new one.")
        self._count(opened.record.public_id, address)
        old, now = opened.record, int(self._clock())
        # Claimed first, atomically: two clicks (or two tabs) make one new link, not two.
        if not self._links.claim_renewal(old.id):
            raise RenewalRefused("A new link was already sent for this one. Look for it in your inbox.")
        assert opened.email is not None  # can_renew checked it
        try:
            renewed = self._make_and_send(opened, profile, test, now, request_id)
        except BaseException:
            # Whatever failed after the claim (the mail, the database, the process being stopped), the member
            # may ask again: a claim that sent nothing must not use up the renewal.
            self._links.give_back_renewal(old.id)
            raise
        self._links.note(old.public_id, "renewed", request_id, renewedBy=renewed.public_id)
        metrics.count_link("renewed")
        return renewed

    def _count(self, public_id: str, address: str | None) -> None:
        """Count the request against its link, and against its client's address when known; RateLimited if over."""
        buckets = [(f"{_NAMESPACE}link:{public_id}", self._limits.per_link, "Too many requests to renew this link.")]
        if address:
            buckets.append((f"{_NAMESPACE}address:{address}", self._limits.per_address, "Too many requests from here."))
        for key, limit, refusal in buckets:
            decision = self._limiter.hit(key, limit)
            if not decision.allowed:
                raise RateLimited(f"{refusal} Try again later.", headers=decision.headers())

    def _make_and_send(self, opened: OpenedLink, profile: Profile, test: bool, now: int, request_id: str) -> Renewed:
        """The new link, mailed where the old one went; on a mail failure it is revoked (EmailFailed)."""
        old, email = opened.record, opened.email
        assert email is not None
        locale = old.locale or profile.locale  # as the old link's page spoke
        spec = LinkSpec(
            payload=opened.payload,
            redirect=opened.redirect,
            # The old link's lifetime, at least the shortest one a request may ask for (a minute).
            lifetime_seconds=max(int((old.expires_at - old.created_at).total_seconds()), 60),
            auto_submit=False,
            email=email,
            locale=old.locale,
            renewals=old.renewals + 1,
        )
        link = self._links.create(
            Owner(old.tenant_id, old.api_key_prefix), profile, spec, now=now, request_id=request_id
        )
        context = AuditContext(
            request_id=request_id,
            tenant_id=old.tenant_id,
            api_key_prefix=old.api_key_prefix,
            profile_id=profile.id,
            payload=opened.payload,
        )
        detail = {"link": link.public_id, "renews": old.public_id}
        try:
            # A link a test key made: its renewal goes to the test inbox too.
            self._post.send(
                email, link, profile, locale, tenant_id=old.tenant_id, test=test, now=now, request_id=request_id
            )
        except MailError as error:
            # Nothing usable left behind (the post revoked it), and the member may try again.
            self._auditor.record("link.renewed", EmailFailed.code, context, detail=detail)
            raise EmailFailed(f"The email was not sent: {error}. Try again in a moment.") from None
        self._auditor.record("link.renewed", "ok", context, detail=detail)
        return Renewed(masked_recipient=mask_address(email["to"]), public_id=link.public_id)
