"""A real SMTP server for tests: aiosmtpd on a free loopback port, keeping what it receives (or hanging)."""

from __future__ import annotations

import asyncio
import contextlib
import email
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.support.ports import free_port

LOOPBACK = "127.0.0.1"


@dataclass
class Collector:
    """An aiosmtpd handler that keeps every envelope, or refuses with the replies it is given."""

    envelopes: list[Envelope] = field(default_factory=list)
    # Per envelope: was the session under TLS, and did the client authenticate.
    sessions: list[tuple[bool, bool]] = field(default_factory=list)
    refuse_rcpt: dict[str, str] = field(default_factory=dict)
    refuse_data: str | None = None
    # While set, RCPT waits until it is cleared: a mail server that hangs mid-exchange. `held` counts the waits.
    hold: threading.Event = field(default_factory=threading.Event)
    held: int = 0

    async def handle_RCPT(  # noqa: N802 (the name aiosmtpd calls)
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if self.hold.is_set():
            self.held += 1
            while self.hold.is_set():
                await asyncio.sleep(0.02)
        if address in self.refuse_rcpt:
            return self.refuse_rcpt[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802 (aiosmtpd hook)
        if self.refuse_data:
            return self.refuse_data
        self.envelopes.append(envelope)
        # The transport, not session.ssl: aiosmtpd sets that only after STARTTLS, not for implicit TLS.
        tls = server.transport is not None and server.transport.get_extra_info("ssl_object") is not None
        self.sessions.append((tls, bool(session.authenticated)))
        return "250 Message accepted for delivery"

    def message(self, index: int = -1) -> EmailMessage:
        content = self.envelopes[index].content
        assert isinstance(content, bytes)
        parsed = email.message_from_bytes(content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@contextlib.contextmanager
def smtp_server(handler: Collector, **options: Any) -> Iterator[int]:
    """An aiosmtpd server on a free loopback port for the block; yields the port."""
    port = free_port()
    # server_hostname given, so aiosmtpd does not ask DNS for this machine's name.
    controller = Controller(handler, hostname=LOOPBACK, port=port, server_hostname="smtp.test", **options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@contextlib.contextmanager
def quiet_mail_log() -> Iterator[None]:
    """aiosmtpd logs every MAIL FROM and RCPT TO at INFO; that is the test server talking, not the broker."""
    logger = logging.getLogger("mail.log")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
