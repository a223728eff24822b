"""Console sessions: server-side and revocable; the cookie holds a random id, the database only its SHA-256.

A session ends when its user signs out, when it has not been used for `idle_seconds`, and in any case
`absolute_seconds` after sign-in. A new id is made at every sign-in (never one the browser brought).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import secrets
from collections.abc import Callable

from service.console.settings import ConsoleSettings
from service.console.store import ConsoleStore
from service.console.users import ConsoleUsers, User

_ID_BYTES = 32
# last_seen_at is written at most this often: a page view is not a database write each time.
_TOUCH_EVERY_SECONDS = 60


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; every time we store is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


@dataclasses.dataclass(frozen=True)
class SignedIn:
    """A live session: whose it is."""

    user: User


class ConsoleSessions:
    def __init__(
        self, store: ConsoleStore, users: ConsoleUsers, settings: ConsoleSettings, clock: Callable[[], float]
    ) -> None:
        self._store = store
        self._users = users
        self._settings = settings
        self._clock = clock

    def _now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    def start(self, user_id: int) -> str:
        """A new session for the user: the cookie's value (a fresh random id)."""
        session_id = secrets.token_urlsafe(_ID_BYTES)
        self._store.add_session(user_id, _hash(session_id), self._now())
        return session_id

    def resolve(self, session_id: str | None) -> SignedIn | None:
        """The live session behind a cookie, noted as used; None (and ended) past its idle or absolute limit."""
        if not session_id:
            return None
        row = self._store.live_session(_hash(session_id))
        if row is None:
            return None
        now = self._now()
        idle = now - _aware(row.last_seen_at)
        if idle.total_seconds() >= self._settings.idle_seconds or (
            (now - _aware(row.created_at)).total_seconds() >= self._settings.absolute_seconds
        ):
            self._store.end_session(row.id_hash, now)
            return None
        user = self._users.by_id(row.user_id)
        if user is None:
            return None
        if idle.total_seconds() >= _TOUCH_EVERY_SECONDS:
            self._store.touch_session(row.id, now)
        return SignedIn(user=user)

    def end(self, session_id: str | None) -> bool:
        """Sign out: the session ends at once, on every instance; whether there was a live one."""
        return bool(session_id) and self._store.end_session(_hash(session_id or ""), self._now())

    def purge(self) -> int:
        """For `links purge`: forget sessions that can no longer sign anyone in (ended, idle or too old); how many.

        A session is dead once ended or past a limit (resolve would end it): its row serves nothing, and the
        sign-in and sign-out stay in the audit trail.
        """
        now = self._now()
        return self._store.purge_sessions(
            idle_before=now - dt.timedelta(seconds=self._settings.idle_seconds),
            created_before=now - dt.timedelta(seconds=self._settings.absolute_seconds),
        )
