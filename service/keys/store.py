"""Queries of the keysets table."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.db.database import Database, retried_once, unstorable
from service.errors import Conflict, KeysetNotFound
from service.keys.models import Keyset


class KeysetStore:
    """Keysets by name, the default one, and the kid tenants were last told signs."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_keyset(self, name: str, secret_id: str, alg: str, is_default: bool) -> Keyset:
        try:
            with self._db.session() as session:
                if is_default:
                    for other in session.scalars(select(Keyset).where(Keyset.is_default.is_(True))):
                        other.is_default = False
                keyset = Keyset(name=name, secret_id=secret_id, alg=alg, is_default=is_default)
                session.add(keyset)
                session.flush()
                return keyset
        except IntegrityError:
            raise Conflict(f"A keyset named {name!r} already exists.") from None

    def keyset_by_name(self, name: str) -> Keyset:
        keyset = self.find_keyset(name)
        if keyset is None:
            raise KeysetNotFound(f"No keyset named {name!r}.")
        return keyset

    @retried_once
    def find_keyset(self, name: str) -> Keyset | None:
        if unstorable(name):
            return None
        with self._db.session() as session:
            return session.scalar(select(Keyset).where(Keyset.name == name))

    @retried_once
    def default_keyset(self) -> Keyset:
        with self._db.session() as session:
            keyset = session.scalar(select(Keyset).where(Keyset.is_default.is_(True)))
            if keyset is None:
                keyset = session.scalar(select(Keyset).order_by(Keyset.id))
            if keyset is None:
                raise KeysetNotFound("No keyset exists yet; create one with `flask --app service keysets create`.")
            return keyset

    @retried_once
    def list_keysets(self) -> list[Keyset]:
        with self._db.session() as session:
            return list(session.scalars(select(Keyset).order_by(Keyset.id)))

    @staticmethod
    def claim_announcement_in(session: Session, keyset_id: int, previous: str | None, kid: str) -> bool:
        """Note in `session` that `kid` signs now (it was `previous`); False if another caller did it first."""
        column = Keyset.announced_kid
        result = session.execute(
            update(Keyset)
            .where(Keyset.id == keyset_id, column.is_(None) if previous is None else column == previous)
            .values(announced_kid=kid)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]
