"""Who is calling: an authenticated API key, as the request path carries it."""

from __future__ import annotations

import dataclasses

from service.apikeys.credentials import TEST_API_KEY_PREFIX


@dataclasses.dataclass(frozen=True)
class Caller:
    """An authenticated API key: who is calling, with which scopes."""

    api_key_id: int
    prefix: str
    tenant_id: int
    scopes: frozenset[str]
    # None: the broker's default (RATE_LIMIT).
    rate_limit: str | None = None

    @property
    def test(self) -> bool:
        """A test-mode key: it mints only for test profiles, and its mails go to the test inbox."""
        return self.prefix.startswith(TEST_API_KEY_PREFIX)
