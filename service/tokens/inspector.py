"""The token inspector: a JWT checked against every relying-party rule, each reported as pass, fail or unchecked.

For partners who sign their own tokens and for "why did the relying party refuse this?". Every rule is the
verifier's own (service/tokens/verifier.py), run one by one instead of stopping at the first failure. Keys come
from the broker's published JWKS or from a JWKS document in the request: nothing is ever fetched from a URL in
the request. The token is never logged or stored; nothing here logs at all.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from typing import Any

from service.errors import TokenRejected, ValidationFailed
from service.keys.lifetimes import LEEWAY_SECONDS
from service.tokens import verifier

PASS, FAIL, UNCHECKED = "pass", "fail", "unchecked"
# The rules in the order a relying party checks them (the verifier's names, as the sandbox reports them).
RULES = (
    "format",
    "alg",
    "typ",
    "header",
    "kid",
    "signature",
    "iss",
    "aud",
    "iat",
    "nbf",
    "exp",
    "lifetime",
    "nonce",
)


@dataclasses.dataclass(frozen=True)
class Keys:
    """The JWKS to check against, and where it came from (for the answer)."""

    document: Mapping[str, Any]
    source: str  # "profile", "default" or "request"
    keyset: str | None = None


@dataclasses.dataclass
class _Report:
    results: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)

    def run(self, rule: str, check: Callable[[], object], passed: str) -> bool:
        """Record `rule` as passed (with `passed` as the reason) unless `check` raises TokenRejected."""
        try:
            check()
        except TokenRejected as rejected:
            self.results[rule] = (FAIL, rejected.detail)
            return False
        self.results.setdefault(rule, (PASS, passed))
        return True

    def fail(self, rule: str, why: str) -> None:
        self.results[rule] = (FAIL, why)

    def unchecked(self, rule: str, why: str) -> None:
        self.results.setdefault(rule, (UNCHECKED, why))


def _header_rules(report: _Report, header: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """alg, typ, the forbidden members and kid's presence: (alg, kid) where they pass."""
    alg: str | None = None
    kid: str | None = None

    def take_alg() -> None:
        nonlocal alg
        alg = verifier.check_alg(header)

    def take_kid() -> None:
        nonlocal kid
        kid = verifier.check_kid_present(header)

    report.run("alg", take_alg, f"{header.get('alg')} is one of the accepted algorithms (RS256, PS256, ES256).")
    report.run("typ", lambda: verifier.check_typ(header), "The typ header is 'JWT'.")
    report.run(
        "header",
        lambda: verifier.check_header_members(header),
        "No jku, x5u, jwk, x5c or crit header: the key comes from the published JWKS.",
    )
    report.run("kid", take_kid, "")
    return alg, kid


def _key_rules(
    report: _Report, token: str, alg: str | None, kid: str | None, keys: Keys, read: verifier.ReadJwks
) -> Mapping[str, Any] | None:
    """kid known, its key usable, its registered alg and the signature: the verified claims, or None."""
    where = "the JWKS you sent" if keys.source == "request" else "the broker's published JWKS"
    if kid is None:
        report.unchecked("signature", "Without a kid there is no key to check the signature with.")
        return None
    if kid in read.unusable:
        report.fail("kid", f"The kid {kid[:64]!r} is in {where}, but its key cannot be used. {read.unusable[kid]}")
        report.unchecked("signature", "The key with this kid cannot be used, so the signature cannot be checked.")
        return None
    published = read.usable.get(kid)
    if published is None:
        report.fail("kid", f"The kid {kid[:64]!r} is not in {where}: the token was signed by another key.")
        report.unchecked("signature", "No key with this kid, so the signature cannot be checked.")
        return None
    report.results["kid"] = (PASS, f"The kid is in {where}.")
    if alg is None:
        report.unchecked("signature", "The algorithm is not accepted, so the signature is not checked.")
        return None
    if not report.run("alg", lambda: verifier.check_registered_alg(published, alg), ""):
        report.unchecked("signature", "The algorithm is not the key's, so the signature is not checked with it.")
        return None
    report.results["alg"] = (PASS, f"{alg} is accepted and is the algorithm registered for this kid.")
    payload: bytes = b""

    def take_payload() -> None:
        nonlocal payload
        payload = verifier.check_signature(token, published)

    if not report.run("signature", take_payload, f"The signature verifies with the published {alg} key."):
        return None
    try:
        claims = json.loads(payload)
    except ValueError:
        return None
    return claims if isinstance(claims, dict) else None


