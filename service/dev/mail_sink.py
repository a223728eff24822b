"""`python -m service.dev.mail_sink`: a development SMTP sink that keeps mails in memory and shows them on a web page.

Point the broker at it with `SMTP_URL=smtp://127.0.0.1:<smtp-port>?from=...` and read the mails it would
have sent at `http://127.0.0.1:<http-port>/`. Development only: anyone on this machine can read the
mails, and the links in them work. It says so loudly and refuses BROKER_ENV=production. `--http-host
0.0.0.0` (what `make run` does with PUBLIC_HOST, warned about) shows the page to other machines too, a
phone for one; SMTP stays on loopback.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import html
import itertools
import json
import logging
import os
import re
import signal
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from service.logs import configure_logging

log = logging.getLogger(__name__)

MAX_MESSAGES = 50  # The newest mails; older ones are dropped, so a long `make run` does not grow without end.
HOST = "127.0.0.1"  # Loopback unless asked: the mails hold working sign-in links.
_DEFAULT_SMTP_PORT = 8025
_DEFAULT_HTTP_PORT = 8026

# The page shows mail HTML from anywhere: no script runs, nothing loads from the network, nothing posts.
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_SECURITY_HEADERS = {
    "Content-Security-Policy": _CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_URL = re.compile(r"https?://[^\s<>\"']+")
_MESSAGE_PATH = re.compile(r"^/messages/(\d+)(\.eml)?$")


@dataclasses.dataclass(frozen=True)
class ReceivedMail:
    """One mail as the sink received it: envelope recipients (Bcc included) and the decoded parts."""

    id: int
    received_at: float
    subject: str
    sender: str
    to: str
    recipients: list[str]
    text: str | None
    html: str | None
    raw: bytes

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "receivedAt": round(self.received_at, 3),
            "subject": self.subject,
            "from": self.sender,
            "to": self.to,
            "recipients": self.recipients,
            "text": self.text,
            "html": self.html,
        }


def _part(message: EmailMessage, subtype: str) -> str | None:
    body = message.get_body(preferencelist=(subtype,))
    if body is None or body.get_content_subtype() != subtype:
        return None
    try:
        content = str(body.get_content())
    except (LookupError, ValueError):  # An unknown charset or a broken encoding: show the raw source instead.
        return None
    return content.replace("\r\n", "\n")


def _printable(text: str) -> str:
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


class Inbox:
    """The last MAX_MESSAGES mails, newest first; safe to use from the SMTP and HTTP threads."""

    def __init__(self, limit: int = MAX_MESSAGES) -> None:
        self._mails: collections.deque[ReceivedMail] = collections.deque(maxlen=limit)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(self, raw: bytes, recipients: Sequence[str]) -> ReceivedMail:
        parsed = message_from_bytes(raw, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        with self._lock:
            mail = ReceivedMail(
                id=next(self._ids),
                received_at=time.time(),
                subject=_printable(str(parsed.get("Subject", ""))),
                sender=_printable(str(parsed.get("From", ""))),
                to=_printable(str(parsed.get("To", ""))),
                recipients=list(recipients),
                text=_part(parsed, "plain"),
                html=_part(parsed, "html"),
                raw=raw,
            )
            self._mails.appendleft(mail)
        return mail

    def all(self) -> list[ReceivedMail]:
        with self._lock:
            return list(self._mails)

    def get(self, mail_id: int) -> ReceivedMail | None:
        with self._lock:
            return next((mail for mail in self._mails if mail.id == mail_id), None)


class _SinkHandler:
    """aiosmtpd handler: every mail is accepted and kept."""

    def __init__(self, inbox: Inbox, on_mail: Callable[[ReceivedMail], None]) -> None:
        self.inbox = inbox
        self.on_mail = on_mail

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802 (aiosmtpd's hook name)
        raw = envelope.original_content or envelope.content or b""
        mail = self.inbox.add(raw if isinstance(raw, bytes) else raw.encode(), envelope.rcpt_tos)
        self.on_mail(mail)
        return "250 Message accepted for delivery"


# --------------------------------------------------------------------------- the web page


def _page(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; color: #1d2330; background: #f4f5f7; }}
header {{ background: #8a1c1c; color: #fff; padding: .6rem 1rem; font-weight: 600; }}
main {{ max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }}
table {{ width: 100%; border-collapse: collapse; background: #fff; }}
th, td {{ text-align: left; padding: .45rem .6rem; border-bottom: 1px solid #e3e5ea; vertical-align: top; }}
pre {{ background: #fff; padding: 1rem; white-space: pre-wrap; word-break: break-word; }}
iframe {{ width: 100%; height: 36rem; border: 1px solid #d0d4dc; background: #fff; }}
a {{ color: #1f6feb; }}
</style></head>
<body><header>devmail: development-only mail sink. These mails were never delivered.</header>
<main>{body}</main></body></html>
"""


def _when(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(timestamp))


