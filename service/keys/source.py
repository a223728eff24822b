"""The key source: each keyset's parsed keys by stage, kept fresh from Secrets Manager by a background refresher."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import threading
import time
import weakref
from collections.abc import Callable

from service import metrics
from service.errors import KeyMaterialError, KeyUnavailable
from service.keys.material import PUBLISHED_STAGES, SIGNING_STAGE, SecretReader, SigningKey, parse_signing_key

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class KeysetRef:
    """What the key source needs to know of a keyset row."""

    name: str
    secret_id: str
    alg: str


@dataclasses.dataclass(frozen=True)
class KeysetSnapshot:
    """A keyset's parsed keys by stage, and when Secrets Manager last confirmed them."""

    keys: dict[str, SigningKey]
    confirmed_at: float


@dataclasses.dataclass(frozen=True)
class KeyStatus:
    """What readiness and the JWKS headers say about a keyset."""

    usable: bool
    age_seconds: float | None
    stale: bool
    kids: list[str]


# A keyset that could not be read at all is not tried again by requests for this long; the background
# refresher keeps trying, so an outage at cold start costs each request nothing after the first.
COLD_RETRY_SECONDS = 5.0
_MAX_TICK_SECONDS = 5.0
_WARN_EVERY_SECONDS = 60.0


