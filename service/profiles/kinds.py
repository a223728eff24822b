"""What a profile can be: its payload kind and delivery mode, and the payload check for each kind."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Mapping
from typing import Any

from marshmallow import INCLUDE, Schema, ValidationError, fields, validate

from service.errors import ValidationFailed
from service.web.validation import flatten_errors

_MAX_ID = 200
_MAX_TEXT = 200

# Claims the broker sets itself; a payload may not shadow them.
REGISTERED_CLAIMS = frozenset({"iss", "aud", "exp", "nbf", "iat", "nonce", "jti", "sub"})
# Claims a relying party may act on, so a payload may not smuggle them in past the profile's rules:
# `redirect` (checked against the allowed origins only at the top level of the request), and the OAuth and
# OpenID Connect claims that name a client, a session, an authentication or a key (RFC 7519, 7800, 8693,
# 9068; OpenID Connect Core 1.0).
GOVERNED_CLAIMS = frozenset({"redirect", "azp", "acr", "amr", "auth_time", "scope", "sid", "cnf", "client_id", "typ"})
RESERVED_CLAIMS = REGISTERED_CLAIMS | GOVERNED_CLAIMS

KINDS = ("exorlive-main", "exorlive-go", "generic")
DELIVERY_MODES = ("exchange", "form", "query")


def _iso_date(value: str) -> None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError("Not an ISO date (YYYY-MM-DD).") from None
    if len(value) != 10:
        raise ValidationError("Not an ISO date (YYYY-MM-DD).")


_SSN_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_SSN_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _mod11_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else check


def is_norwegian_national_id(value: str) -> bool:
    """11 digits whose last two are the mod-11 check digits of a Norwegian national identity number."""
    if len(value) != 11 or not value.isdigit():
        return False
    first = _mod11_digit(value[:9], _SSN_WEIGHTS_1)
    second = _mod11_digit(value[:10], _SSN_WEIGHTS_2)
    return first == int(value[9]) and second == int(value[10])


# A number where text belongs is the usual slip (an ID from a database column): say what to change.
_ID_NOT_TEXT = 'IDs are text: put quotes around it ("4711", not 4711).'
_NOT_TEXT = 'Text, in quotes ("…").'


def _id_field(required: bool = True) -> fields.String:
    return fields.String(
        required=required, validate=validate.Length(min=1, max=_MAX_ID), error_messages={"invalid": _ID_NOT_TEXT}
    )


def _text(required: bool = False) -> fields.String:
    # Optional text may be empty, as in the seed's example (`"middlename": ""`).
    minimum = 1 if required else 0
    return fields.String(
        required=required, validate=validate.Length(min=minimum, max=_MAX_TEXT), error_messages={"invalid": _NOT_TEXT}
    )


def _optional_email() -> fields.String:
    def check(value: str) -> None:
        if value:
            validate.Email()(value)

    return fields.String(validate=[validate.Length(max=254), check])


class Contact(Schema):
    class Meta:
        unknown = INCLUDE

    id = _id_field()
    firstname = _text(required=True)
    lastname = _text(required=True)
    middlename = _text()
    birthdate = fields.String(validate=_iso_date)
    ssn = fields.String(validate=validate.Length(max=20))
    gender = _text()
    mobile = fields.String(validate=validate.Length(max=32))
    email = _optional_email()
    diagnosis = _text()


class ExorLiveGoPayload(Schema):
    class Meta:
        unknown = INCLUDE

    organizationId = _id_field()
    organizationName = _text(required=True)
    contact = fields.Nested(Contact, required=True)


class ExorLiveMainPayload(ExorLiveGoPayload):
    employeeId = _id_field()
    employeeUsername = _text()
    employeeFirstname = _text(required=True)
    employeeLastname = _text(required=True)
    employeeEmail = _optional_email()


_PAYLOAD_SCHEMAS: dict[str, Schema | None] = {
    "exorlive-main": ExorLiveMainPayload(),
    "exorlive-go": ExorLiveGoPayload(),
    "generic": None,
}


def _reserved_reason(claim: str) -> str:
    if claim == "redirect":
        return (
            "Send redirect at the top level of the request, where it is checked against the profile's allowed origins."
        )
    if claim in REGISTERED_CLAIMS:
        return f"{claim!r} is set by the broker and may not be sent in the payload."
    return f"{claim!r} is reserved: a relying party may act on it, so the broker never signs one a caller sent."


def _squashed(name: str) -> str:
    """A field name without case, `_` or `-`: `first_name`, `First-Name` and `firstName` are all `firstname`."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


