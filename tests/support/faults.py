"""Faults to patch in: the database dropping a connection in the middle of a query."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import OperationalError


def lost_connection(*_: Any, **__: Any) -> None:
    """Patched over a store method: it fails as a query on a connection the server closed does."""
    raise OperationalError("SELECT launch_links ...", {}, Exception("server closed the connection"))
