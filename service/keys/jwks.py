"""The JWKS as served: which keyset, which keys, the exact bytes and their ETag."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from service.errors import KeysetNotFound, KeyUnavailable
from service.keys.material import SigningKey
from service.keys.models import Keyset
from service.keys.source import KeysetRef, KeySource, KeyStatus
from service.keys.store import KeysetStore


def keyset_ref(keyset: Keyset) -> KeysetRef:
    return KeysetRef(name=keyset.name, secret_id=keyset.secret_id, alg=keyset.alg)


@dataclasses.dataclass(frozen=True)
class PublishedJwks:
    body: bytes
    etag: str
    # Fresh, or what was last known while Secrets Manager cannot be read (the JWKS still serves it).
    status: KeyStatus | None = None


class JwksPublisher:
    def __init__(self, store: KeysetStore, key_source: KeySource) -> None:
        self._store = store
        self._keys = key_source
        # A kid is the thumbprint of its public key, so the same kids always make the same document.
        self._documents: dict[tuple[str, ...], PublishedJwks] = {}

    def for_keyset(self, keyset: Keyset) -> PublishedJwks:
        """The JWKS of one keyset; KeyUnavailable (503) rather than an empty set."""
        ref = keyset_ref(keyset)
        keys = self._keys.published_keys(ref)
        kids = tuple(key.kid for key in keys)
        published = self._documents.get(kids)
        if published is None:
            body = jwks_json_bytes(keys)
            published = PublishedJwks(body=body, etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"')
            self._documents[kids] = published
        return dataclasses.replace(published, status=self._keys.status(ref))

    def by_name(self, name: str | None) -> PublishedJwks:
        """`None` names the default keyset (served at /.well-known/jwks.json)."""
        if name is not None:
            return self.for_keyset(self._store.keyset_by_name(name))
        try:
            keyset = self._store.default_keyset()
        except KeysetNotFound:
            # The well-known route always exists; a broker without keys has nothing usable to serve yet.
            raise KeyUnavailable("No keyset is configured yet, so there is no key to publish.") from None
        return self.for_keyset(keyset)


def jwks_document(keys: Sequence[SigningKey]) -> dict[str, Any]:
    """The JWKS JSON object for these keys: public members only."""
    return {"keys": [key.public_jwk() for key in keys]}


def jwks_json_bytes(keys: Sequence[SigningKey]) -> bytes:
    """The JWKS exactly as served (stable member order, so the ETag is stable too)."""
    return json.dumps(jwks_document(keys), sort_keys=True, separators=(",", ":")).encode()
