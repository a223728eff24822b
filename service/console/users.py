"""Console users: a tenant's people and their roles; their addresses sealed, and found by a keyed hash.

Privacy: the console must show an owner whom their users are, so an address cannot be only hashed. It is
sealed (AES-GCM) under a key derived from SERVER_SECRET and bound to the user's public id, and looked up by
an HMAC under another key derived from SERVER_SECRET: the database alone reveals no address and cannot be
searched with a list of guessed ones. Whoever holds both the database and SERVER_SECRET can read them; a new
SERVER_SECRET makes every address unreadable and unfindable (the users are then added again).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import hmac
import secrets

from sqlalchemy.exc import IntegrityError

from service import sealing
from service.console.models import ConsoleUser
from service.console.store import ConsoleStore
from service.errors import Conflict, NotFound

_PUBLIC_ID_PREFIX = "cu_"
_SEALING_PURPOSE = b"console user address"
_LOOKUP_PURPOSE = b"console user address lookup v1"
MAX_ADDRESS_CHARS = 254  # RFC 5321's limit on a path


class Role(enum.Enum):
    OWNER = "owner"  # everything, users and API keys included
    ADMIN = "admin"  # links, webhooks; profiles read
    VIEWER = "viewer"  # reads only

    @property
    def may_change_links(self) -> bool:
        return self in (Role.OWNER, Role.ADMIN)


class UserExists(Conflict):
    """The tenant already has a console user with this address."""


class LastOwner(Conflict):
    """The change would leave the tenant without an owner (so no one could manage its users and API keys)."""


class UserNotFound(NotFound):
    """The tenant has no console user with this id."""


@dataclasses.dataclass(frozen=True)
class User:
    """A console user as the console sees one: never the address, unless opened on purpose (`address_of`)."""

    id: int
    public_id: str
    tenant_id: int
    role: Role


@dataclasses.dataclass(frozen=True)
class Member:
    """A console user as their tenant's owner sees one: with the address (None if it cannot be opened)."""

    user: User
    address: str | None
    created_at: dt.datetime
    last_sign_in_at: dt.datetime | None


def normalise_address(address: str) -> str:
    """The form an address is looked up by: trimmed, lower case (mail systems treat case alike in practice)."""
    return address.strip().lower()


def plausible_address(address: str) -> bool:
    """Whether `address` could be an email address: something@domain.tld, no spaces, within RFC 5321's length."""
    local, at, domain = normalise_address(address).rpartition("@")
    return (
        bool(at and local and "." in domain.strip("."))
        and len(address.strip()) <= MAX_ADDRESS_CHARS
        and not any(c.isspace() or ord(c) < 32 for c in address.strip())
    )


def _user(row: ConsoleUser) -> User:
    return User(id=row.id, public_id=row.public_id, tenant_id=row.tenant_id, role=Role(row.role))


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; every time we store is UTC.
    return moment.replace(tzinfo=dt.UTC) if moment is not None and moment.tzinfo is None else moment


class ConsoleUsers:
    def __init__(self, store: ConsoleStore, server_secret: str) -> None:
        self._store = store
        self._secret = server_secret.encode()
        self._lookup_key = hmac.new(self._secret, _LOOKUP_PURPOSE, hashlib.sha256).digest()

    def address_key(self, address: str) -> str:
        """The keyed hash an address is found by (also what rate limits count, never the address)."""
        return hmac.new(self._lookup_key, normalise_address(address).encode(), hashlib.sha256).hexdigest()

    def add(self, tenant_id: int, address: str, role: Role) -> User:
        """A new user of the tenant; UserExists if it has one with this address."""
        public_id = _PUBLIC_ID_PREFIX + secrets.token_urlsafe(12)
        sealed = sealing.seal(self._secret, _SEALING_PURPOSE, public_id.encode(), {"email": address.strip()})
        try:
            row = self._store.add_user(tenant_id, public_id, self.address_key(address), sealed, role.value)
        except IntegrityError:
            raise UserExists("This tenant already has a console user with that address.") from None
        return _user(row)

    def find(self, address: str) -> list[User]:
        """Every tenant's user with this address."""
        return [_user(row) for row in self._store.users_by_email_hmac(self.address_key(address))]

    def in_tenant(self, tenant_id: int, address: str) -> User | None:
        row = self._store.user_in_tenant(tenant_id, self.address_key(address))
        return _user(row) if row is not None else None

    def by_id(self, user_id: int) -> User | None:
        row = self._store.user_by_id(user_id)
        return _user(row) if row is not None else None

    def address_of(self, user_id: int) -> str | None:
        """The user's address, opened (None if sealed under another SERVER_SECRET or no such user)."""
        row = self._store.user_by_id(user_id)
        return self._opened(row) if row is not None else None

    def _opened(self, row: ConsoleUser) -> str | None:
        content = sealing.unseal(self._secret, _SEALING_PURPOSE, row.public_id.encode(), row.sealed_email)
        return str(content["email"]) if content else None

    def _member(self, row: ConsoleUser) -> Member:
        return Member(
            _user(row), self._opened(row), _aware(row.created_at) or row.created_at, _aware(row.last_sign_in_at)
        )

    def members(self, tenant_id: int) -> list[Member]:
        """The tenant's users with their addresses opened, for its owner: oldest first."""
        return [self._member(row) for row in self._store.users_of_tenant(tenant_id)]

    def member(self, tenant_id: int, public_id: str) -> Member:
        """One of the tenant's users by public id; UserNotFound for any other id."""
        row = self._store.user_by_public_id(tenant_id, public_id)
        if row is None:
            raise UserNotFound("This account has no console user with that id.")
        return self._member(row)

    def set_role(self, tenant_id: int, public_id: str, role: Role) -> User:
        """Give one of the tenant's users a role; LastOwner if that would leave the tenant without an owner."""
        user = self.member(tenant_id, public_id).user
        if not self._store.change_keeping_an_owner(tenant_id, user.id, role.value):
            raise LastOwner("The account's last owner cannot become an admin or a viewer.")
        return dataclasses.replace(user, role=role)

    def remove(self, tenant_id: int, public_id: str) -> User:
        """Remove one of the tenant's users, ending their sessions and sign-in links; LastOwner for its last owner."""
        user = self.member(tenant_id, public_id).user
        if not self._store.change_keeping_an_owner(tenant_id, user.id, None):
            raise LastOwner("The account's last owner cannot be removed.")
        return user
