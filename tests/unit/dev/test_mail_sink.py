"""The development mail sink: it keeps what the mailer sends, shows it over HTTP, and never runs a mail's scripts."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
import requests

from service.dev.mail_sink import DevMail, ReceivedMail
from service.email.sender import Mailer
from service.email.settings import parse_smtp_url
from tests.support.mail import (
    ADMIN,
    FROM_QUERY,
    MEMBER,
    NOW,
    link_mail,
)
from tests.support.ports import free_port
from tests.support.smtp import LOOPBACK, quiet_mail_log


@pytest.fixture(autouse=True)
def _quiet_aiosmtpd() -> Iterator[None]:
    """aiosmtpd logs every MAIL FROM and RCPT TO at INFO; that is the test server talking, not the broker."""
    with quiet_mail_log():
        yield


@pytest.fixture
def devmail() -> Iterator[tuple[DevMail, list[ReceivedMail]]]:
    announced: list[ReceivedMail] = []
    sink = DevMail(free_port(), 0, on_mail=announced.append)
    sink.start()
    yield sink, announced
    sink.stop()


def _get(url: str) -> requests.Response:
    response = requests.get(url, timeout=5)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    return response


def test_devmail_keeps_what_the_mailer_sends(devmail: tuple[DevMail, list[ReceivedMail]]) -> None:
    sink, announced = devmail
    mail = link_mail()
    Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{sink.smtp_port}?{FROM_QUERY}")).send(mail, NOW)

    assert [m.subject for m in announced] == ["ACME Physio: your sign-in link"]
    index = _get(sink.web_url)
    assert index.status_code == 200
    assert "ACME Physio: your sign-in link" in index.text
    assert ADMIN in index.text  # Envelope recipients, so a Bcc copy is visible too.
    [listed] = _get(sink.web_url + "messages.json").json()
    assert listed["recipients"] == [MEMBER, ADMIN]
    assert mail.url in listed["text"]
    page = _get(sink.web_url + f"messages/{listed['id']}")
    assert f'<a href="{mail.url}"' in page.text  # The text part's link, clickable.
    source = _get(sink.web_url + f"messages/{listed['id']}.eml")
    assert source.headers["Content-Type"].startswith("text/plain")
    assert "Subject: ACME Physio: your sign-in link" in source.text
    assert _get(sink.web_url + "messages/999").status_code == 404


def test_devmail_never_runs_a_mails_scripts(devmail: tuple[DevMail, list[ReceivedMail]]) -> None:
    sink, _ = devmail
    hostile = EmailMessage()
    hostile["Subject"] = "<script>alert('subject')</script>"
    hostile["From"] = "x@example.net"
    hostile["To"] = MEMBER
    hostile.set_content("plain <script>alert('text')</script>")
    hostile.add_alternative(
        "<p>hi</p><script>alert('html')</script><img src=https://tracker.example/p.png>", subtype="html"
    )
    with smtplib.SMTP(LOOPBACK, sink.smtp_port, timeout=5) as client:
        client.send_message(hostile)

    for path in ("", "messages/1"):
        response = _get(sink.web_url + path)
        assert "<script" not in response.text.lower()
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp
        assert "script-src" not in csp  # So default-src 'none' forbids every script.
    page = _get(sink.web_url + "messages/1").text
    assert '<iframe sandbox="allow-popups allow-popups-to-escape-sandbox"' in page
    assert "allow-scripts" not in page
    assert "allow-same-origin" not in page


def test_devmail_pages_fit_a_phone(devmail: tuple[DevMail, list[ReceivedMail]]) -> None:
    sink, _ = devmail
    Mailer(parse_smtp_url(f"smtp://{LOOPBACK}:{sink.smtp_port}?{FROM_QUERY}")).send(link_mail(), NOW)
    viewport = '<meta name="viewport" content="width=device-width, initial-scale=1">'
    for path in ("", "messages/1"):
        assert viewport in _get(sink.web_url + path).text


def test_devmail_can_show_its_page_to_other_machines() -> None:
    # make run with PUBLIC_HOST: the page on every interface, named by the public host; SMTP stays on loopback.
    sink = DevMail(free_port(), 0, http_host="0.0.0.0", url="http://192.168.1.20:8026")
    sink.start()
    try:
        assert sink.http.server_address[0] == "0.0.0.0"
        assert sink.web_url == "http://192.168.1.20:8026/"
        assert sink.controller.hostname == LOOPBACK
        assert _get(f"http://{LOOPBACK}:{sink.http.server_address[1]}/").status_code == 200
    finally:
        sink.stop()
