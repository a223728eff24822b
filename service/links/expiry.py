"""`link.expired`: announced for each link that expired unused, once, to tenants whose endpoints want it.

No request reports an expiry, so the webhook dispatcher's sweeper runs this in its loop. Each announcement is a
conditional UPDATE with its events in one transaction, so two sweepers announce each link once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from service.links.launch_links import LinkState
from service.links.store import LinkStore
from service.webhooks.events import Outbox
from service.webhooks.store import WebhookStore

# Links announced per sweep; the rest go in the next one.
BATCH = 200
EVENT_TYPE = "link.expired"


class LinkExpiry:
    def __init__(self, store: LinkStore, webhooks: WebhookStore, outbox: Outbox, clock: Callable[[], float]) -> None:
        self._store = store
        self._webhooks = webhooks
        self._outbox = outbox
        self._clock = clock

    def announce(self) -> int:
        """Announce up to BATCH expired links; how many were announced by this call."""
        now = dt.datetime.fromtimestamp(self._clock(), dt.UTC)
        since = self._webhooks.listening_since(EVENT_TYPE)
        announced = 0
        for link in self._store.expired_links_to_announce(since, now, BATCH):
            events = self._outbox.link_event(
                link.tenant_id, "expired", link.public_id, link.profile, LinkState.EXPIRED.value, None
            )
            announced += self._store.announce_link_expired(link.id, now, events)
        return announced