def _linkify(text: str) -> str:
    """Escaped text with its http(s) URLs as links (opened in a new tab, without a referrer)."""
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        url = html.escape(match.group(0))
        out.append(f'<a href="{url}" target="_blank" rel="noreferrer noopener">{url}</a>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def render_index(mails: Sequence[ReceivedMail]) -> str:
    """The list of received mails, newest first."""
    if not mails:
        rows = '<tr><td colspan="3">No mail yet.</td></tr>'
    else:
        rows = "".join(
            f"<tr><td>{_when(m.received_at)}</td>"
            f'<td><a href="/messages/{m.id}">{html.escape(m.subject or "(no subject)")}</a></td>'
            f"<td>{html.escape(', '.join(m.recipients))}</td></tr>"
            for m in mails
        )
    body = (
        f"<h1>Received mail ({len(mails)}, at most {MAX_MESSAGES} kept)</h1>"
        f"<table><tr><th>Date</th><th>Subject</th><th>To (envelope, Bcc included)</th></tr>{rows}</table>"
        '<p><a href="/messages.json">JSON</a></p>'
    )
    return _page("devmail", body)


def render_message(mail: ReceivedMail) -> str:
    """One mail: headers, the text part as escaped text, the HTML part in a sandboxed frame."""
    headers = "".join(
        f"<tr><th>{name}</th><td>{html.escape(value)}</td></tr>"
        for name, value in (
            ("Date", _when(mail.received_at)),
            ("From", mail.sender),
            ("To", mail.to),
            ("Envelope", ", ".join(mail.recipients)),
            ("Subject", mail.subject),
        )
    )
    parts = [f'<p><a href="/">&larr; all mail</a> &middot; <a href="/messages/{mail.id}.eml">source</a></p>']
    parts.append(f"<table>{headers}</table>")
    if mail.text is not None:
        parts.append(f"<h2>Text part</h2><pre>{_linkify(mail.text)}</pre>")
    if mail.html is not None:
        # An empty sandbox list would block even links; popups are allowed (and leave the sandbox) so the
        # mail's buttons open in a new tab. No allow-scripts, no allow-same-origin; the page's CSP also applies.
        srcdoc = html.escape('<base target="_blank">' + mail.html, quote=True)
        parts.append(
            '<h2>HTML part</h2><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" '
            f'referrerpolicy="no-referrer" title="HTML part" srcdoc="{srcdoc}"></iframe>'
        )
    return _page(mail.subject or "(no subject)", "".join(parts))


def _http_handler(inbox: Inbox) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "devmail"
        sys_version = ""

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/":
                self._send(200, "text/html; charset=utf-8", render_index(inbox.all()).encode())
                return
            if path == "/messages.json":
                body = json.dumps([m.summary() for m in inbox.all()], ensure_ascii=False).encode()
                self._send(200, "application/json", body)
                return
            match = _MESSAGE_PATH.match(path)
            mail = inbox.get(int(match.group(1))) if match else None
            if mail is None:
                self._send(404, "text/plain; charset=utf-8", b"not found (only the last 50 mails are kept)\n")
            elif match and match.group(2):
                self._send(200, "text/plain; charset=utf-8", mail.raw)
            else:
                self._send(200, "text/html; charset=utf-8", render_message(mail).encode())

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in _SECURITY_HEADERS.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            # Quiet: the one line per received mail is what a developer wants to see.
            return

    return Handler


# --------------------------------------------------------------------------- running it


class DevMail:
    """The SMTP sink and its web page on loopback; `start()` and `stop()` them together."""

    def __init__(
        self,
        smtp_port: int,
        http_port: int,
        on_mail: Callable[[ReceivedMail], None] | None = None,
        *,
        http_host: str = HOST,
        url: str | None = None,
    ) -> None:
        """`http_host` is where the page listens; `url` is where people open it (its public host's address)."""
        self.inbox = Inbox()
        self._on_mail = on_mail or (lambda _mail: None)
        self.controller = Controller(
            _SinkHandler(self.inbox, self._on_mail),
            hostname=HOST,
            port=smtp_port,
            # Named explicitly: aiosmtpd otherwise asks DNS for this machine's name, which can be slow.
            server_hostname="devmail.localhost",
        )
        self.http = ThreadingHTTPServer((http_host, http_port), _http_handler(self.inbox))
        self.http.daemon_threads = True
        self._http_host = http_host
        self._url = url
        self._thread: threading.Thread | None = None

    @property
    def smtp_port(self) -> int:
        return int(self.controller.port)

    @property
    def web_url(self) -> str:
        if self._url:
            return self._url.rstrip("/") + "/"
        return f"http://{self._http_host}:{self.http.server_address[1]}/"

    def start(self) -> None:
        who = "anyone on this machine" if self._http_host == HOST else "anyone who can reach this machine"
        log.warning(
            "devmail is a DEVELOPMENT-ONLY mail sink: it delivers nothing, keeps mails in memory and shows them, "
            f"working sign-in links included, to {who}",
            extra={"smtpPort": self.smtp_port, "web": self.web_url},
        )
        self.controller.start()
        self._thread = threading.Thread(target=self.http.serve_forever, name="devmail-http", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()
        self.controller.stop()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m service.dev.mail_sink", description=__doc__.splitlines()[0])
    parser.add_argument("--smtp-port", type=int, default=_DEFAULT_SMTP_PORT, help="SMTP port on 127.0.0.1")
    parser.add_argument("--http-port", type=int, default=_DEFAULT_HTTP_PORT, help="web page port")
    parser.add_argument("--http-host", default=HOST, help="where the web page listens (0.0.0.0: every interface)")
    parser.add_argument("--url", default=None, help="the web page's address as people open it (its public host)")
    args = parser.parse_args(argv)
    if os.environ.get("BROKER_ENV") == "production":
        sys.exit("devmail is for development only; it refuses BROKER_ENV=production")
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    # aiosmtpd logs every command at INFO, addresses included; the one line per mail below is enough.
    logging.getLogger("mail.log").setLevel(logging.WARNING)

    def announce(mail: ReceivedMail) -> None:
        print(f"mail received: {mail.subject or '(no subject)'} → {sink.web_url}", flush=True)

    sink = DevMail(args.smtp_port, args.http_port, on_mail=announce, http_host=args.http_host, url=args.url)

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    sink.start()
    print(f"devmail: SMTP on {HOST}:{sink.smtp_port}, mails at {sink.web_url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        sink.stop()
        print("devmail: stopped", flush=True)


if __name__ == "__main__":
    main()
