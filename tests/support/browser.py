"""Debian's headless Chromium for the browser tests: where it is, how it is launched, what a failure report needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium reaches for Google's services, and the closed
# network refuses it; QUIC, sync and component updates would do the same. Playwright gives each
# launch a new empty user data dir and adds --headless itself; it is named here too, to be explicit.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Playwright's default per-action wait is 30 s; a local page answers in milliseconds, so fail sooner.
TIMEOUT_MS = 10_000


@dataclass
class PageWatch:
    """What the failure report needs about a test's page: the page, where to save, what it logged."""

    page: Page
    directory: Path
    log: list[str] = field(default_factory=list)


# Where a test's PageWatch is kept on its pytest item, for the report hook.
PAGE_WATCH = pytest.StashKey[PageWatch]()