def _claim_rules(report: _Report, claims: Mapping[str, Any], expect: verifier.Expectations | None, now: int) -> None:
    if expect is None:
        why = "Send profileKey (or issuer and audience) to check it against what the relying party expects."
        report.unchecked("iss", why)
        report.unchecked("aud", why)
    else:
        report.run("iss", lambda: verifier.check_iss(claims, expect), f"iss is {expect.issuer!r}, as agreed.")
        report.run("aud", lambda: verifier.check_aud(claims, expect), f"aud is {expect.audience!r}, as agreed.")
    times: dict[str, int] = {}
    for name in ("iat", "nbf", "exp"):
        try:
            times[name] = verifier.int_claim(claims, name)
        except TokenRejected as rejected:
            report.fail(name, rejected.detail)
    iat, nbf, exp = times.get("iat"), times.get("nbf"), times.get("exp")
    leeway = LEEWAY_SECONDS
    if iat is not None:
        report.run(
            "iat", lambda: verifier.check_issued(iat, now), f"Issued {now - iat} s ago (at most {leeway} s ahead)."
        )
    if iat is not None and nbf is not None:
        report.run("nbf", lambda: verifier.check_nbf(iat, nbf), "nbf equals iat.")
    else:
        report.unchecked("nbf", "Needs both iat and nbf as integers.")
    if exp is not None:
        left = exp - now
        passed = f"Expires in {left} s." if left > 0 else f"Expired {-left} s ago, within the {leeway} s leeway."
        report.run("exp", lambda: verifier.check_unexpired(exp, now), passed)
    if iat is not None and exp is not None:
        max_lifetime = verifier.MAX_LIFETIME_SECONDS
        report.run(
            "lifetime",
            lambda: verifier.check_lifetime(iat, exp),
            f"exp is {exp - iat} s after iat (at most {max_lifetime} s).",
        )
    else:
        report.unchecked("lifetime", "Needs both iat and exp as integers.")
    report.run("nonce", lambda: verifier.check_nonce(claims), "A nonce of at least 16 characters is present.")


def _unverified_claims(token: str) -> Mapping[str, Any] | None:
    try:
        return verifier.decode_part(token.split(".")[1], "payload")
    except TokenRejected:
        return None


def inspect(token: str, keys: Keys, expect: verifier.Expectations | None, now: int) -> dict[str, Any]:
    """The answer of POST /api/v1/tokens/inspect for this token (never raises for any token)."""
    report = _Report()
    header: Mapping[str, Any] | None = None
    claims: Mapping[str, Any] | None = None
    verified: Mapping[str, Any] | None = None
    try:
        verifier.check_format(token)
        header = verifier.decode_part(token.split(".", 1)[0], "header")
        claims = verifier.decode_part(token.split(".")[1], "payload")
    except TokenRejected as rejected:
        report.fail("format", rejected.detail)
    else:
        report.results["format"] = (PASS, "A compact JWS: three base64url parts, header and payload JSON objects.")
    read = verifier.read_jwks(keys.document)
    if header is not None:
        alg, kid = _header_rules(report, header)
        verified = _key_rules(report, token, alg, kid, keys, read)
    if claims is None and header is not None:
        claims = _unverified_claims(token)
    if claims is not None:
        _claim_rules(report, claims, expect, now)
    for rule in RULES:
        report.unchecked(rule, "The token could not be decoded far enough to check this.")
    rules = [{"rule": rule, "result": report.results[rule][0], "detail": report.results[rule][1]} for rule in RULES]
    failed = [rule for rule in rules if rule["result"] == FAIL]
    unchecked = [rule["rule"] for rule in rules if rule["result"] == UNCHECKED]
    if failed:
        summary = f"Fails {failed[0]['rule']}: {failed[0]['detail']}"
        if len(failed) > 1:
            summary += f" ({len(failed)} rules fail in all.)"
    elif unchecked:
        summary = f"Passes every rule checked; not checked: {', '.join(unchecked)}."
    else:
        summary = "Passes every rule: a relying party that checks as the broker does accepts it until exp."
    return {
        "valid": not failed and not unchecked,
        "summary": summary,
        "header": dict(header) if header is not None else None,
        "claims": dict(claims) if claims is not None else None,
        "signatureVerified": verified is not None,
        "checkedAt": now,
        "leewaySeconds": LEEWAY_SECONDS,
        "expected": {"iss": expect.issuer, "aud": expect.audience} if expect else None,
        "keys": {"source": keys.source, "keyset": keys.keyset, "kids": sorted(read.usable)},
        "rules": rules,
    }


