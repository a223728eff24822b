"""Waiting for something to happen: poll with a deadline, never sleep a fixed time and hope."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest


def wait_until(
    predicate: Callable[[], object],
    *,
    timeout: float,
    interval: float = 0.1,
    what: str = "the condition",
    detail: Callable[[], str] | None = None,
) -> float:
    """Call `predicate` every `interval` s until it returns something true; return the seconds that took.

    At the deadline the test fails, naming `what` it waited for and how long, with `detail()` when given
    (a server's log, say). `predicate` may itself fail the test (pytest.fail) when waiting longer is
    pointless, e.g. when the server it waits for has exited.
    """
    started = time.monotonic()
    deadline = started + timeout
    while not predicate():
        if time.monotonic() >= deadline:
            message = f"waited {timeout:g} s for {what}, in vain"
            pytest.fail(f"{message}:\n{detail()}" if detail is not None else message)
        time.sleep(interval)
    return time.monotonic() - started
