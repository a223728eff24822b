"""One attempt over TLS to the address the URL policy checked: SNI and the certificate check use the host name,
the connection goes to the pinned address, and a certificate for another name is refused."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from werkzeug.serving import make_server

from service.webhooks.sender import send
from service.webhooks.targets import Target
from tests.support.servers import serve_wsgi


def _certificate(folder: Path, name: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


@pytest.fixture
def tls_receiver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, dict[str, Any]]]:
    """An https server on 127.0.0.1 with a certificate for hooks.test, trusted by this test's requests only."""
    cert, key = _certificate(tmp_path, "hooks.test")
    seen: dict[str, Any] = {}

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        seen["host"] = environ.get("HTTP_HOST")
        start_response("204 No Content", [])
        return [b""]

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: seen.__setitem__("sni", name)  # type: ignore[assignment,func-returns-value]
    request = requests.Session.request

    def trusting(self: requests.Session, *args: Any, **kwargs: Any) -> requests.Response:
        return request(self, *args, **{**kwargs, "verify": str(cert)})

    monkeypatch.setattr(requests.Session, "request", trusting)
    server = make_server("127.0.0.1", 0, app, ssl_context=context, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.port, seen
    finally:
        server.shutdown()
        server.server_close()


def test_tls_goes_to_the_checked_address_and_is_verified_for_the_host_name(
    tls_receiver: tuple[int, dict[str, Any]],
) -> None:
    port, seen = tls_receiver
    attempt = send(Target("https", "hooks.test", port, "/in", "127.0.0.1"), {}, b"{}", 2)
    assert (attempt.status, attempt.error) == (204, None)
    assert (seen["sni"], seen["host"]) == ("hooks.test", f"hooks.test:{port}")
    other = send(Target("https", "other.test", port, "/in", "127.0.0.1"), {}, b"{}", 2)
    assert (other.status, other.error) == (None, "tls_error")


def test_a_closed_port_is_a_failed_connection() -> None:
    with serve_wsgi(lambda environ, start: []) as base:
        port = int(base.rsplit(":", 1)[1])
    assert send(Target("http", "127.0.0.1", port, "/", "127.0.0.1"), {}, b"{}", 1).error == "connection_failed"
