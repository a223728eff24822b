"""A short-lived read cache for what every request looks up: its API key, and the profile it names.

Entries live `seconds` (LOOKUP_CACHE_SECONDS): that is how late another instance's revocation of an API
key or change of a profile takes effect here. This instance's own writes forget the entry at once. Only
found rows are kept, so an unknown key never fills the cache.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import TypeVar

from cachetools import TTLCache

T = TypeVar("T")
# Far above the API keys and profiles one broker serves; bounds memory if callers cycle through many.
MAX_ENTRIES = 10_000


class ReadCache:
    def __init__(self, seconds: int) -> None:
        # Monotonic, not the app's clock: staleness is real elapsed time, whatever clock the tokens use.
        self._entries: TTLCache[Hashable, object] | None = (
            TTLCache(MAX_ENTRIES, ttl=seconds, timer=time.monotonic) if seconds > 0 else None
        )
        self._lock = threading.Lock()

    def get(self, key: Hashable, load: Callable[[], T | None]) -> T | None:
        """The cached value for `key`, or what `load` returns (kept unless None)."""
        if self._entries is None:
            return load()
        with self._lock:
            value = self._entries.get(key)
        if value is not None:
            return value  # type: ignore[return-value]
        value = load()
        if value is not None:
            with self._lock:
                self._entries[key] = value
        return value

    def peek(self, key: Hashable) -> object | None:
        """The cached value for `key`, if any; never loads."""
        if self._entries is None:
            return None
        with self._lock:
            return self._entries.get(key)

    def forget(self, key: Hashable | None = None) -> None:
        """Drop one entry, or all of them."""
        if self._entries is None:
            return
        with self._lock:
            if key is None:
                self._entries.clear()
            else:
                self._entries.pop(key, None)
