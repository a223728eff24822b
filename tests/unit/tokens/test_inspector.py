"""The token inspector, POST /api/v1/tokens/inspect: every rule reported with a reason; the failing one named for
a wrong `aud`, an expired token, an HS256 token and one signed by an unknown key; a fresh broker token passes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
from typing import Any

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from joserfc import jws
from joserfc.jwk import ECKey

from service.dev import seed as devseed
from service.keys.jwks import jwks_document
from service.keys.material import SigningKey, generate_private_key_pem, parse_signing_key
from service.profiles.setup import create_profile
from service.tokens import inspector, verifier
from service.tokens.claims import build_claims
from service.tokens.verifier import Expectations
from service.wiring import Services
from tests.support.api import BROKER_URL, bearer, generate, problem
from tests.support.clock import Clock
from tests.support.privacy import WATCH

INSPECT = "/api/v1/tokens/inspect"
NOW = 1_800_000_000
EXPECT = Expectations(issuer="https://partner.test", audience="exorlive")
PARTNER = parse_signing_key(generate_private_key_pem("ES256"), "ES256", "partner")
PARTNER_JWKS = jwks_document([PARTNER])


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def partner_token(key: SigningKey = PARTNER, header: dict[str, Any] | None = None, **claims: Any) -> str:
    """A token a partner signed itself, with any header members and claims."""
    body = build_claims({"userId": "u"}, issuer=EXPECT.issuer, audience=EXPECT.audience, issued_at=NOW, ttl_seconds=300)
    body.update(claims)
    protected = {"alg": key.alg, "kid": key.kid, "typ": "JWT", **(header or {})}
    return jws.serialize_compact(protected, json.dumps(body).encode(), key.key, algorithms=[key.alg])


def hs256_token(secret: bytes = b"shared-secret") -> str:
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": PARTNER.kid}).encode())
    body = _b64(
        json.dumps(
            build_claims({}, issuer=EXPECT.issuer, audience=EXPECT.audience, issued_at=NOW, ttl_seconds=300)
        ).encode()
    )
    signature = _b64(hmac.new(secret, f"{header}.{body}".encode(), hashlib.sha256).digest())
    return f"{header}.{body}.{signature}"


def results(answer: dict[str, Any]) -> dict[str, str]:
    return {rule["rule"]: rule["result"] for rule in answer["rules"]}


def failing(answer: dict[str, Any]) -> list[str]:
    return [rule["rule"] for rule in answer["rules"] if rule["result"] == "fail"]


def inspect(token: str, expect: Expectations | None = EXPECT, now: int = NOW) -> dict[str, Any]:
    return inspector.inspect(token, inspector.Keys(PARTNER_JWKS, "request"), expect, now)


# --- the rules, in-process --------------------------------------------------------------------------------
def test_a_good_token_passes_every_rule_each_with_a_reason() -> None:
    answer = inspect(partner_token())
    assert answer["valid"] is True
    assert set(results(answer).values()) == {"pass"}
    assert [rule["rule"] for rule in answer["rules"]] == list(inspector.RULES)
    assert all(rule["detail"] for rule in answer["rules"])
    assert answer["signatureVerified"] is True
    assert answer["claims"]["userId"] == "u"
    assert answer["header"]["kid"] == PARTNER.kid


@pytest.mark.parametrize(
    ("token", "rule"),
    [
        (partner_token(aud="someone-else"), "aud"),
        (partner_token(iss="https://impostor.test"), "iss"),
        (partner_token(iat=NOW - 400, nbf=NOW - 400, exp=NOW - 100), "exp"),
        (hs256_token(), "alg"),
        (partner_token(parse_signing_key(generate_private_key_pem("ES256"), "ES256", "x")), "kid"),
        (partner_token(header={"typ": "at+jwt"}), "typ"),
        (partner_token(header={"jku": "https://evil.test/jwks"}), "header"),
        (partner_token(nbf=NOW + 5), "nbf"),
        (partner_token(exp=NOW + 3600), "lifetime"),
        (partner_token(nonce="short"), "nonce"),
        (partner_token(iat=NOW + 120, nbf=NOW + 120, exp=NOW + 300), "iat"),
    ],
    ids=["aud", "iss", "exp", "hs256", "unknown-key", "typ", "jku", "nbf", "lifetime", "nonce", "future"],
)
def test_the_failing_rule_is_named(token: str, rule: str) -> None:
    answer = inspect(token)
    assert answer["valid"] is False
    assert rule in failing(answer)
    assert answer["summary"].startswith("Fails ")
    assert rule in answer["summary"]


def test_an_expired_token_says_how_long_ago_within_the_leeway_and_fails_after_it() -> None:
    token = partner_token()
    assert results(inspect(token, now=NOW + 310))["exp"] == "pass"  # 10 s past exp: inside the 30 s leeway
    late = inspect(token, now=NOW + 400)
    assert failing(late) == ["exp"]
    assert "expired" in late["summary"]


def test_a_token_signed_by_an_unknown_key_cannot_have_its_signature_checked() -> None:
    stranger = parse_signing_key(generate_private_key_pem("ES256"), "ES256", "x")
    answer = inspect(partner_token(stranger))
    assert results(answer)["kid"] == "fail"
    assert results(answer)["signature"] == "unchecked"
    assert answer["signatureVerified"] is False
    # The claims are still decoded and checked, so every other mistake shows at once.
    assert results(answer)["aud"] == "pass"
    assert answer["claims"]["userId"] == "u"


def test_an_hs256_token_is_refused_by_alg_and_never_checked_with_a_shared_secret() -> None:
    answer = inspect(hs256_token())
    assert results(answer)["alg"] == "fail"
    assert "HS256" in answer["summary"]
    assert results(answer)["signature"] == "unchecked"


def test_a_forged_signature_fails_signature() -> None:
    header, body, _ = partner_token().split(".")
    answer = inspect(f"{header}.{body}.{_b64(b'x' * 64)}")
    assert failing(answer) == ["signature"]


def test_without_expectations_iss_and_aud_are_unchecked_and_it_is_not_valid() -> None:
    answer = inspect(partner_token(), expect=None)
    assert results(answer)["iss"] == results(answer)["aud"] == "unchecked"
    assert failing(answer) == []
    assert answer["valid"] is False
    assert "not checked: iss, aud" in answer["summary"]


@pytest.mark.parametrize("token", ["", "abc", "a.b", "a.b.c", "e30.e30", "x" * 20_000, "eyJ.eyJ.eyJ", "...."])
def test_garbage_fails_format_and_leaves_the_rest_unchecked(token: str) -> None:
    answer = inspect(token)
    assert results(answer)["format"] == "fail"
    assert answer["valid"] is False


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_an_answer(token: str) -> None:
    answer = inspect(token)
    assert len(answer["rules"]) == len(inspector.RULES)


def test_a_header_nested_too_deep_is_a_format_failure_not_a_crash() -> None:
    deep = _b64(b"[" * 5000 + b"]" * 5000)
    assert results(inspect(f"{deep}.{deep}.sig"))["format"] == "fail"


@pytest.mark.parametrize("alg", [["RS256"], {"alg": "RS256"}, 256, None])
def test_an_alg_that_is_not_text_fails_its_rule_without_a_crash(alg: Any) -> None:
    header = _b64(json.dumps({"alg": alg, "typ": "JWT", "kid": "k"}).encode())
    assert results(inspect(f"{header}.{_b64(b'{}')}.sig"))["alg"] == "fail"


def _int64(value: int) -> str:
    return _b64(value.to_bytes((value.bit_length() + 7) // 8 or 1, "big"))


# Odd and 2048 bits: the size and shape of an RSA modulus, so only what is asked of it fails.
RSA_N = _int64(2**2047 + 1)
P384 = ECKey.generate_key("P-384").as_dict(private=False)
# Keys the library cannot import, or that must not verify anything, each with a word its sentence must hold.
# None removes a member. The algorithm is RS256 for RSA keys and ES256 for the rest unless the case says.
HOSTILE_KEYS = {
    "unknown-curve": ({"kty": "EC", "crv": "P-999", "x": "AA", "y": "AA"}, "'P-999'"),
    "p384-as-es256": ({**P384, "alg": "ES256"}, "'P-384'"),
    "curve-not-text": ({"kty": "EC", "crv": ["P-256"], "x": "AA", "y": "AA"}, "P-256"),
    "ec-no-x-y": ({"kty": "EC", "crv": "P-256"}, "'x'"),
    "ec-x-number": ({"kty": "EC", "crv": "P-256", "x": 5, "y": "AA"}, "'x'"),
    "ec-nested-junk": ({"kty": "EC", "crv": "P-256", "x": {"a": [{"b": None}]}, "y": [[[]]]}, "'x'"),
    "ec-off-curve": ({"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}, "not a point on P-256"),
    "ec-huge": ({"kty": "EC", "crv": "P-256", "x": "A" * 60_000, "y": "B" * 60_000}, "not a point on P-256"),
    "rsa-bogus": ({"kty": "RSA", "n": "AA", "e": "AA"}, "at least 2048"),
    "rsa-1024": ({"kty": "RSA", "n": _int64(2**1023 + 1), "e": "AQAB"}, "1024 bits"),
    "rsa-huge": ({"kty": "RSA", "n": "_" * 60_000, "e": "AQAB"}, "at most 16384"),
    "rsa-e-1": ({"kty": "RSA", "n": RSA_N, "e": "AQ"}, "not an RSA public key"),
    "rsa-e-huge": ({"kty": "RSA", "n": RSA_N, "e": "_" * 5_000}, "not an RSA public key"),
    "rsa-no-n": ({"kty": "RSA", "e": "AQAB"}, "'n'"),
    "rsa-n-not-text": ({"kty": "RSA", "n": [RSA_N], "e": {"e": "AQAB"}}, "'n'"),
    "okp": ({"kty": "OKP", "crv": "Ed999", "x": "AA"}, "'OKP'"),
    "oct": ({"kty": "oct", "k": "AA"}, "'oct'"),
    "no-kty": ({"kty": None, "crv": "P-256", "x": "AA", "y": "AA"}, "kty"),
    "kty-not-text": ({"kty": {"EC": 1}, "crv": "P-256", "x": "AA", "y": "AA"}, "kty"),
    "ec-as-rs256": ({"kty": "EC", "alg": "RS256", "crv": "P-256", "x": "AA", "y": "AA"}, "RSA"),
    "hs256": ({"kty": "EC", "alg": "HS256", "crv": "P-256", "x": "AA", "y": "AA"}, "'HS256'"),
    "no-alg": ({"kty": "EC", "alg": None, "crv": "P-256", "x": "AA", "y": "AA"}, "alg"),
    "alg-not-text": ({"kty": "EC", "alg": ["ES256"], "crv": "P-256", "x": "AA", "y": "AA"}, "alg"),
    "for-encryption": ({**P384, "crv": "P-256", "use": "enc"}, "'enc'"),
    "sign-only": ({"kty": "RSA", "n": RSA_N, "e": "AQAB", "key_ops": ["sign"]}, "verify"),
}


def hostile_jwk(members: dict[str, Any]) -> dict[str, Any]:
    jwk = {"kid": "k1", "alg": "RS256" if members.get("kty") == "RSA" else "ES256", **members}
    return {name: value for name, value in jwk.items() if value is not None}


@pytest.mark.parametrize(("members", "words"), HOSTILE_KEYS.values(), ids=HOSTILE_KEYS.keys())
def test_a_key_that_cannot_be_used_fails_kid_saying_why(members: dict[str, Any], words: str) -> None:
    keys = inspector.Keys({"keys": [hostile_jwk(members)]}, "request")
    answer = inspector.inspect(partner_token(header={"kid": "k1"}), keys, EXPECT, NOW)
    (kid,) = [rule for rule in answer["rules"] if rule["rule"] == "kid"]
    assert kid["result"] == "fail"
    assert kid["detail"].startswith("The kid 'k1' is in the JWKS you sent, but its key cannot be used. ")
    assert words in kid["detail"]
    assert results(answer)["signature"] == "unchecked"
    assert answer["keys"]["kids"] == []


# Values a JWK member may hold in a hostile document: the right ones, other types, nesting and sizes.
_MEMBER_VALUES = st.one_of(
    st.sampled_from(["EC", "RSA", "OKP", "oct", "P-256", "P-999", "ES256", "RS256", "sig", "enc", "AA", "AQAB"]),
    st.just(RSA_N),
    st.text(alphabet="AQB_-", max_size=3000),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8), st.lists, max_leaves=5),
)
_JWKS = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(("kty", "kid", "alg", "crv", "x", "y", "n", "e", "use", "key_ops"), _MEMBER_VALUES),
).map(lambda jwk: {"keys": [jwk]})


@settings(max_examples=300, deadline=None)
@given(_JWKS)
def test_any_jwks_is_read_without_a_crash_and_every_unusable_key_says_why(document: dict[str, Any]) -> None:
    read = verifier.read_jwks(document)
    (jwk,) = document["keys"]
    if isinstance(jwk.get("kid"), str):
        assert (jwk["kid"] in read.usable) != (jwk["kid"] in read.unusable)
    assert all(reason.endswith(".") for reason in read.unusable.values())


# --- over HTTP --------------------------------------------------------------------------------------------
def _post(client: FlaskClient, creds: dict[str, Any], body: Any, **headers: str) -> Any:
    token = body.get("token") if isinstance(body, dict) else body
    if isinstance(token, str) and token.count(".") == 2 and len(token) > 40:
        WATCH.watch(token)  # a real token must never reach a log line (random text could match anything)
    if isinstance(body, str):
        return client.post(
            INSPECT, data=body, headers={**bearer(creds["apiKey"]), "Content-Type": "text/plain", **headers}
        )
    return client.post(INSPECT, json=body, headers={**bearer(creds["apiKey"]), **headers})


@pytest.mark.parametrize("member", [{"alg": [1]}, {"kty": ["EC"]}, {"kid": {"k": 1}}])
def test_a_jwks_with_values_that_are_not_text_is_no_crash(
    client: FlaskClient, creds: dict[str, Any], member: dict[str, Any]
) -> None:
    jwk = {"kid": "k", "alg": "ES256", "kty": "EC", **member}
    response = _post(client, creds, {"token": "a.b.c", "jwks": {"keys": [jwk]}})
    assert response.status_code in (200, 422), response.get_data(as_text=True)


def test_a_jwks_key_on_an_unknown_curve_is_a_failing_kid_not_a_500(client: FlaskClient, creds: dict[str, Any]) -> None:
    # The body of issue 20: joserfc raised KeyError for crv P-999, and the JWKS parser let it through as a 500.
    jwk = {"kty": "EC", "kid": "k1", "alg": "ES256", "crv": "P-999", "x": "AA", "y": "AA"}
    for token in (partner_token(), partner_token(header={"kid": "k1"})):
        response = _post(client, creds, {"token": token, "jwks": {"keys": [jwk]}})
        assert response.status_code == 200, response.get_data(as_text=True)
    answer = response.get_json()
    assert failing(answer)[0] == "kid"
    assert "'P-999'" in answer["summary"]


def test_a_fresh_broker_token_passes_with_its_profile(client: FlaskClient, creds: dict[str, Any]) -> None:
    token = generate(client, creds).get_json()["token"]
    response = _post(client, creds, {"token": token, "profileKey": creds["profiles"]["generic"]})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    answer = response.get_json()
    assert answer["valid"] is True, answer["summary"]
    assert answer["keys"] == {"source": "profile", "keyset": devseed.DEV_KEYSET, "kids": answer["keys"]["kids"]}
    assert answer["expected"] == {"iss": BROKER_URL, "aud": devseed.SANDBOX_AUDIENCE}


def test_a_token_for_another_relying_party_fails_aud(client: FlaskClient, creds: dict[str, Any], svc: Services) -> None:
    with client.application.app_context():
        other = create_profile(
            svc,
            devseed.DEV_TENANT,
            devseed.DEV_KEYSET,
            ["https://rp.example"],
            name="exorlive",
            kind="generic",
            delivery_mode="query",
            issuer=BROKER_URL,
            audience="exorlive",
            rp_url="https://rp.example/landing",
        )
    token = generate(client, creds).get_json()["token"]
    answer = _post(client, creds, {"token": token, "profileKey": other.profile_key}).get_json()
    assert failing(answer) == ["aud"]
    assert answer["summary"] == "Fails aud: The audience is not this relying party."


def test_an_expired_broker_token_fails_exp(client: FlaskClient, creds: dict[str, Any], clock: Clock) -> None:
    token = generate(client, creds).get_json()["token"]
    clock.advance(400)
    answer = _post(client, creds, token, **{"Profile-Key": creds["profiles"]["generic"]}).get_json()
    assert failing(answer) == ["exp"]


def test_hs256_and_unknown_keys_fail_against_the_published_jwks(client: FlaskClient, creds: dict[str, Any]) -> None:
    assert "alg" in failing(_post(client, creds, hs256_token()).get_json())
    answer = _post(client, creds, {"token": partner_token()}).get_json()
    assert answer["keys"]["source"] == "default"
    assert failing(answer)[0] == "kid"
    assert "not in the broker's published JWKS" in answer["summary"]


def test_a_partner_checks_its_own_token_against_its_own_jwks(
    client: FlaskClient, creds: dict[str, Any], clock: Clock
) -> None:
    now = int(clock())
    token = partner_token(iat=now, nbf=now, exp=now + 300)
    body = {"token": token, "jwks": PARTNER_JWKS, "issuer": EXPECT.issuer, "audience": EXPECT.audience}
    answer = _post(client, creds, body).get_json()
    assert answer["keys"] == {"source": "request", "keyset": None, "kids": [PARTNER.kid]}
    assert answer["valid"] is True, answer["summary"]


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"token": "x", "jwksUrl": "https://partner.test/jwks.json"}, "jwksUrl", "never fetches a URL"),
        ({"token": "x", "jwks": "https://partner.test/jwks.json"}, "jwks", "never fetches a URL"),
        ({"token": "x", "jwks": {"keys": [{"kty": "EC", "d": "secret"}]}}, "jwks", "private key"),
        ({"token": "x", "jwks": {"keys": "nope"}}, "jwks", '"keys" array'),
        ({"profileKey": "pk_x"}, "token", "Required"),
        ({"token": "x", "issuer": "https://partner.test"}, "audience", "together"),
        ({"token": "x", "tokn": "y"}, "tokn", "Unknown field"),
        ({"token": "x", "profileKey": "pk_x", "issuer": "a", "audience": "b"}, "profileKey", "already says"),
    ],
)
def test_bad_requests_name_the_field(
    client: FlaskClient, creds: dict[str, Any], body: dict[str, Any], field: str, words: str
) -> None:
    answer = problem(_post(client, creds, body), 422, "validation_failed")
    assert words in " ".join(answer["errors"][field])


def test_any_api_key_may_inspect_but_one_is_required(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(client.post(INSPECT, json={"token": "x"}), 401, "unauthorized")
    assert _post(client, creds, {"token": "x"}).status_code == 200


def test_other_media_types_are_415_naming_both(client: FlaskClient, creds: dict[str, Any]) -> None:
    response = client.post(INSPECT, data="token=x", headers={**bearer(creds["apiKey"]), "Content-Type": "text/csv"})
    assert "text/plain" in problem(response, 415, "unsupported_media_type")["detail"]


def test_an_empty_text_body_is_422(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(_post(client, creds, "   "), 422, "validation_failed")


def test_another_tenants_profile_is_404(client: FlaskClient, creds: dict[str, Any]) -> None:
    problem(_post(client, creds, {"token": "x", "profileKey": "pk_doesNotExist0000000000"}), 404, "profile_not_found")


def test_the_token_is_never_logged(
    client: FlaskClient, creds: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    token = generate(client, creds).get_json()["token"]
    caplog.set_level(logging.DEBUG)
    for body in ({"token": token}, {"token": token, "profileKey": "pk_doesNotExist0000000000"}, token):
        _post(client, creds, body)
    _post(client, creds, {"token": token, "jwks": {"keys": [{"d": token}]}})
    logged = "\n".join(f"{record.getMessage()} {record.__dict__}" for record in caplog.records)
    assert "tokens/inspect" in logged  # the access lines are there
    for part in token.split("."):
        assert part not in logged


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=200).filter(str.strip))
def test_any_text_body_is_inspected(client: FlaskClient, creds: dict[str, Any], token: str) -> None:
    assert _post(client, creds, token).status_code == 200
