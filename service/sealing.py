"""Sealing JSON with AES-GCM under a key derived (HKDF-SHA256) from a secret the database never holds."""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_NONCE_BYTES = 12
_SALT = b"sso-token-broker sealing v1"


def _key(secret: bytes, purpose: bytes) -> bytes:
    # `purpose` separates domains: the same secret never yields the same key for two uses.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=purpose).derive(secret)


def seal(secret: bytes, purpose: bytes, bound_to: bytes, content: Mapping[str, Any]) -> bytes:
    """nonce || AES-GCM(JSON), authenticated together with `bound_to` (so it cannot be moved to another row)."""
    nonce = secrets.token_bytes(_NONCE_BYTES)
    plaintext = json.dumps(content, separators=(",", ":"), ensure_ascii=False).encode()
    return nonce + AESGCM(_key(secret, purpose)).encrypt(nonce, plaintext, bound_to)


def unseal(secret: bytes, purpose: bytes, bound_to: bytes, sealed: bytes) -> dict[str, Any] | None:
    """The sealed JSON object, or None if the secret, the binding or the bytes are wrong."""
    try:
        plaintext = AESGCM(_key(secret, purpose)).decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], bound_to)
    except (InvalidTag, ValueError):
        return None
    content = json.loads(plaintext)
    return content if isinstance(content, dict) else None
