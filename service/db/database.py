"""The engine, its sessions and the short-lived read cache, shared by every feature's store."""

from __future__ import annotations

import functools
import logging
import re
import select
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from service.config import sqlalchemy_url
from service.db.read_cache import ReadCache

log = logging.getLogger(__name__)
# SQLite waits this long for a writer's lock instead of failing at once under concurrent requests.
_SQLITE_BUSY_TIMEOUT_MS = 5000
# How long opening a PostgreSQL connection may take (psycopg's connect_timeout, in seconds).
_CONNECT_TIMEOUT_S = 5
# A pooled connection idle longer than this is pinged before use, whatever its socket says (_ping_when_in_doubt).
_PING_AFTER_IDLE_SECONDS = 30.0
_IDLE_SINCE = "broker_idle_since"
# Noted on a driver's error raised while opening a connection: a server, database or file that cannot be
# reached, as opposed to a statement that failed on a connection that worked.
_CONNECT_NOTE = "(raised while connecting to the database)"
# The parts of psycopg's message that say where it connected (said better from the URL) and the severity.
_PSYCOPG_NOISE = (
    re.compile(r"^connection failed: "),
    re.compile(r"^connection to server (?:at|on) .*? failed: "),
    re.compile(r"^(?:FATAL|ERROR): +"),
)


def make_engine(database_url: str) -> Engine:
    """An engine for SQLite (the embedded default) or PostgreSQL."""
    # psycopg 3 is the driver we ship; operators paste postgresql:// or postgres:// URLs.
    database_url = sqlalchemy_url(database_url)
    # hide_parameters: an error's text (which a 500's log line carries) never holds a statement's values,
    # which can be a hashed recipient, a sealed address or a webhook payload.
    if database_url.startswith("sqlite"):
        engine = create_engine(database_url, connect_args={"check_same_thread": False}, hide_parameters=True)
        _note_connect_failures(engine)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL never corrupts and survives an application crash; only an OS crash or power
            # loss may drop the last commits. It saves a disk sync per request (about 1 ms here).
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
            cursor.close()

        return engine
    # A server that does not answer fails the connection in seconds, not at the kernel's TCP timeout (minutes),
    # unless the URL sets its own connect_timeout.
    connect_args = {} if "connect_timeout" in make_url(database_url).query else {"connect_timeout": _CONNECT_TIMEOUT_S}
    engine = create_engine(database_url, hide_parameters=True, connect_args=connect_args)
    _note_connect_failures(engine)
    _ping_when_in_doubt(engine)
    return engine


def _ping_when_in_doubt(engine: Engine) -> None:
    """SQLAlchemy's pre-ping, for the connections that may have died: not a round trip per checkout.

    A pooled connection is pinged (`SELECT 1`; if that fails, the pool drops it and takes a fresh one) when
    PostgreSQL has said something on it while it sat idle (its socket is readable: a terminated backend, a
    restart or a failover closes the socket and sends the reason), or when it idled longer than
    `_PING_AFTER_IDLE_SECONDS` (a firewall or NAT may have forgotten it without a word). A connection handed
    back a moment ago with nothing to read is used as it is: under load that skips a round trip per request,
    which on a busy database costs more than the statement after it (docs/performance.md).
    """

    @event.listens_for(engine, "connect")
    def _fresh(_dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _idle(_dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get(_IDLE_SINCE)
        recent = idle_since is not None and time.monotonic() - idle_since < _PING_AFTER_IDLE_SECONDS
        if recent and not _readable(dbapi_connection):
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            # The pool invalidates this connection and checks out another (a fresh one if none is left).
            raise DisconnectionError(f"a pooled connection failed its ping: {type(error).__name__}") from error


def _readable(dbapi_connection: Any) -> bool:
    """Whether the server sent anything to an idle connection (no query of ours is waiting for an answer)."""
    try:
        poller = select.poll()
        poller.register(dbapi_connection.fileno(), select.POLLIN | select.POLLPRI)
        return bool(poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return True  # no socket to ask: ping


def _note_connect_failures(engine: Engine) -> None:
    """Mark a driver's error raised while connecting, so `unreachable` can tell it from a failed statement."""

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        try:
            return dialect.connect(*cargs, **cparams)
        except Exception as error:
            error.add_note(_CONNECT_NOTE)
            raise


def unreachable(database_url: str, error: BaseException) -> str | None:
    """ "cannot connect to host:port/db as user: why" if `error` is a failure to connect, else None.

    One line, from the URL's parts and the driver's reason; never the password, also if the driver repeats it.
    """
    cause = getattr(error, "orig", None) or error
    if _CONNECT_NOTE not in getattr(cause, "__notes__", ()):
        return None
    url = make_url(sqlalchemy_url(database_url))
    lines = str(cause).split("Multiple connection attempts failed", 1)[0].splitlines()
    parts = []
    for line in filter(None, (line.strip() for line in lines)):
        for noise in _PSYCOPG_NOISE:
            line = noise.sub("", line)
        parts.append(line[:1].lower() + line[1:] if line[1:2].islower() else line)
    reason = "; ".join(parts) or type(cause).__name__
    if url.password:
        reason = reason.replace(url.password, "***")
    if url.get_backend_name() == "sqlite":
        return f"cannot open the SQLite database {url.database or '(in memory)'}: {reason}"
    host = f"{url.host}:{url.port or 5432}" if url.host else "the local socket"
    user = f" as {url.username}" if url.username else ""
    return f"cannot connect to {host}/{url.database or ''}{user}: {reason}"


_T = TypeVar("_T")


def retried_once(method: Callable[..., _T]) -> Callable[..., _T]:
    """Run a statement that is safe to repeat again, once, on a fresh connection if its connection died.

    A pooled connection is checked when it is taken from the pool (_ping_when_in_doubt); one cut while in use (a
    database restart, a failover, pg_terminate_backend) fails the statement with the connection marked
    invalidated, and the pool drops it. Only reads and writes whose condition makes a second run a no-op
    may be retried: anything else could be done twice.
    """

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> _T:
        try:
            return method(*args, **kwargs)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            log.warning("database connection lost; retrying once on a fresh one", extra={"operation": method.__name__})
            return method(*args, **kwargs)

    return wrapper


def unstorable(text: str) -> bool:
    """Text no row holds: PostgreSQL text refuses NUL, so a lookup by it fails the statement (a 500) instead of
    finding nothing. Ids, names and keys from a request are checked with this before they reach a query."""
    return "\x00" in text


class Database:
    """One engine and its sessions. Stores open a short session per call; work that must commit together opens
    one with `session()` and hands it to each store's `*_in(session, ...)` method (a unit of work)."""

    def __init__(self, engine: Engine, cache_seconds: int = 0) -> None:
        self.engine = engine
        self.cache_seconds = cache_seconds
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
        # API keys, profiles and webhook routes, read on every request, are reused for a bounded time.
        self.cache = ReadCache(cache_seconds)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction, committed when the block ends (rolled back on an exception)."""
        with self._sessions() as session, session.begin():
            yield session

    @property
    def postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def single_statement(self) -> Iterator[Connection]:
        """A connection without BEGIN and COMMIT: each statement is its own transaction.

        For work one statement does whole (PostgreSQL's data-modifying WITH): it commits in one round trip
        instead of three (BEGIN, the statement, COMMIT), and is atomic as any transaction is.
        """
        with self._autocommit.connect() as connection:
            yield connection

    @retried_once
    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
