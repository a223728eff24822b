"""The relying party's rules, one test each: what a real RP refuses, the verifier refuses too."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from joserfc import jws

from service.errors import TokenRejected
from service.keys.jwks import jwks_document
from service.keys.material import SigningKey, generate_private_key_pem, parse_signing_key
from service.tokens.claims import build_claims, sign
from service.tokens.verifier import REFETCH_COOLDOWN_SECONDS, Expectations, HttpKeys, NonceCache, StaticKeys, verify

NOW = 1_800_000_000


EXPECT = Expectations(issuer="https://partner.test", audience="exorlive")


ES = parse_signing_key(generate_private_key_pem("ES256"), "ES256", "t")


RS = parse_signing_key(generate_private_key_pem("RS256", 2048), "RS256", "t")


PS = parse_signing_key(generate_private_key_pem("PS256", 2048), "PS256", "t")


KEYS = StaticKeys(jwks_document([ES, RS, PS]))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(**overrides: Any) -> dict[str, Any]:
    base = build_claims({"userId": "u"}, issuer=EXPECT.issuer, audience=EXPECT.audience, issued_at=NOW, ttl_seconds=300)
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def craft(key: SigningKey, header: dict[str, Any] | None = None, body: dict[str, Any] | None = None) -> str:
    """A token signed by `key` with any header members, including ones a good signer never sets."""
    protected = {"alg": key.alg, "kid": key.kid, "typ": "JWT", **(header or {})}
    protected = {k: v for k, v in protected.items() if v is not None}
    payload = json.dumps(body if body is not None else claims()).encode()
    return jws.serialize_compact(protected, payload, key.key, algorithms=[key.alg])


def rejected(token: str, rule: str, keys: Any = KEYS, now: int = NOW, nonces: NonceCache | None = None) -> None:
    with pytest.raises(TokenRejected) as caught:
        verify(token, EXPECT, keys, now=now, nonces=nonces)
    assert caught.value.rule == rule, caught.value


@pytest.mark.parametrize("key", [ES, RS, PS], ids=["ES256", "RS256", "PS256"])
def test_a_conformant_token_passes(key: SigningKey) -> None:
    token = sign(claims(), key)
    assert verify(token, EXPECT, KEYS, now=NOW)["userId"] == "u"


def test_hs256_signed_with_the_public_key_is_refused() -> None:
    header = _b64(json.dumps({"alg": "HS256", "kid": RS.kid, "typ": "JWT"}).encode())
    body = _b64(json.dumps(claims()).encode())
    public = json.dumps(RS.public_jwk()).encode()
    signature = _b64(hmac.new(public, f"{header}.{body}".encode(), hashlib.sha256).digest())
    rejected(f"{header}.{body}.{signature}", "alg")


def test_alg_none_is_refused() -> None:
    header = _b64(json.dumps({"alg": "none", "kid": ES.kid, "typ": "JWT"}).encode())
    rejected(f"{header}.{_b64(json.dumps(claims()).encode())}.", "alg")


def test_alg_other_than_the_one_registered_for_the_kid_is_refused() -> None:
    # An RS256 key used with PS256: valid RSA, but not the algorithm the JWKS registers for that kid.
    as_ps = SigningKey(kid=RS.kid, alg="PS256", key=RS.key)
    rejected(sign(claims(), as_ps), "alg")


@pytest.mark.parametrize("typ", [None, "jwt+at", "JWS"])
def test_typ_must_be_jwt(typ: str | None) -> None:
    rejected(craft(ES, {"typ": typ}), "typ")


def test_kid_is_required() -> None:
    rejected(craft(ES, {"kid": None}), "kid")


def test_unknown_kid_is_refused() -> None:
    other = parse_signing_key(generate_private_key_pem("ES256"), "ES256", "t")
    rejected(sign(claims(), other), "kid")


def test_a_key_the_library_cannot_import_is_skipped_and_the_others_still_verify() -> None:
    # A relying party reads whole JWKS documents; one key on an unknown curve made the library raise KeyError.
    odd = {"kty": "EC", "kid": "odd", "alg": "ES256", "crv": "P-999", "x": "AA", "y": "AA"}
    keys = StaticKeys({"keys": [odd, *jwks_document([ES])["keys"]]})
    assert verify(sign(claims(), ES), EXPECT, keys, now=NOW)["userId"] == "u"
    assert keys.key_for("odd") is None


@pytest.mark.parametrize(
    "member",
    [{"jku": "https://evil.test/jwks"}, {"x5u": "https://evil.test/x"}, {"x5c": ["AAAA"]}],
    ids=["jku", "x5u", "x5c"],
)
def test_key_choosing_headers_are_not_honoured(member: dict[str, Any]) -> None:
    rejected(craft(ES, member), "header")


def test_unknown_crit_extensions_are_not_honoured() -> None:
    # Signed by hand: the JOSE library itself refuses to produce a crit header it does not understand.
    header = _b64(json.dumps({"alg": "ES256", "kid": ES.kid, "typ": "JWT", "crit": ["x-ext"], "x-ext": 1}).encode())
    body = _b64(json.dumps(claims()).encode())
    raw = ES.key.private_key
    assert raw is not None
    r, s = decode_dss_signature(raw.sign(f"{header}.{body}".encode(), ec.ECDSA(hashes.SHA256())))  # type: ignore[union-attr, call-arg]
    rejected(f"{header}.{body}.{_b64(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}", "header")


def test_embedded_jwk_is_not_honoured() -> None:
    rejected(craft(ES, {"jwk": ES.public_jwk()}), "header")


def test_a_forged_signature_is_refused() -> None:
    impostor = SigningKey(
        kid=ES.kid, alg="ES256", key=parse_signing_key(generate_private_key_pem("ES256"), "ES256", "t").key
    )
    rejected(sign(claims(), impostor), "signature")
    header, _, signature = sign(claims(), ES).split(".")
    tampered = _b64(json.dumps(claims(aud=EXPECT.audience, userId="admin")).encode())
    rejected(f"{header}.{tampered}.{signature}", "signature")


@pytest.mark.parametrize(
    ("override", "rule"),
    [
        ({"iss": "https://other.test"}, "iss"),
        ({"iss": None}, "iss"),
        ({"aud": "someone-else"}, "aud"),
        ({"aud": ["exorlive"]}, "aud"),
        ({"exp": NOW + 301}, "lifetime"),
        ({"nbf": NOW + 1}, "nbf"),
        ({"nbf": None}, "nbf"),
        ({"iat": None}, "iat"),
        ({"exp": None}, "exp"),
        ({"exp": "soon"}, "exp"),
        ({"nonce": None}, "nonce"),
        ({"nonce": "abc"}, "nonce"),
    ],
)
def test_claim_rules(override: dict[str, Any], rule: str) -> None:
    rejected(sign(claims(**override), ES), rule)


def test_expired_token_is_refused_after_the_leeway() -> None:
    token = sign(claims(), ES)
    assert verify(token, EXPECT, KEYS, now=NOW + 310)
    rejected(token, "exp", now=NOW + 330)


def test_token_from_the_future_is_refused() -> None:
    rejected(sign(claims(), ES), "iat", now=NOW - 120)


def test_a_replayed_nonce_is_refused() -> None:
    nonces = NonceCache()
    token = sign(claims(), ES)
    verify(token, EXPECT, KEYS, now=NOW, nonces=nonces)
    rejected(token, "replay", nonces=nonces)


@pytest.mark.parametrize("token", ["", "a.b", "a.b.c.d", "!!!.e30.x", "e30.e30.x", "W10.e30.x"])
def test_garbage_is_a_format_error(token: str) -> None:
    with pytest.raises(TokenRejected):
        verify(token, EXPECT, KEYS, now=NOW)


class _JwksServer:
    """A JWKS endpoint on loopback whose document the test can change, counting fetches."""

    def __init__(self) -> None:
        self.document: dict[str, Any] = {"keys": []}
        self.fetches = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request per connection: nothing left open after a test

            def do_GET(self) -> None:
                outer.fetches += 1
                body = json.dumps(outer.document).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/jwks.json"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def jwks_server() -> Iterator[_JwksServer]:
    server = _JwksServer()
    yield server
    server.server.shutdown()
    server.server.server_close()


def test_http_keys_refetch_once_on_an_unknown_kid_with_a_cooldown(
    jwks_server: _JwksServer, request: pytest.FixtureRequest
) -> None:
    clock = [1000.0]
    keys = HttpKeys(jwks_server.url, timeout=2, clock=lambda: clock[0])
    request.addfinalizer(keys.close)
    jwks_server.document = jwks_document([ES])
    assert verify(sign(claims(), ES), EXPECT, keys, now=NOW)
    assert jwks_server.fetches == 1

    # A key published after the first fetch: the unknown kid triggers one refetch, but not within the cooldown.
    jwks_server.document = jwks_document([ES, RS])
    rejected(sign(claims(), RS), "kid", keys=keys)
    assert jwks_server.fetches == 1
    clock[0] += REFETCH_COOLDOWN_SECONDS + 1
    assert verify(sign(claims(), RS), EXPECT, keys, now=NOW)
    assert jwks_server.fetches == 2
    for _ in range(5):
        rejected(sign(claims(), PS), "kid", keys=keys)
    assert jwks_server.fetches == 2


def test_http_keys_survive_an_unreachable_jwks() -> None:
    keys = HttpKeys("http://127.0.0.1:9/jwks.json", timeout=0.5)
    try:
        rejected(sign(claims(), ES), "kid", keys=keys)
    finally:
        keys.close()
