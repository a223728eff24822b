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
from service.keys.jwks import keyset_ref
from service.keys.material import SIGNING_STAGE
from service.keys.rotation import PREVIOUS_STAGE
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
                link.tenant_id, "expired", link.public_id, link.profile, LinkState.EXPIRED.value, None
            )
            announced += self._store.announce_link_expired(link.id, now, events)
        return announced

    def announce_signing_keys(self) -> int:
        """Announce keysets whose signing key changed since the last announcement, as this process sees them.

        Only a change this process has caught up with: the key that signs before it (AWSPREVIOUS) must be the
        one announced. A process whose copy of the keys is older than an announcement made elsewhere (`keysets
        promote`) sees the announced key pending or not at all, and announces nothing; nor does one that missed
        two rotations in a row (they are at least the publish and retire windows apart, far more than a sweep).
        """
        announced = 0
        for keyset in self._store.list_keysets():
            stages = self._keys.kids_by_stage(keyset_ref(keyset))
            current, before = stages.get(SIGNING_STAGE), keyset.announced_kid
            if current is None or current == before:
                continue
            if before is None or stages.get(PREVIOUS_STAGE) == before:
                announced += self.announce_signing_key(keyset, current, before)
        return announced

    def announce_signing_key(self, keyset: Keyset, kid: str, previous_kid: str | None) -> bool:
        """`keyset.rotated` (`kid` signs now, after `previous_kid`) to every tenant signing with `keyset`, once.

        Without a previous kid (a keyset seen for the first time) the kid is only noted: nothing rotated.
        """
        before = keyset.announced_kid
        if before == kid:
            return False
        events = []
        if previous_kid is not None:
            data = {"keyset": keyset.name, "kid": kid, "previousKid": previous_kid, "requestId": None}
            for tenant_id in self._store.tenants_of_keyset(keyset.id):
                events += self._outbox.event(tenant_id, KEYSET_ROTATED, data)
        done = self._store.announce_signing_kid(keyset.id, before, kid, events)
        if done and previous_kid is not None:
            log.info("keyset rotation announced", extra={"keyset": keyset.name, "kid": kid, "tenants": len(events)})
        return done and previous_kid is not None
