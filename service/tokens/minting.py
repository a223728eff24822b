"""generateJWT: from an authenticated caller and a request body to a signed token and its URL."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from service import metrics
from service.apikeys.authentication import require_scope
from service.apikeys.caller import Caller
from service.audit.writer import AuditContext, Auditor
from service.config import Settings
from service.email.sender import MailError
from service.errors import (
    BrokerError,
    EmailFailed,
    LinkNotFound,
    TokenRejected,
    VerificationFailed,
)
from service.keys.jwks import JwksPublisher, keyset_ref
from service.keys.source import KeySource
from service.links.browser import FormPost, Redirect
from service.links.launch_links import LaunchLinks, LinkSpec, LinkState, NewLink, Owner
from service.links.mail import LinkPost
from service.profiles import kinds
from service.profiles.models import Profile
from service.profiles.rules import check_redirect, resolve_profile, token_ttl
from service.profiles.store import ProfileStore
from service.testmode.rules import check_mode
from service.tokens import schemas, verifier
from service.tokens.claims import MintedToken, mint
from service.tokens.delivery import Deliverer

log = logging.getLogger(__name__)


def _iso(timestamp: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


def _duration(seconds: int) -> str:
    """'5m' for whole minutes (as the Ayrshare contract shows), '90s' otherwise."""
    return f"{seconds // 60}m" if seconds % 60 == 0 else f"{seconds}s"


@dataclasses.dataclass(frozen=True)
class MintRequest:
    """A generateJWT request, parsed and authorised: what to mint for which profile, and how to deliver it."""

    profile: Profile
    payload: dict[str, Any]
    redirect: str | None
    lifetime: int  # seconds the URL must work (expireIn)
    ttl: int  # seconds the token lives: at most the profile's and the spec's bound
    verify: bool
    email: Mapping[str, Any] | None
    replaces: str | None = None
    qr: bool = False
    locale: str | None = None
    include_token: bool = True

    @property
    def needs_link(self) -> bool:
        """A page must deliver the token (form), the URL must outlive it, it goes by email or as a QR code."""
        return (
            self.profile.delivery_mode == "form"
            or self.lifetime > self.ttl
            or self.email is not None
            or self.qr
            or self.replaces is not None
        )


# Where an emailed link's mail went (the answer's `delivery`).
EMAIL = "email"
TEST_INBOX = "test-inbox"


@dataclasses.dataclass(frozen=True)
class Delivered:
    """The URL handed back, until when it works, and for how long (the `expiresIn` it reports)."""

    url: str | None  # None only for a form profile without a link, which `needs_link` rules out
    expires_at: int
    lifetime: int
    link_id: str | None = None
    locale: str | None = None  # a launch link's language (None: its pages follow the browser)
    # Where the link's mail went, when `email` was asked: "email" (sent), or "test-inbox" (a test key's: kept).
    mailed: str | None = None


def _response(request: MintRequest, minted: MintedToken, delivered: Delivered, request_id: str) -> dict[str, Any]:
    """generateJWT's answer, fields in the documented order."""
    response: dict[str, Any] = {"token": minted.token} if request.include_token else {}
    response["url"] = delivered.url
    if delivered.link_id is not None:
        response["linkId"] = delivered.link_id
    response |= {
        "expiresAt": _iso(delivered.expires_at),
        "tokenExpiresAt": _iso(minted.expires_at),
        "expiresIn": _duration(delivered.lifetime),
        "kid": minted.kid,
        "alg": minted.alg,
        "profile": request.profile.name,
        "requestId": request_id,
    }
    if request.verify:
        response["verified"] = True
    if delivered.mailed is not None:
        # A test key's mail is kept in the test inbox, never sent: the answer says so rather than claim it went.
        response["emailSent"] = delivered.mailed == EMAIL
        response["delivery"] = delivered.mailed
    return response


# The outcome audited for a request that minted but whose answer could not be stored or given.
NOT_DELIVERED = "not_delivered"


@dataclasses.dataclass(frozen=True)
class Generated:
    """What generateJWT made: the answer, and what its audit row will say once the outcome is known."""

    profile: Profile
    response: dict[str, Any]
    audit: AuditContext
    detail: dict[str, Any]
    link_locale: str | None = None  # the language of the launch link made, if one was


@dataclasses.dataclass(frozen=True)
class Launch:
    """What using a launch link produced: its state, and for a usable link what the browser gets."""

    state: LinkState
    delivery: FormPost | Redirect | None = None
    profile: Profile | None = None


