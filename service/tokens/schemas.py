"""The generateJWT request body: its fields, their bounds, and the Ayrshare fields refused with a reason."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates_schema

from service.email.request import EmailRequest
from service.errors import ValidationFailed
from service.locales import LOCALES
from service.web.validation import flatten_errors

MAX_EXPIRE_IN_MINUTES = 2880  # 48 hours, as in the Ayrshare generateJWT contract.
DEFAULT_EXPIRE_IN_MINUTES = 5

# Fields of the Ayrshare request that make no sense here, with the reason we give instead of "Unknown field".
_REFUSED_FIELDS = {
    "privateKey": "The broker holds the signing keys; never send a private key.",
    "base64": "The broker holds the signing keys; there is no private key to decode.",
    "domain": "The relying party's domain is part of the profile; send profileKey instead.",
}


_DURATION = re.compile(r"^\s*([0-9]{1,5})\s*([mhd])\s*$")
_MINUTES_PER_UNIT = {"m": 1, "h": 60, "d": 1440}
MINUTES_HINT = (
    f"A whole number of minutes from 1 to {MAX_EXPIRE_IN_MINUTES} (e.g. 2880 for 48 hours), "
    'or a duration such as "90m", "48h" or "2d".'
)


class Minutes(fields.Integer):
    """Minutes as a JSON integer, or a duration string: "90m", "48h", "2d"."""

    def __init__(self) -> None:
        super().__init__(
            strict=True,
            validate=validate.Range(1, MAX_EXPIRE_IN_MINUTES, error=MINUTES_HINT),
            error_messages={"invalid": MINUTES_HINT},
        )

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, str) and (found := _DURATION.match(value)):
            return int(found.group(1)) * _MINUTES_PER_UNIT[found.group(2)]
        return int(super()._deserialize(value, attr, data, **kwargs))


class PayloadObject(fields.Dict):
    """`payload` must be a JSON object; a string (often the object's JSON text) gets told so."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dict[str, Any]:
        if isinstance(value, str):
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            if isinstance(parsed, dict):
                raise ValidationError(
                    "payload holds the object's JSON as a string: send the object itself, without the quotes around it."
                )
            raise ValidationError('payload must be an object, not a string: {"userId": "u-123"}, not "u-123".')
        if not isinstance(value, Mapping):
            raise ValidationError('payload must be an object ({"userId": "u-123"}), with the fields for the token.')
        # No key or value fields: the object as sent (checked against its kind once the profile is known).
        return dict(value)


class StrictBoolean(fields.Boolean):
    """Only JSON true/false: "yes", 1 or "false" are mistakes a caller should hear about."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class GenerateJWTRequest(Schema):
    class Meta:
        unknown = RAISE

    profileKey = fields.String(validate=validate.Length(min=1, max=100))
    payload = PayloadObject(required=True)
    expireIn = Minutes()
    expiresIn = Minutes()
    verify = StrictBoolean()
    redirect = fields.Url(schemes={"http", "https"}, require_tld=False, validate=validate.Length(max=2048))
    email = fields.Nested(EmailRequest)
    # Launch links: revoke this link of yours with the new one; a QR code of the link; the locale of its pages.
    replaces = fields.String(validate=validate.Length(min=1, max=32))
    qr = StrictBoolean()
    locale = fields.String(validate=validate.OneOf(LOCALES))
    # With `email`, the answer leaves the member's token out unless this is true.
    includeToken = StrictBoolean()

    @pre_load
    def _refuse_ayrshare_only_fields(self, data: Any, **_: Any) -> Any:
        if isinstance(data, Mapping):
            refused = {name: [reason] for name, reason in _REFUSED_FIELDS.items() if name in data}
            if refused:
                raise ValidationError(refused)
        return data

    @validates_schema
    def _qr_not_mailed(self, data: Mapping[str, Any], **_: Any) -> None:
        if data.get("qr") and "email" in data:
            raise ValidationError("A QR code is for someone in front of you; send qr or email, not both.", "qr")

    @validates_schema
    def _one_expiry(self, data: Mapping[str, Any], **_: Any) -> None:
        both = "expireIn" in data and "expiresIn" in data
        if both and data["expireIn"] != data["expiresIn"]:
            raise ValidationError("Send expireIn or its alias expiresIn, not two different values.", "expiresIn")


generate_jwt_request = GenerateJWTRequest()


# Fields of the payload kinds: sent at the top level of the request, they belong inside `payload`.
_PAYLOAD_FIELDS = frozenset(
    {"organizationId", "organizationName", "contact", "userId", "employeeId", "employeeUsername"}
    | {"employeeFirstname", "employeeLastname", "employeeEmail", "firstname", "lastname", "email", "id"}
)
_UNKNOWN = "Unknown field."


def _explain_unknown(errors: dict[str, list[str]], body: Any) -> dict[str, list[str]]:
    """ "Unknown field." made useful: the field meant (a typo, another case), or "put it inside payload"."""
    known = list(generate_jwt_request.fields)
    by_lower = {name.lower(): name for name in known}
    misplaced = []
    for name, messages in errors.items():
        if messages != [_UNKNOWN]:
            continue
        meant = by_lower.get(name.lower()) or next(iter(difflib.get_close_matches(name, known, n=1, cutoff=0.7)), None)
        if meant is not None:
            errors[name] = [f"Unknown field: did you mean {meant}?"]
        elif name in _PAYLOAD_FIELDS:
            misplaced.append(name)
            errors[name] = ["This goes in the token: put it inside payload."]
        else:
            errors[name] = [
                f"Unknown field. The request's fields are {', '.join(known)}; the token's go inside payload."
            ]
    if misplaced and isinstance(body, Mapping) and "payload" not in body:
        errors["payload"] = [f"Required: put {', '.join(sorted(misplaced))} inside payload, an object."]
    return errors


def load_request(body: Any) -> dict[str, Any]:
    """The validated generateJWT request, or ValidationFailed (422) listing every problem."""
    try:
        return dict(generate_jwt_request.load(body))
    except ValidationError as error:
        errors = _explain_unknown(flatten_errors(error.messages), body)
        raise ValidationFailed("The request body is not valid.", errors=errors) from None
