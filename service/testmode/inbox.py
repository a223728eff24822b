"""The test inbox: the mails test API keys asked for, kept 24 hours for `GET /api/v1/test-inbox`, never sent.

A kept mail holds an address and a live launch link, so it is sealed (AES-GCM) under a key derived from
SERVER_SECRET and bound to its row's public id: a database dump alone reveals neither.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from service import sealing
from service.email.message import LinkEmail, compose
from service.testmode.store import TestMailStore

RETENTION = dt.timedelta(hours=24)
_PURPOSE = b"test inbox mail"
_ID_PREFIX = "tm_"


class TestInbox:
    """Where test keys' mails go: the same message a live key's mail would be, composed but kept, not sent."""

    __test__ = False  # not a pytest test class, despite its name

    def __init__(self, store: TestMailStore, server_secret: str, sender: str, clock: Callable[[], float]) -> None:
        self._store = store
        self._secret = server_secret.encode()
        self._sender = sender
        self._clock = clock

    def _now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    def keep(self, tenant_id: int, mail: LinkEmail, now: int) -> None:
        """Compose the mail as it would go out and keep it, sealed, for the tenant's test inbox."""
        message = compose(mail, self._sender, now)
        public_id = _ID_PREFIX + secrets.token_urlsafe(12)
        content = {
            "from": str(message["From"]),
            "to": mail.to,
            "bcc": mail.bcc,
            "subject": str(message["Subject"]),
            "text": _part(message, "plain"),
            "html": _part(message, "html"),
            "url": mail.url,
        }
        sealed = sealing.seal(self._secret, _PURPOSE, public_id.encode(), content)
        self._store.add_test_mail(tenant_id, public_id, self._now(), sealed)

    def messages(self, tenant_id: int) -> list[dict[str, Any]]:
        """The tenant's kept mails of the last 24 hours, newest first."""
        rows = self._store.test_mails(tenant_id, self._now() - RETENTION)
        kept = []
        for row in rows:
            content = sealing.unseal(self._secret, _PURPOSE, row.public_id.encode(), row.sealed)
            if content is not None:  # sealed under another SERVER_SECRET: gone, like an expired one
                at = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)
                # Kept by an older version, without its From: the sender such mails had.
                content.setdefault("from", self._sender)
                kept.append({"id": row.public_id, "receivedAt": at.strftime("%Y-%m-%dT%H:%M:%SZ"), **content})
        return kept

    def purge(self) -> int:
        """Forget kept mails older than 24 hours (for `links purge`)."""
        return int(self._store.purge_test_mails(self._now() - RETENTION))


def _part(message: EmailMessage, subtype: str) -> str:
    body = message.get_body(preferencelist=(subtype,))
    return str(body.get_content()) if body is not None else ""
