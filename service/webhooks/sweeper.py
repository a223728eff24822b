"""The sweeper: announces what no request reports. A link that expired unused (`link.expired`), and a keyset
whose signing key changed (`keyset.rotated`), whether `keysets promote` or the rotation function changed it.

It runs in the dispatcher's loop. Each announcement is a conditional UPDATE with its events in one
transaction, so two sweepers (two dispatchers) announce each thing once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from service.db.models import Keyset
from service.db.store import Store
from service.errors import BrokerError
from service.keys.jwks import keyset_ref
from service.keys.source import KeySource
from service.links.launch_links import LinkState
from service.webhooks.events import KEYSET_ROTATED, Outbox

log = logging.getLogger(__name__)

# Links announced per sweep; the rest go in the next one.
BATCH = 200


class Sweeper:
    def __init__(self, store: Store, outbox: Outbox, key_source: KeySource, clock: Callable[[], float]) -> None:
        self._store = store
        self._outbox = outbox
        self._keys = key_source
        self._clock = clock

    def sweep(self) -> int:
        """Announce expired links and new signing keys; how many announcements were written."""
        return self.announce_expired_links() + self.announce_signing_keys()

    def announce_expired_links(self) -> int:
        now = dt.datetime.fromtimestamp(self._clock(), dt.UTC)
        announced = 0
        for link in self._store.expired_links_to_announce("link.expired", now, BATCH):
            events = self._outbox.link_event(
                link.tenant_id, "expired", link.public_id, link.profile.name, LinkState.EXPIRED.value, None
            )
            announced += self._store.announce_link_expired(link.id, now, events)
        return announced

    def announce_signing_keys(self) -> int:
        announced = 0
        for keyset in self._store.list_keysets():
            try:
                kid = self._keys.signing_key(keyset_ref(keyset)).kid
            except BrokerError:
                continue  # no usable key now: nothing to announce
            announced += self.announce_signing_key(keyset, kid)
        return announced

    def announce_signing_key(self, keyset: Keyset, kid: str) -> bool:
        """`keyset.rotated` to every tenant signing with `keyset` when `kid` is not the kid last announced.

        The first kid seen of a keyset is only noted: a new broker has nothing to announce.
        """
        previous = keyset.announced_kid
        if previous == kid:
            return False
        events = []
        if previous is not None:
            data = {"keyset": keyset.name, "kid": kid, "previousKid": previous, "requestId": None}
            for tenant_id in self._store.tenants_of_keyset(keyset.id):
                events += self._outbox.event(tenant_id, KEYSET_ROTATED, data)
        done = self._store.announce_signing_kid(keyset.id, previous, kid, events)
        if done and previous is not None:
            log.info("keyset rotation announced", extra={"keyset": keyset.name, "kid": kid, "tenants": len(events)})
        return done and previous is not None
