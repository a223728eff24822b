"""The relying party's answer in `exchange` mode is read as a stream, and only up to its 8 KiB cap."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from flask.testing import FlaskClient

from service.wiring import Services
from tests.support.api import generate, problem
from tests.support.servers import serve_wsgi

_CHUNK = 64 * 1024
_TOTAL = 64 * 1024 * 1024  # far more than any socket buffer holds


class HugeAnswer:
    """A WSGI relying party that answers the exchange with a 64 MiB one-line text, counting what it sent."""

    def __init__(self) -> None:
        self.sent = 0
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterator[bytes]:
        environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(_TOTAL))])
        return self._body()

    def _body(self) -> Iterator[bytes]:
        for _ in range(_TOTAL // _CHUNK):
            with self.lock:
                self.sent += _CHUNK
            yield b"h" * _CHUNK


def _point_go_profile_at(svc: Services, creds: dict[str, Any], url: str) -> None:
    profile = svc.stores.profiles.profile_by_key(creds["profiles"]["exorlive-go"])
    svc.stores.profiles.update_profile(profile.id, rp_url=url, allowed_redirect_origins=[url.rsplit("/", 1)[0]])


def test_an_answer_over_the_cap_is_502_and_is_not_read_whole(
    client: FlaskClient, creds: dict[str, Any], svc: Services
) -> None:
    relying_party = HugeAnswer()
    with serve_wsgi(relying_party) as base:
        _point_go_profile_at(svc, creds, f"{base}/exchange")
        body = problem(generate(client, creds, "exorlive-go"), 502, "relying_party_error")
        assert "larger than 8192 bytes" in body["detail"]
        assert "token" not in body
        with relying_party.lock:
            sent = relying_party.sent
    # The broker stopped reading at the cap: the server could push at most what the socket buffers hold.
    assert sent < _TOTAL // 4, sent


def test_an_answer_within_the_cap_is_accepted(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    def small_answer(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        start_response("200 OK", [("Content-Type", "application/json")])
        host = environ["HTTP_HOST"]
        return [b'{"url": "http://' + host.encode() + b"/session/" + b"x" * 7000 + b'"}']

    with serve_wsgi(small_answer) as base:
        _point_go_profile_at(svc, creds, f"{base}/exchange")
        response = generate(client, creds, "exorlive-go")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["url"].startswith(f"{base}/session/xxx")
