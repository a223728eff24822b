"""The declarative base every feature's tables (`<feature>/models.py`) derive from."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


def utcnow() -> dt.datetime:
    """The default of `created_at` columns."""
    return dt.datetime.now(dt.UTC)
