"""A statement that is safe to repeat is retried once on a fresh connection when its connection died."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import DBAPIError

from service.db.database import retried_once


def _failure(invalidated: bool) -> DBAPIError:
    return DBAPIError("SELECT 1", {}, Exception("terminating connection"), connection_invalidated=invalidated)


def test_a_dropped_connection_is_retried_once(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    @retried_once
    def read() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise _failure(invalidated=True)
        return "row"

    with caplog.at_level(logging.WARNING, logger="service.db.database"):
        assert read() == "row"
    assert len(calls) == 2
    assert [r.__dict__["operation"] for r in caplog.records] == ["read"]
    assert "terminating" not in caplog.text


def test_only_once() -> None:
    @retried_once
    def read() -> str:
        raise _failure(invalidated=True)

    with pytest.raises(DBAPIError):
        read()


def test_other_database_errors_are_not_retried() -> None:
    calls: list[int] = []

    @retried_once
    def write() -> None:
        calls.append(1)
        raise _failure(invalidated=False)

    with pytest.raises(DBAPIError):
        write()
    assert calls == [1]
