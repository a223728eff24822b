"""The sweeper: announces what no request reports. A link that expired unused (`link.expired`), and a keyset
whose signing key changed (`keyset.rotated`), whether `keysets promote` or the rotation function changed it.

It runs in the dispatcher's loop. Each announcement is a conditional UPDATE with its events in one
transaction, so two sweepers (two dispatchers) announce each thing once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from service.db.database import Database
from service.keys.jwks import keyset_ref
from service.keys.material import SIGNING_STAGE
from service.keys.models import Keyset
from service.keys.rotation import PREVIOUS_STAGE
from service.keys.source import KeySource
from service.keys.store import KeysetStore
from service.profiles.store import ProfileStore
from service.webhooks.events import KEYSET_ROTATED, Outbox
from service.webhooks.outbox import add_outbox

log = logging.getLogger(__name__)


class Sweeper:
    """Runs each announcement; `link_expiry` (the links feature's `LinkExpiry.announce`) announces expired links."""

    def __init__(
        self,
        db: Database,
        keysets: KeysetStore,
        profiles: ProfileStore,
        outbox: Outbox,
        key_source: KeySource,
        link_expiry: Callable[[], int],
    ) -> None:
        self._db = db
        self._keysets = keysets
        self._profiles = profiles
        self._outbox = outbox
        self._keys = key_source
        self._link_expiry = link_expiry

    def sweep(self) -> int:
        """Announce expired links and new signing keys; how many announcements were written."""
        return self.announce_expired_links() + self.announce_signing_keys()

    def announce_expired_links(self) -> int:
        return self._link_expiry()

    def announce_signing_keys(self) -> int:
        """Announce keysets whose signing key changed since the last announcement, as this process sees them.

        Only a change this process has caught up with: the key that signs before it (AWSPREVIOUS) must be the
        one announced. A process whose copy of the keys is older than an announcement made elsewhere (`keysets
        promote`) sees the announced key pending or not at all, and announces nothing; nor does one that missed
        two rotations in a row (they are at least the publish and retire windows apart, far more than a sweep).
        """
        announced = 0
        for keyset in self._keysets.list_keysets():
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
            for tenant_id in self._profiles.tenants_of_keyset(keyset.id):
                events += self._outbox.event(tenant_id, KEYSET_ROTATED, data)
        # The keyset's note and the tenants' events commit together: of two sweepers, one announces.
        with self._db.session() as session:
            done = KeysetStore.claim_announcement_in(session, keyset.id, before, kid)
            if done:
                add_outbox(session, events)
        if done and previous_kid is not None:
            log.info("keyset rotation announced", extra={"keyset": keyset.name, "kid": kid, "tenants": len(events)})
        return done and previous_kid is not None
