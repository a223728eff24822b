"""Queries of the launch_links and link_events tables. A link's change and its webhook events (the outbox)
commit in one transaction: each method that changes a link takes the events and adds them in its session."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Insert, Table, and_, bindparam, case, delete, func, or_, select, update
from sqlalchemy.orm import Session, joinedload, selectinload

from service.db.database import Database, retried_once, unstorable
from service.errors import LinkAlreadyReplaced, LinkNotFound
from service.links.models import LaunchLink, LinkEvent
from service.profiles.models import Profile
from service.profiles.store import ProfileStore
from service.webhooks.outbox import OutboxEvent, add_outbox, withdraw_event

_LINKS, _EVENTS = cast(Table, LaunchLink.__table__), cast(Table, LinkEvent.__table__)


def link_state_condition(state: str, now: dt.datetime) -> ColumnElement[bool]:
    """SQL for one link state, exactly as `links.launch_links.state_of` decides it (revoked, used, expired first)."""
    live = LaunchLink.revoked_at.is_(None)
    unused = LaunchLink.uses < LaunchLink.max_uses
    conditions: dict[str, ColumnElement[bool]] = {
        "revoked": LaunchLink.revoked_at.is_not(None),
        "used": and_(live, LaunchLink.uses >= LaunchLink.max_uses),
        "expired": and_(live, unused, LaunchLink.expires_at <= now),
        "usable": and_(live, unused, LaunchLink.expires_at > now),
    }
    return conditions[state]


@dataclasses.dataclass(frozen=True, slots=True)
class AddedLink:
    """What the caller of add_link learns of the new link (an ORM object would cost a tenth of the insert)."""

    id: int
    public_id: str
    tenant_id: int


@functools.cache
def _new_link_statement(columns: tuple[str, ...]) -> Insert:
    """`WITH new_link AS (INSERT INTO launch_links … RETURNING id, created_at) INSERT INTO link_events …`, built once
    per set of columns (the values are bound parameters); the columns left out get their defaults, as in add_link."""
    new_link = (
        _LINKS.insert()
        .values({name: bindparam(name, type_=_LINKS.c[name].type) for name in columns})
        .returning(_LINKS.c.id, _LINKS.c.created_at)
        .cte("new_link")
    )
    first_event = select(new_link.c.id, new_link.c.created_at, bindparam("event_kind", type_=_EVENTS.c.kind.type))
    return _EVENTS.insert().from_select(["link_id", "at", "kind"], first_event).returning(_EVENTS.c.link_id)


class LinkStore:
    """Launch links: made (with their first events), used, released, revoked, replaced, renewed, purged."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_link(
        self,
        fields: dict[str, Any],
        events: list[str],
        replaces: tuple[int, str] | None = None,
        outbox: Sequence[OutboxEvent] = (),
        outbox_if_replaced: Sequence[OutboxEvent] = (),
    ) -> AddedLink:
        """A new link with its first events; with `replaces` (tenant id, public id), the old one revoked with it.

        One transaction: an admin re-sending an invitation is left with exactly one working link, or, when
        the old link is not the tenant's, with no new one (LinkNotFound). A link is replaced at most once:
        replacing it again would leave its first successor working beside the second, so that is refused
        (LinkAlreadyReplaced, naming the newest link of the chain) and nothing is made; of parallel
        replacements of one link exactly one succeeds. The webhook events (`outbox`, and
        `outbox_if_replaced` when the old link was still live) commit with it.
        """
        if replaces is None and not outbox and len(events) == 1 and self._db.postgresql:
            return self._add_link_in_one_statement(fields, events[0])
        with self._db.session() as session:
            add_outbox(session, outbox)
            old = None
            if replaces is not None:
                tenant_id, public_id = replaces
                if unstorable(public_id):
                    raise LinkNotFound("No link with that id for this API key's tenant; nothing was made.")
                # Locked on PostgreSQL, so a parallel replacement waits here and then sees `replaced_by_id`.
                old = session.scalar(
                    select(LaunchLink)
                    .where(LaunchLink.tenant_id == tenant_id, LaunchLink.public_id == public_id)
                    .with_for_update()
                )
                if old is None:
                    raise LinkNotFound("No link with that id for this API key's tenant; nothing was made.")
                if old.replaced_by_id is not None:
                    raise self._already_replaced(session, old)
            # Core inserts on the session's connection: the ORM's unit of work (flush, identity map, relationship
            # bookkeeping) cost a third of add_link's CPU on PostgreSQL. The column defaults apply as before.
            connection = session.connection()
            link_id = connection.execute(_LINKS.insert().returning(_LINKS.c.id), fields).scalar_one()
            at = fields["created_at"]
            rows = [{"link_id": link_id, "at": at, "kind": kind} for kind in events]
            # One row is one execute: a list of one would take the driver's executemany (pipeline) path.
            connection.execute(_EVENTS.insert(), rows[0] if len(rows) == 1 else rows)
            if old is not None:
                self._replace(session, old, link_id, at, outbox_if_replaced)
            return AddedLink(link_id, fields["public_id"], fields["tenant_id"])

    def _add_link_in_one_statement(self, fields: dict[str, Any], event: str) -> AddedLink:
        """The link and its first event in one PostgreSQL statement (a data-modifying WITH), one transaction.

        What a mint with a launch link writes when nothing else goes with it (no link replaced, no webhook
        event): one round trip instead of five, and a third of the CPU (docs/performance.md).
        """
        with self._db.single_statement() as connection:
            made = connection.execute(_new_link_statement(tuple(fields)), {**fields, "event_kind": event})
            return AddedLink(made.scalar_one(), fields["public_id"], fields["tenant_id"])

    @staticmethod
    def _replace(
        session: Session, old: LaunchLink, new_id: int, at: dt.datetime, outbox_if_live: Sequence[OutboxEvent]
    ) -> None:
        """Mark `old` replaced by `new_id` and revoke it; the conditional UPDATE decides a race (SQLite has no
        row locks): the loser's transaction rolls back and makes nothing."""
        claimed = session.execute(
            update(LaunchLink)
            .where(LaunchLink.id == old.id, LaunchLink.replaced_by_id.is_(None))
            .values(replaced_by_id=new_id, revoked_at=func.coalesce(LaunchLink.revoked_at, at))
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            session.expire(old)
            raise LinkStore._already_replaced(session, old)
        if old.revoked_at is None:
            add_outbox(session, outbox_if_live)
        session.add(LinkEvent(link_id=old.id, at=at, kind="replaced"))

    @staticmethod
    def _already_replaced(session: Session, old: LaunchLink) -> LinkAlreadyReplaced:
        """The refusal for replacing `old` again, naming the newest link of its chain (the one to replace)."""
        newest, seen = old, {old.id}
        while newest.replaced_by_id is not None and newest.replaced_by_id not in seen:
            successor = session.get(LaunchLink, newest.replaced_by_id)
            if successor is None:
                break
            newest = successor
            seen.add(newest.id)
        return LinkAlreadyReplaced(
            f"Link {old.public_id} was already replaced; the newest link of its chain is {newest.public_id}. "
            f"To send again, replace {newest.public_id}. Nothing was made."
        )

    def add_link_event(self, link_id: int, kind: str, at: dt.datetime, outbox: Sequence[OutboxEvent] = ()) -> None:
        with self._db.session() as session:
            session.add(LinkEvent(link_id=link_id, at=at, kind=kind))
            add_outbox(session, outbox)

    def mark_renewed(self, link_id: int, now: dt.datetime) -> bool:
        """Claim an expired, unused, unrevoked link's one renewal; of parallel claims exactly one wins."""
        with self._db.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(
                    LaunchLink.id == link_id,
                    LaunchLink.renewed_at.is_(None),
                    LaunchLink.revoked_at.is_(None),
                    LaunchLink.uses < LaunchLink.max_uses,
                    LaunchLink.expires_at <= now,
                )
                .values(renewed_at=now)
            )
            return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def unmark_renewed(self, link_id: int) -> None:
        """Give a renewal back when its mail could not be sent."""
        with self._db.session() as session:
            session.execute(update(LaunchLink).where(LaunchLink.id == link_id).values(renewed_at=None))

    @retried_once
    def link_with_events(self, tenant_id: int, public_id: str) -> LaunchLink | None:
        if unstorable(public_id):
            return None
        with self._db.session() as session:
            return session.scalar(
                select(LaunchLink)
                .options(joinedload(LaunchLink.profile), selectinload(LaunchLink.events))
                .where(LaunchLink.tenant_id == tenant_id, LaunchLink.public_id == public_id)
            )

    @retried_once
    def link_by_hash(self, secret_hash: str) -> LaunchLink | None:
        with self._db.session() as session:
            return session.scalar(select(LaunchLink).where(LaunchLink.secret_hash == secret_hash))

    def consume_link(self, link_id: int, now: dt.datetime, outbox: Sequence[OutboxEvent] = ()) -> bool:
        """One conditional UPDATE: the database, not the application, decides who gets the last use.

        The `link.used` webhook event (`outbox`) commits with the use, or neither does.
        """
        with self._db.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(
                    LaunchLink.id == link_id,
                    LaunchLink.uses < LaunchLink.max_uses,
                    LaunchLink.revoked_at.is_(None),
                    LaunchLink.expires_at > now,
                )
                .values(uses=LaunchLink.uses + 1, last_used_at=now)
            )
            won = bool(result.rowcount == 1)  # type: ignore[attr-defined]
            if won:
                session.add(LinkEvent(link_id=link_id, at=now, kind="used"))
                add_outbox(session, outbox)
            return won

    def release_link_use(self, link_id: int, used_event: str | None = None) -> None:
        """Give back a use, and forget its `used` event; `used_event` (its webhook event) too if not yet sent."""
        with self._db.session() as session:
            if used_event is not None:
                withdraw_event(session, used_event)
            session.execute(
                update(LaunchLink).where(LaunchLink.id == link_id, LaunchLink.uses > 0).values(uses=LaunchLink.uses - 1)
            )
            last_use = (
                select(LinkEvent.id)
                .where(LinkEvent.link_id == link_id, LinkEvent.kind == "used")
                .order_by(LinkEvent.id.desc())
                .limit(1)
                .scalar_subquery()
            )
            session.execute(delete(LinkEvent).where(LinkEvent.id == last_use))

    @retried_once
    def list_links(
        self,
        tenant_id: int,
        limit: int,
        state: str | None = None,
        now: dt.datetime | None = None,
        *,
        recipient_hash: str | None = None,
        livemode: bool | None = None,
    ) -> list[LaunchLink]:
        """A tenant's newest links; if given, only those in `state` (usable, expired, used, revoked), those mailed
        to the address with `recipient_hash`, and those of live (or of test) profiles."""
        query = (
            select(LaunchLink)
            .options(joinedload(LaunchLink.profile))
            .where(LaunchLink.tenant_id == tenant_id)
            .order_by(LaunchLink.id.desc())
            .limit(limit)
        )
        # Every filter in SQL, before the limit: filtering the newest `limit` links afterwards could answer []
        # while older links that pass exist.
        if state is not None:
            query = query.where(link_state_condition(state, now or dt.datetime.now(dt.UTC)))
        if recipient_hash is not None:
            query = query.where(LaunchLink.recipient_hash == recipient_hash)
        if livemode is not None:
            profiles = select(Profile.id).where(Profile.tenant_id == tenant_id, Profile.test == (not livemode))
            query = query.where(LaunchLink.profile_id.in_(profiles))
        with self._db.session() as session:
            return list(session.scalars(query))

    @retried_once
    def link_by_id(self, link_id: int) -> LaunchLink | None:
        with self._db.session() as session:
            return session.get(LaunchLink, link_id)

    @retried_once
    def newest_successor(self, link_id: int) -> LaunchLink | None:
        """The last link of the chain of replacements after `link_id` (None if nothing replaced it), with its
        events. A chain is short (an admin re-sending an invitation), and a cycle cannot be made; it is guarded
        against all the same."""
        with self._db.session() as session:
            newest, seen = None, {link_id}
            following = session.scalar(select(LaunchLink.replaced_by_id).where(LaunchLink.id == link_id))
            while following is not None and following not in seen:
                newest = session.scalar(
                    select(LaunchLink).options(selectinload(LaunchLink.events)).where(LaunchLink.id == following)
                )
                if newest is None:
                    break
                seen.add(following)
                following = newest.replaced_by_id
            return newest

    @retried_once
    def link_by_public_id(self, tenant_id: int | None, public_id: str) -> LaunchLink | None:
        if unstorable(public_id):
            return None
        with self._db.session() as session:
            query = select(LaunchLink).options(joinedload(LaunchLink.profile)).where(LaunchLink.public_id == public_id)
            if tenant_id is not None:
                query = query.where(LaunchLink.tenant_id == tenant_id)
            return session.scalar(query)

    @retried_once
    def revoke_link(self, link_id: int, now: dt.datetime, outbox: Sequence[OutboxEvent] = ()) -> None:
        """Revoke a live link and note it (and its webhook event); a second run (a retry, a second admin) changes
        nothing."""
        with self._db.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(LaunchLink.id == link_id, LaunchLink.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                session.add(LinkEvent(link_id=link_id, at=now, kind="revoked"))
                add_outbox(session, outbox)

    def purge_links(self, now: dt.datetime, renewal_window: dt.timedelta) -> int:
        """Drop the sealed content of every link that can no longer be used; returns how many.

        An expired emailed link its member may still renew keeps it for `renewal_window` after it expired:
        the renewal needs the address, sealed under the link's secret.
        """
        renewable = and_(
            LaunchLink.recipient_masked.is_not(None),
            LaunchLink.renewed_at.is_(None),
            LaunchLink.expires_at > now - renewal_window,
            ProfileStore.allows_renewal(LaunchLink.profile_id, LaunchLink.renewals),
        )
        with self._db.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(
                    LaunchLink.sealed_payload.is_not(None),
                    (LaunchLink.uses >= LaunchLink.max_uses)
                    | LaunchLink.revoked_at.is_not(None)
                    | and_(LaunchLink.expires_at <= now, ~renewable),
                )
                .values(sealed_payload=None)
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    @retried_once
    def count_links_by_state(self, tenant_id: int, now: dt.datetime) -> dict[str, int]:
        """How many of a tenant's links are in each state (usable, used, expired, revoked), in one query."""
        states = ("revoked", "used", "expired", "usable")
        state = case(*((link_state_condition(name, now), name) for name in states), else_="usable")
        # Grouped over a subquery: PostgreSQL would not match a GROUP BY repeating the CASE with its own `now`.
        states_of = select(state.label("state")).where(LaunchLink.tenant_id == tenant_id).subquery()
        query = select(states_of.c.state, func.count()).group_by(states_of.c.state)
        counts = dict.fromkeys(states, 0)
        with self._db.session() as session:
            for name, count in session.execute(query):
                counts[name] = count
        return counts

    def announce_link_expired(self, link_id: int, now: dt.datetime, outbox: Sequence[OutboxEvent]) -> bool:
        """Mark a link's expiry announced and write its events, once: of two sweepers one does it."""
        with self._db.session() as session:
            result = session.execute(
                update(LaunchLink)
                .where(LaunchLink.id == link_id, LaunchLink.expiry_announced_at.is_(None))
                .values(expiry_announced_at=now)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            add_outbox(session, outbox)
            return True

    @retried_once
    def expired_links_to_announce(
        self, since: dict[int, dt.datetime], now: dt.datetime, limit: int
    ) -> list[LaunchLink]:
        """Links that expired unused and unrevoked and were not yet announced, of the tenants in `since`, and only
        those that expired after the tenant's `since` (when it first had an endpoint wanting `link.expired`)."""
        if not since:
            return []
        conditions = [
            and_(LaunchLink.tenant_id == tenant_id, LaunchLink.expires_at > start) for tenant_id, start in since.items()
        ]
        with self._db.session() as session:
            return list(
                session.scalars(
                    select(LaunchLink)
                    .options(joinedload(LaunchLink.profile))
                    .where(
                        or_(*conditions),
                        link_state_condition("expired", now),
                        LaunchLink.expiry_announced_at.is_(None),
                    )
                    .order_by(LaunchLink.expires_at)
                    .limit(limit)
                )
            )