# How alike a name must be to a known field (difflib's ratio, after squashing) to count as a near miss; and the
# shortest squashed name compared at all, since short names are alike by chance ("mail", "name").
_NEAR_MISS_RATIO = 0.85
_NEAR_MISS_MIN_LENGTH = 5


def _meant(name: str, known: list[str]) -> str | None:
    """The one known field `name` most likely misspells, or None: another case or separator, or one close typo."""
    by_squashed = {_squashed(field): field for field in known}
    squashed = _squashed(name)
    if squashed in by_squashed:
        return by_squashed[squashed]
    if len(squashed) < _NEAR_MISS_MIN_LENGTH:
        return None
    scores = sorted(
        ((difflib.SequenceMatcher(None, squashed, other).ratio(), other) for other in by_squashed), reverse=True
    )
    best = [other for ratio, other in scores if ratio >= _NEAR_MISS_RATIO and ratio == scores[0][0]]
    # Two fields equally close: no guess (employeeName could be employeeUsername or employeeFirstname).
    return by_squashed[best[0]] if len(best) == 1 else None


def near_misses(schema: Schema, data: Mapping[str, Any], prefix: str = "payload.") -> dict[str, list[str]]:
    """Extra fields that look like a known field of `schema` (or of a nested object) misspelled.

    Extra fields pass into the token as sent, so `firstName` would be signed while `firstname`, the one the
    relying party reads, is left out. A near miss is refused unless the field it resembles is sent too (then
    it is meant as an extra).
    """
    known = [name for name in schema.fields if name not in data]
    errors: dict[str, list[str]] = {}
    for name, value in data.items():
        field = schema.fields.get(name)
        if field is None:
            meant = _meant(name, known) if name not in RESERVED_CLAIMS else None
            if meant is not None:
                errors[prefix + name] = [
                    f"Unknown field: did you mean {meant}? Field names are case-sensitive, and an extra field "
                    f"passes into the token as sent, so {meant} would be missing."
                ]
        elif isinstance(field, fields.Nested) and isinstance(field.schema, Schema) and isinstance(value, Mapping):
            errors.update(near_misses(field.schema, value, f"{prefix}{name}."))
    return errors


def load_payload(kind: str, payload: Mapping[str, Any], check_ssn: bool, max_bytes: int) -> dict[str, Any]:
    """The payload checked against its profile's kind, its size bound and the registered claims."""
    errors: dict[str, list[str]] = {}
    for claim in sorted(RESERVED_CLAIMS & payload.keys()):
        errors[f"payload.{claim}"] = [_reserved_reason(claim)]
    size = len(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())
    if size > max_bytes:
        errors["payload"] = [f"The payload is {size} bytes as JSON; at most {max_bytes} are allowed."]
    schema = _PAYLOAD_SCHEMAS[kind]
    if schema is not None and not errors:
        try:
            schema.load(payload)
        except ValidationError as error:
            errors.update(flatten_errors(error.messages, "payload."))
        errors.update(near_misses(schema, payload))
    if check_ssn and not errors:
        ssn = (payload.get("contact") or {}).get("ssn")
        if ssn and not is_norwegian_national_id(ssn):
            errors["payload.contact.ssn"] = ["Not a valid Norwegian national identity number (11 digits, mod-11)."]
    if errors:
        raise ValidationFailed(f"The payload is not a valid {kind} payload.", errors=errors)
    # The token carries what the caller sent, extra fields included, not a re-serialised copy.
    return dict(payload)
