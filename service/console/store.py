"""Queries of the console's tables: users, sign-in links and sessions (and the purge of dead ones)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, or_, select, update

from service.console.models import ConsoleSession, ConsoleSignIn, ConsoleUser
from service.db.database import Database, retried_once, unstorable


class ConsoleStore:
    """Every query of console_users, console_sign_ins and console_sessions."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_user(self, tenant_id: int, public_id: str, email_hmac: str, sealed_email: bytes, role: str) -> ConsoleUser:
        """A new user; IntegrityError if the tenant already has one with this address."""
        with self._db.session() as session:
            user = ConsoleUser(
                tenant_id=tenant_id, public_id=public_id, email_hmac=email_hmac, sealed_email=sealed_email, role=role
            )
            session.add(user)
            session.flush()
            return user

    def set_role(self, user_id: int, role: str) -> None:
        with self._db.session() as session:
            session.execute(update(ConsoleUser).where(ConsoleUser.id == user_id).values(role=role))

    @retried_once
    def users_of_tenant(self, tenant_id: int) -> list[ConsoleUser]:
        """The tenant's users, oldest first."""
        with self._db.session() as session:
            query = select(ConsoleUser).where(ConsoleUser.tenant_id == tenant_id).order_by(ConsoleUser.id)
            return list(session.scalars(query))

    @retried_once
    def user_by_public_id(self, tenant_id: int, public_id: str) -> ConsoleUser | None:
        if unstorable(public_id):
            return None
        with self._db.session() as session:
            query = select(ConsoleUser).where(ConsoleUser.tenant_id == tenant_id, ConsoleUser.public_id == public_id)
            return session.scalars(query).first()

    def change_keeping_an_owner(self, tenant_id: int, user_id: int, role: str | None) -> bool:
        """Give the user `role`, or remove them (None) with their sessions and sign-in links, in one transaction,
        unless that leaves the tenant without an owner: whether it was done.

        The tenant's owner rows are written (to what they hold) before they are read: that locks them on
        PostgreSQL and takes SQLite's write lock before its snapshot, so of two owners demoting each other at once
        the second waits, then sees the first's change and is refused.
        """
        with self._db.session() as session:
            is_owner = (ConsoleUser.tenant_id == tenant_id, ConsoleUser.role == "owner")
            session.execute(update(ConsoleUser).where(*is_owner).values(role=ConsoleUser.role))
            owner_ids = set(session.scalars(select(ConsoleUser.id).where(*is_owner)))
            if role != "owner" and owner_ids == {user_id}:
                return False
            if role is None:
                session.execute(delete(ConsoleSession).where(ConsoleSession.user_id == user_id))
                session.execute(delete(ConsoleSignIn).where(ConsoleSignIn.user_id == user_id))
                session.execute(delete(ConsoleUser).where(ConsoleUser.id == user_id))
            else:
                session.execute(update(ConsoleUser).where(ConsoleUser.id == user_id).values(role=role))
            return True

    @retried_once
    def users_by_email_hmac(self, email_hmac: str) -> list[ConsoleUser]:
        """Every tenant's user with this address (one address may be a user of several tenants), oldest first."""
        with self._db.session() as session:
            query = select(ConsoleUser).where(ConsoleUser.email_hmac == email_hmac).order_by(ConsoleUser.id)
            return list(session.scalars(query))

    @retried_once
    def user_in_tenant(self, tenant_id: int, email_hmac: str) -> ConsoleUser | None:
        with self._db.session() as session:
            query = select(ConsoleUser).where(ConsoleUser.tenant_id == tenant_id, ConsoleUser.email_hmac == email_hmac)
            return session.scalars(query).first()

    @retried_once
    def user_by_id(self, user_id: int) -> ConsoleUser | None:
        with self._db.session() as session:
            return session.get(ConsoleUser, user_id)

    def add_sign_in(self, user_id: int, secret_hash: str, now: dt.datetime, expires_at: dt.datetime) -> None:
        with self._db.session() as session:
            session.add(ConsoleSignIn(user_id=user_id, secret_hash=secret_hash, created_at=now, expires_at=expires_at))

    @retried_once
    def sign_in_by_hash(self, secret_hash: str) -> ConsoleSignIn | None:
        with self._db.session() as session:
            return session.scalars(select(ConsoleSignIn).where(ConsoleSignIn.secret_hash == secret_hash)).first()

    def use_sign_in(self, secret_hash: str, now: dt.datetime) -> int | None:
        """Use an unused, unexpired sign-in link, atomically (of two parallel uses one wins): its user's id."""
        with self._db.session() as session:
            used = session.execute(
                update(ConsoleSignIn)
                .where(
                    ConsoleSignIn.secret_hash == secret_hash,
                    ConsoleSignIn.used_at.is_(None),
                    ConsoleSignIn.expires_at > now,
                )
                .values(used_at=now)
                .returning(ConsoleSignIn.user_id)
            ).first()
            return int(used[0]) if used else None

    def add_session(self, user_id: int, id_hash: str, now: dt.datetime) -> None:
        """A new session, noted as the user's last sign-in."""
        with self._db.session() as session:
            session.add(ConsoleSession(user_id=user_id, id_hash=id_hash, created_at=now, last_seen_at=now))
            session.execute(update(ConsoleUser).where(ConsoleUser.id == user_id).values(last_sign_in_at=now))

    @retried_once
    def live_session(self, id_hash: str) -> ConsoleSession | None:
        """The session with this cookie's hash, unless it was ended."""
        with self._db.session() as session:
            query = select(ConsoleSession).where(ConsoleSession.id_hash == id_hash, ConsoleSession.ended_at.is_(None))
            return session.scalars(query).first()

    def touch_session(self, session_id: int, now: dt.datetime) -> None:
        with self._db.session() as session:
            session.execute(update(ConsoleSession).where(ConsoleSession.id == session_id).values(last_seen_at=now))

    def end_session(self, id_hash: str, now: dt.datetime) -> bool:
        """End a live session; whether there was one."""
        with self._db.session() as session:
            ended = session.execute(
                update(ConsoleSession)
                .where(ConsoleSession.id_hash == id_hash, ConsoleSession.ended_at.is_(None))
                .values(ended_at=now)
            )
            return bool(ended.rowcount)  # type: ignore[attr-defined]

    def purge_sign_ins(self, expired_before: dt.datetime) -> int:
        """Forget sign-in links that expired before `expired_before`, used or not: how many."""
        with self._db.session() as session:
            purged = session.execute(delete(ConsoleSignIn).where(ConsoleSignIn.expires_at < expired_before))
            return int(purged.rowcount)  # type: ignore[attr-defined]

    def purge_sessions(self, idle_before: dt.datetime, created_before: dt.datetime) -> int:
        """Forget sessions that ended, were last seen before `idle_before` or began before `created_before`."""
        with self._db.session() as session:
            purged = session.execute(
                delete(ConsoleSession).where(
                    or_(
                        ConsoleSession.ended_at.is_not(None),
                        ConsoleSession.last_seen_at < idle_before,
                        ConsoleSession.created_at < created_before,
                    )
                )
            )
            return int(purged.rowcount)  # type: ignore[attr-defined]