class Minter:
    def __init__(
        self,
        profiles: ProfileStore,
        key_source: KeySource,
        publisher: JwksPublisher,
        auditor: Auditor,
        links: LaunchLinks,
        deliverer: Deliverer,
        post: LinkPost,
        settings: Settings,
        clock: Callable[[], float],
    ) -> None:
        self._profiles = profiles
        self._keys = key_source
        self._publisher = publisher
        self._auditor = auditor
        self._links = links
        self._deliverer = deliverer
        self._post = post
        self._settings = settings
        self._clock = clock
        # Parsed verification keys per published document (by ETag): parsing JWKs per request is waste.
        self._published_keys: dict[str, verifier.StaticKeys] = {}

    def _self_verify(self, profile: Profile, minted: MintedToken, now: int) -> None:
        # The JWKS exactly as a relying party would get it: the served bytes, parsed back.
        published = self._publisher.for_keyset(profile.keyset)
        keys = self._published_keys.get(published.etag)
        if keys is None:
            keys = self._published_keys[published.etag] = verifier.StaticKeys(json.loads(published.body))
        expectations = verifier.Expectations(issuer=profile.issuer, audience=profile.audience)
        try:
            verifier.verify(minted.token, expectations, keys, now=now)
        except TokenRejected as rejected:
            raise VerificationFailed(
                f"The new token failed the relying party's rule {rejected.rule!r} against the published JWKS: "
                f"{rejected.detail} No token was returned."
            ) from None

    def generate(
        self, caller: Caller, body: Mapping[str, Any], header_profile_key: str | None, request_id: str
    ) -> Generated:
        """Parse and authorise the request, mint and deliver, and the answer with the token and its URL.

        Its success is not audited yet: the caller `confirm`s it once the answer is stored (idempotency) and
        about to leave, or `undo`es it when it cannot be given after all.
        """
        request = self.authorise(caller, body, header_profile_key)
        profile, now = request.profile, int(self._clock())
        try:
            minted = self._mint(profile, request.payload, request.redirect, request.ttl, now)
        except BrokerError as error:
            metrics.count_minted(profile.name, profile.keyset.alg, error.code)
            raise
        context = AuditContext(
            request_id=request_id,
            tenant_id=caller.tenant_id,
            api_key_prefix=caller.prefix,
            profile_id=profile.id,
            kid=minted.kid,
            payload=request.payload,
        )
        link_detail: dict[str, str] = {}
        try:
            delivered = self._deliver(caller, request, minted, now, link_detail, request_id)
        except BrokerError as error:
            self._auditor.record("token.minted", error.code, context, detail=link_detail)
            metrics.count_minted(profile.name, minted.alg, error.code)
            raise
        detail = {"ttl": request.ttl, "alg": minted.alg, "verify": request.verify, **link_detail}
        response = _response(request, minted, delivered, request_id)
        return Generated(profile, response, context, detail, link_locale=delivered.locale)

    def confirm(self, generated: Generated) -> None:
        """The answer is on its way: audit and count the success."""
        self._auditor.record("token.minted", "ok", generated.audit, detail=generated.detail)
        metrics.count_minted(generated.profile.name, generated.detail["alg"], "ok")

    def undo(self, generated: Generated) -> None:
        """The answer could not be given: revoke the link made for it, and audit that it was not delivered."""
        link = generated.detail.get("link")
        if link is not None:
            try:
                self._links.revoke(None, link, generated.audit.request_id)
            except SQLAlchemyError as error:
                # Loud: a usable link exists that nobody received. Its id opens nothing; revoke it by hand.
                log.error("link of a failed request not revoked", extra={"link": link, "error": type(error).__name__})
        self._auditor.record("token.minted", NOT_DELIVERED, generated.audit, detail=generated.detail)
        metrics.count_minted(generated.profile.name, generated.detail["alg"], NOT_DELIVERED)

    def link_locale(self, tenant_id: int, link_id: str) -> str | None:
        """The language of this tenant's link `link_id` (its own, or its profile's when it was made); None: unknown."""
        return self._links.locale_of(tenant_id, link_id)

    def authorise(self, caller: Caller, body: Mapping[str, Any], header_profile_key: str | None) -> MintRequest:
        """The request checked against its schema, its profile's rules and the caller's scopes."""
        request = schemas.load_request(body)
        profile = resolve_profile(self._profiles, caller, request.get("profileKey"), header_profile_key)
        check_mode(caller, profile)
        payload = kinds.load_payload(
            profile.kind, request["payload"], profile.check_ssn, self._settings.max_payload_bytes
        )
        redirect = request.get("redirect")
        check_redirect(profile, redirect)
        expire_in = request.get("expireIn", request.get("expiresIn", schemas.DEFAULT_EXPIRE_IN_MINUTES))
        email = request.get("email")
        mint_request = MintRequest(
            profile=profile,
            payload=payload,
            redirect=redirect,
            lifetime=expire_in * 60,
            ttl=token_ttl(profile, expire_in),
            verify=bool(request.get("verify", False)),
            email=email,
            replaces=request.get("replaces"),
            qr=bool(request.get("qr", False)),
            locale=request.get("locale"),
            # The admin's tool wanted a mail, not the member's live token, unless it says otherwise.
            include_token=email is None or bool(request.get("includeToken", False)),
        )
        if mint_request.lifetime > mint_request.ttl:
            require_scope(caller, "links:long")
        if mint_request.replaces is not None:
            require_scope(caller, "links:admin")
            if not self._links.exists(caller.tenant_id, mint_request.replaces):
                raise LinkNotFound("replaces names no link of this API key's tenant; nothing was made.")
        if email is not None:
            require_scope(caller, "links:email")
            if not self._post.can_send(caller.test):
                raise EmailFailed("This broker has no mail server configured (SMTP_URL); nothing was made.")
        return mint_request

    def _deliver(
        self,
        caller: Caller,
        request: MintRequest,
        minted: MintedToken,
        now: int,
        link_detail: dict[str, str],
        request_id: str,
    ) -> Delivered:
        """Verify if asked, then the URL: a launch link (noted in `link_detail`, mailed if asked) or a direct one."""
        profile = request.profile
        if request.verify:
            self._self_verify(profile, minted, now)
        if not request.needs_link:
            return Delivered(self._deliverer.direct_url(profile, minted.token), minted.expires_at, request.ttl)
        # A page must deliver it (form), the URL must outlive the token, it is mailed or shown as a QR code:
        # a launch link that mints afresh when used. One opened at once by an app may submit itself; an
        # emailed, scanned or longer-lived one waits for a click, because mail scanners and link previews
        # open links in script-running browsers.
        auto_submit = request.lifetime <= request.ttl and request.email is None and not request.qr
        spec = LinkSpec(
            payload=request.payload,
            redirect=request.redirect,
            lifetime_seconds=request.lifetime,
            auto_submit=auto_submit,
            email=request.email,
            locale=request.locale or profile.locale,
            replaces=request.replaces,
        )
        # The same `now` as the token's, so the link and the token expire exactly `lifetime - ttl` apart.
        link = self._links.create(Owner(caller.tenant_id, caller.prefix), profile, spec, now=now, request_id=request_id)
        metrics.count_link("made")
        link_detail["link"] = link.public_id
        if request.replaces is not None:
            link_detail["replaces"] = request.replaces
        mailed = None
        if request.email is not None:
            self._send(caller, request.email, link, profile, now, spec.locale, request_id)
            mailed = TEST_INBOX if caller.test else EMAIL
        return Delivered(link.url, link.expires_at, request.lifetime, link.public_id, spec.locale, mailed)

    def _send(
        self,
        caller: Caller,
        email: Mapping[str, Any],
        link: NewLink,
        profile: Profile,
        now: int,
        locale: str | None,
        request_id: str,
    ) -> None:
        """Mail the link (a test key's to the test inbox); if that fails, revoke it, so nothing usable is left."""
        try:
            self._post.send(
                email,
                link,
                profile,
                locale,
                tenant_id=caller.tenant_id,
                test=caller.test,
                now=now,
                request_id=request_id,
            )
        except MailError as error:
            raise EmailFailed(f"The email was not sent: {error}. The link made for it was revoked.") from None

    def _mint(
        self, profile: Profile, payload: Mapping[str, Any], redirect: str | None, ttl: int, now: int
    ) -> MintedToken:
        key = self._keys.signing_key(keyset_ref(profile.keyset))
        return mint(
            payload, key, issuer=profile.issuer, audience=profile.audience, now=now, ttl_seconds=ttl, redirect=redirect
        )

    def launch(self, secret: str, request_id: str) -> Launch:
        """Use a launch link: mint a fresh token now, take one use, and deliver by the profile's mode."""
        state, opened = self._links.open(secret)
        if opened is None or state is not LinkState.USABLE:
            return Launch(state)
        profile = self._profiles.profile_by_id(opened.record.profile_id)
        # Minted before the use is taken, so a key outage does not burn the link.
        try:
            minted = self._mint(profile, opened.payload, opened.redirect, token_ttl(profile, 5), int(self._clock()))
        except BrokerError as error:
            metrics.count_minted(profile.name, profile.keyset.alg, error.code)
            raise
        used = self._links.consume(opened.record, profile, request_id)
        if used is None:
            return Launch(self._links.state(secret))
        context = AuditContext(
            request_id=request_id,
            tenant_id=opened.record.tenant_id,
            api_key_prefix=opened.record.api_key_prefix,
            profile_id=profile.id,
            kid=minted.kid,
            payload=opened.payload,
        )
        link_detail = {"link": opened.record.public_id}
        try:
            delivery = self._deliverer.for_browser(profile, minted.token)
        except BrokerError as error:
            # Nothing reached the user: give the use back so the link still works once the RP recovers.
            self._links.release(used)
            self._auditor.record("link.used", error.code, context, detail=link_detail)
            metrics.count_minted(profile.name, minted.alg, error.code)
            raise
        self._auditor.record("link.used", "ok", context, detail=link_detail)
        metrics.count_minted(profile.name, minted.alg, "ok")
        return Launch(LinkState.USABLE, delivery, profile)
