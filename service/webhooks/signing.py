"""Standard Webhooks signatures (standardwebhooks.com): `whsec_` secrets and `v1,<base64 HMAC-SHA256>` headers.

The signed content is `{webhook-id}.{webhook-timestamp}.{body}`, the key the base64-decoded secret after
`whsec_`, so any Standard Webhooks library verifies these deliveries unchanged. Written here with the standard
library (a dozen lines) rather than with the `standardwebhooks` package, which the tests use to verify.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from service import sealing

SECRET_PREFIX = "whsec_"  # noqa: S105 - the format's prefix, not a secret
_SECRET_BYTES = 32


def new_secret() -> str:
    """A fresh signing secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(_SECRET_BYTES)).decode()


def secret_key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` under the secret."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secrets_in_use: list[str], message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The three Standard Webhooks headers; one signature per secret in use (a rotation's old one too)."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(signature(secret, message_id, timestamp, body) for secret in secrets_in_use),
    }


_SEALING_PURPOSE = b"webhook signing secret"


def seal_secret(server_secret: str, endpoint_public_id: str, secret: str) -> bytes:
    """The secret sealed under SERVER_SECRET and bound to its endpoint: a database dump alone forges nothing."""
    return sealing.seal(server_secret.encode(), _SEALING_PURPOSE, endpoint_public_id.encode(), {"secret": secret})


def unseal_secret(server_secret: str, endpoint_public_id: str, sealed: bytes) -> str | None:
    content = sealing.unseal(server_secret.encode(), _SEALING_PURPOSE, endpoint_public_id.encode(), sealed)
    return str(content["secret"]) if content and "secret" in content else None
