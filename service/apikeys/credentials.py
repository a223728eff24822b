"""API keys and profile keys: their formats, checksums and hashes.

An API key looks like `tbk_<32 random base62><6 base62 CRC32>` (live) or `tbk_test_<…>` (test mode: it mints
only for test profiles, and its mails go to the test inbox): the prefix makes a leaked key easy to recognise,
and its mode easy to see, and the checksum lets a secret scanner tell a real key from noise without asking
us. Only the mode prefix and 8 more characters (for lookup and display) and a SHA-256 of the whole key are
stored. The key has ~190 random bits, so a fast hash is enough (no password stretching needed).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import zlib

API_KEY_PREFIX = "tbk_"
TEST_API_KEY_PREFIX = "tbk_test_"
PROFILE_KEY_PREFIX = "pk_"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_RANDOM_LENGTH = 32
_CHECKSUM_LENGTH = 6
API_KEY_LENGTH = len(API_KEY_PREFIX) + _RANDOM_LENGTH + _CHECKSUM_LENGTH
# Random characters kept after the mode prefix: enough to look a key up and to show which key it is, far too
# little to guess the rest.
_SHOWN_RANDOM = 8
PREFIX_LENGTH = len(API_KEY_PREFIX) + _SHOWN_RANDOM
_PROFILE_KEY_RANDOM_LENGTH = 24

SCOPES = ("links:long", "links:email", "links:admin", "keys:admin", "webhooks:admin")
# Scopes over an account's links, keys and webhooks, live ones included: never for a test key.
ADMIN_SCOPES = frozenset({"links:admin", "keys:admin", "webhooks:admin"})


def _random_base62(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def _base62(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, digit = divmod(number, 62)
        digits.append(_ALPHABET[digit])
    return "".join(reversed(digits))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode("ascii")), _CHECKSUM_LENGTH)


def new_api_key(test: bool = False) -> str:
    """A fresh API key (a test-mode one with `test`); shown once to whoever creates it."""
    body = _random_base62(_RANDOM_LENGTH)
    return (TEST_API_KEY_PREFIX if test else API_KEY_PREFIX) + body + _checksum(body)


def is_test_key(key_or_prefix: str) -> bool:
    """Whether an API key, or its stored prefix, is a test-mode key's."""
    return key_or_prefix.startswith(TEST_API_KEY_PREFIX)


def _mode_prefix(value: str) -> str:
    return TEST_API_KEY_PREFIX if is_test_key(value) else API_KEY_PREFIX


def looks_like_api_key(value: str) -> bool:
    """True if `value` has an API key's prefix (live or test), length and a valid checksum."""
    mode = _mode_prefix(value)
    if len(value) != len(mode) + _RANDOM_LENGTH + _CHECKSUM_LENGTH or not value.startswith(mode):
        return False
    body = value[len(mode) : -_CHECKSUM_LENGTH]
    if any(char not in _ALPHABET for char in body):
        return False
    return hmac.compare_digest(_checksum(body), value[-_CHECKSUM_LENGTH:])


def api_key_prefix(api_key: str) -> str:
    """The stored, shown part of a key (or of a longer prefix an admin typed): its mode and 8 characters."""
    return api_key[: len(_mode_prefix(api_key)) + _SHOWN_RANDOM]


def hash_api_key(api_key: str) -> str:
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def api_key_matches(api_key: str, stored_hash: str) -> bool:
    """Constant-time comparison of a presented key with a stored hash."""
    return hmac.compare_digest(hash_api_key(api_key), stored_hash)


def new_profile_key() -> str:
    """A public profile key: it names a profile and grants nothing without an API key."""
    return PROFILE_KEY_PREFIX + _random_base62(_PROFILE_KEY_RANDOM_LENGTH)


def subject_hash(key: str, *identifiers: str) -> str:
    """A keyed hash of subject identifiers for audit rows: linkable, but not reversible by guessing."""
    message = "\x1f".join(identifiers).encode("utf-8")
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()