class KeySource:
    """Parsed keys of each keyset, kept fresh by a background refresher; requests never wait on it.

    Requests read an in-memory snapshot. A per-process daemon thread re-reads every known keyset through
    the secrets cache (which calls Secrets Manager only when its refresh interval is due). When Secrets
    Manager fails, the last snapshot keeps serving until `max_staleness` after its last confirmation;
    then signing stops (503) while the JWKS keeps publishing what it last knew.
    """

    def __init__(
        self,
        secrets: SecretReader,
        *,
        clock: Callable[[], float] = time.time,
        refresh_seconds: float = 300,
        max_staleness_seconds: float = 3600,
        confirmed_at: Callable[[str], float | None] | None = None,
    ) -> None:
        self._secrets = secrets
        self._clock = clock
        self._tick = min(max(refresh_seconds / 4, 0.25), _MAX_TICK_SECONDS)
        self._max_staleness = max_staleness_seconds
        self._confirmed_at = confirmed_at
        self._parsed: dict[tuple[str, str], SigningKey] = {}
        self._snapshots: dict[KeysetRef, KeysetSnapshot] = {}
        self._failed_at: dict[KeysetRef, float] = {}
        self._lock = threading.Lock()
        self._refresher: threading.Thread | None = None
        self._warned_at: dict[tuple[KeysetRef, str], float] = {}

    def _key_for_stage(self, keyset: KeysetRef, stage: str) -> SigningKey | None:
        try:
            secret_string = self._secrets.get_secret_string(keyset.secret_id, stage)
        except Exception as error:  # noqa: BLE001 - any client failure means: no key from there now.
            self._warn_failure(keyset, stage, type(error).__name__)
            return None
        if secret_string is None:
            return None
        # The digest, not the secret, is the cache key, so the map holds no second copy of key bytes.
        digest = hashlib.sha256(secret_string.encode()).hexdigest()
        cached = self._parsed.get((keyset.alg, digest))
        if cached is not None:
            return cached
        try:
            parsed = parse_signing_key(secret_string, keyset.alg, keyset.name)
        except KeyMaterialError as error:
            log.error("unusable key material", extra={"keyset": keyset.name, "stage": stage, "reason": str(error)})
            return None
        with self._lock:
            self._parsed[(keyset.alg, digest)] = parsed
        return parsed

    def _warn_failure(self, keyset: KeysetRef, stage: str, error_type: str) -> None:
        # The refresher retries every tick during an outage: one warning per keyset and stage a minute is enough.
        now = self._clock()
        if now - self._warned_at.get((keyset, stage), float("-inf")) >= _WARN_EVERY_SECONDS:
            self._warned_at[(keyset, stage)] = now
            log.warning(
                "secrets manager read failed", extra={"keyset": keyset.name, "stage": stage, "error_type": error_type}
            )

    def refresh(self, keyset: KeysetRef) -> KeysetSnapshot | None:
        """Re-read a keyset now (the refresher's job, and a cold start's); keeps the old snapshot on failure."""
        keys = {stage: key for stage in PUBLISHED_STAGES if (key := self._key_for_stage(keyset, stage)) is not None}
        now = self._clock()
        with self._lock:
            if keys:
                confirmed = self._confirmed_at(keyset.secret_id) if self._confirmed_at else None
                self._snapshots[keyset] = KeysetSnapshot(keys=keys, confirmed_at=confirmed or now)
                self._failed_at.pop(keyset, None)
            else:
                self._failed_at[keyset] = now
            snapshot = self._snapshots.get(keyset)
        if snapshot is not None:
            age = self._age(snapshot)
            for stage in snapshot.keys:
                metrics.observe_key_age(keyset.name, stage, age)
        return snapshot

    def _snapshot(self, keyset: KeysetRef) -> KeysetSnapshot | None:
        self._ensure_refresher()
        snapshot = self._snapshots.get(keyset)
        if snapshot is not None:
            return snapshot
        failed = self._failed_at.get(keyset)
        if failed is not None and self._clock() - failed < COLD_RETRY_SECONDS:
            return None
        return self.refresh(keyset)

    def _age(self, snapshot: KeysetSnapshot) -> float:
        return max(self._clock() - snapshot.confirmed_at, 0.0)

    def signing_key(self, keyset: KeysetRef) -> SigningKey:
        """The AWSCURRENT key of a keyset, or KeyUnavailable (503) if there is none or it is too stale."""
        snapshot = self._snapshot(keyset)
        if snapshot is None or SIGNING_STAGE not in snapshot.keys:
            raise KeyUnavailable(f"Keyset {keyset.name!r} has no usable signing key right now.")
        age = self._age(snapshot)
        if age > self._max_staleness:
            raise KeyUnavailable(
                f"Keyset {keyset.name!r}: Secrets Manager has not confirmed its keys for {age:.0f} s "
                f"(at most {self._max_staleness:.0f} s are allowed); not signing until it does."
            )
        return snapshot.keys[SIGNING_STAGE]

    def published_keys(self, keyset: KeysetRef) -> list[SigningKey]:
        """The keys of every published stage, without duplicates, stale or not; KeyUnavailable if none."""
        snapshot = self._snapshot(keyset)
        if snapshot is None:
            # An empty key set would make every relying party reject every token; 503 says "try again".
            raise KeyUnavailable(f"Keyset {keyset.name!r} has no usable key to publish right now.")
        keys: dict[str, SigningKey] = {}
        for stage in PUBLISHED_STAGES:
            if stage in snapshot.keys:
                keys.setdefault(snapshot.keys[stage].kid, snapshot.keys[stage])
        return list(keys.values())

    def kids_by_stage(self, keyset: KeysetRef) -> dict[str, str]:
        """The kid of each published stage as this process last read them (empty when it has none)."""
        snapshot = self._snapshot(keyset)
        return {stage: key.kid for stage, key in snapshot.keys.items()} if snapshot is not None else {}

    def status(self, keyset: KeysetRef) -> KeyStatus:
        snapshot = self._snapshot(keyset)
        if snapshot is None:
            return KeyStatus(usable=False, age_seconds=None, stale=True, kids=[])
        age = self._age(snapshot)
        stale = age > self._max_staleness
        usable = SIGNING_STAGE in snapshot.keys and not stale
        return KeyStatus(
            usable=usable, age_seconds=round(age, 1), stale=stale, kids=[k.kid for k in snapshot.keys.values()]
        )

    def _ensure_refresher(self) -> None:
        if self._refresher is not None and self._refresher.is_alive():
            return
        with self._lock:
            if self._refresher is None or not self._refresher.is_alive():
                # Started lazily, so each gunicorn worker (forked after import) runs its own.
                self._refresher = threading.Thread(
                    target=_refresh_loop, args=(weakref.ref(self), self._tick), name="key-refresher", daemon=True
                )
                self._refresher.start()

    def known_keysets(self) -> list[KeysetRef]:
        return list({*self._snapshots, *self._failed_at})


def _refresh_loop(source_ref: weakref.ref[KeySource], tick: float) -> None:
    """Refresh every known keyset each tick, until the key source is gone (its app was discarded)."""
    while True:
        time.sleep(tick)
        source = source_ref()
        if source is None:
            return
        for keyset in source.known_keysets():
            source.refresh(keyset)
        del source
