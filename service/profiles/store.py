"""Queries of the profiles table, with the read cache every request goes through."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from service.db.database import Database, retried_once, unstorable
from service.errors import Conflict, ProfileNotFound
from service.profiles.models import Profile


class ProfileStore:
    """Profiles by key or id (cached), by name, and their changes."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_profile(self, **fields: Any) -> Profile:
        try:
            with self._db.session() as session:
                profile = Profile(**fields)
                session.add(profile)
                session.flush()
                return profile
        except IntegrityError:
            raise Conflict("A profile with that key already exists.") from None

    @retried_once
    def profile_by_key(self, profile_key: str) -> Profile:
        """A profile with its keyset loaded (possibly as read up to LOOKUP_CACHE_SECONDS ago), or ProfileNotFound."""
        missing = "No profile with that profile key exists for this API key's tenant."
        if unstorable(profile_key):
            raise ProfileNotFound(missing)
        return self._cached_profile(Profile.profile_key, profile_key, missing)

    def update_profile(self, profile_id: int, **fields: Any) -> Profile:
        with self._db.session() as session:
            profile = session.get(Profile, profile_id)
            if profile is None:
                raise ProfileNotFound("No such profile.")
            for name, value in fields.items():
                setattr(profile, name, value)
        self._db.cache.forget()
        return profile

    @retried_once
    def profile_by_id(self, profile_id: int) -> Profile:
        return self._cached_profile(Profile.id, profile_id, "The link's profile no longer exists.")

    def _cached_profile(self, column: Any, value: object, missing: str) -> Profile:
        def load() -> Profile | None:
            # The SQL expression is built only on a miss: building it costs more than the cache hit.
            with self._db.session() as session:
                return session.scalar(
                    select(Profile)
                    .options(joinedload(Profile.keyset), joinedload(Profile.tenant))
                    .where(column == value)
                )

        profile = self._db.cache.get((column.key, value), load)
        if profile is None:
            raise ProfileNotFound(missing)
        return profile

    def find_profile(self, tenant_id: int, name: str) -> Profile | None:
        with self._db.session() as session:
            return session.scalar(
                select(Profile)
                .options(joinedload(Profile.keyset), joinedload(Profile.tenant))
                .where(Profile.tenant_id == tenant_id, Profile.name == name)
            )

    def list_profiles(self, tenant_id: int | None = None) -> list[Profile]:
        with self._db.session() as session:
            query = select(Profile).options(joinedload(Profile.keyset), joinedload(Profile.tenant)).order_by(Profile.id)
            if tenant_id is not None:
                query = query.where(Profile.tenant_id == tenant_id)
            return list(session.scalars(query))

    @retried_once
    def tenants_of_keyset(self, keyset_id: int) -> list[int]:
        """The tenants with a profile signing with this keyset."""
        with self._db.session() as session:
            return sorted(set(session.scalars(select(Profile.tenant_id).where(Profile.keyset_id == keyset_id))))

    @staticmethod
    def allows_renewal(profile_id: Any, renewals: Any) -> ColumnElement[bool]:
        """SQL: the profile `profile_id` lets a link that had `renewals` renewals be renewed once more."""
        return exists().where(Profile.id == profile_id, Profile.link_renewals > renewals)