# --- the request ------------------------------------------------------------------------------------------
_FIELDS = ("token", "profileKey", "jwks", "issuer", "audience")
_NO_FETCHING = 'The inspector never fetches a URL: put the JWKS document itself in jwks ({"keys": [...]}).'
_URL_FIELDS = ("jwksUrl", "jwks_uri", "jwksUri", "jku")
# JWK members only a private key has (RFC 7518 §6.2.2, §6.3.2).
_PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth")


@dataclasses.dataclass(frozen=True)
class Inspection:
    """What to inspect: the token, and optionally a profile key, a JWKS document, and an expected iss and aud."""

    token: str
    profile_key: str | None = None
    jwks: Mapping[str, Any] | None = None
    issuer: str | None = None
    audience: str | None = None


def _jwks_problems(jwks: Any) -> list[str]:
    if isinstance(jwks, str):
        return [_NO_FETCHING]
    if not isinstance(jwks, Mapping) or not isinstance(jwks.get("keys"), list):
        return ['A JWKS document: an object with a "keys" array of public JWKs.']
    problems = []
    for index, key in enumerate(jwks["keys"]):
        if isinstance(key, Mapping) and any(member in key for member in _PRIVATE_MEMBERS):
            problems.append(
                f"keys[{index}] is a private key. Send public keys only; and replace that key, since it has left "
                "your hands."
            )
    return problems


def read_inspection(body: Any) -> Inspection:
    """The JSON request, checked: ValidationFailed (422) naming each problem field."""
    if not isinstance(body, Mapping):
        raise ValidationFailed(
            "The body is not valid.", errors={"_body": ['A JSON object: {"token": "eyJ…", "profileKey": "pk_…"}.']}
        )
    errors: dict[str, list[str]] = {}
    for name in body:
        if name in _URL_FIELDS:
            errors[name] = [_NO_FETCHING]
        elif name not in _FIELDS:
            errors[str(name)[:64]] = [f"Unknown field; the fields are {', '.join(_FIELDS)}."]
    token = body.get("token")
    if not isinstance(token, str) or not token.strip():
        errors["token"] = ["Required: the JWT as a string (eyJ….eyJ….…)."]
    for name in ("profileKey", "issuer", "audience"):
        if name in body and not isinstance(body[name], str):
            errors[name] = ["A string."]
    if "jwks" in body and (problems := _jwks_problems(body["jwks"])):
        errors["jwks"] = problems
    if ("issuer" in body) != ("audience" in body):
        errors["issuer" if "issuer" not in body else "audience"] = ["Send issuer and audience together."]
    if "profileKey" in body and ("issuer" in body or "audience" in body):
        errors["profileKey"] = [
            "The profile already says which iss and aud to expect; send issuer and audience only without it."
        ]
    if errors:
        raise ValidationFailed("The body is not valid.", errors=errors)
    return Inspection(
        token=str(token).strip(),
        profile_key=body.get("profileKey"),
        jwks=body.get("jwks"),
        issuer=body.get("issuer"),
        audience=body.get("audience"),
    )
