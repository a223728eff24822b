"""The generateJWT request body: its fields, their bounds, and the Ayrshare fields refused with a reason."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates_schema

from service.email.request import EmailRequest
from service.errors import ValidationFailed
from service.web.validation import flatten_errors

MAX_EXPIRE_IN_MINUTES = 2880  # 48 hours, as in the Ayrshare generateJWT contract.
DEFAULT_EXPIRE_IN_MINUTES = 5

# Fields of the Ayrshare request that make no sense here, with the reason we give instead of "Unknown field".
_REFUSED_FIELDS = {
    "privateKey": "The broker holds the signing keys; never send a private key.",
    "base64": "The broker holds the signing keys; there is no private key to decode.",
    "domain": "The relying party's domain is part of the profile; send profileKey instead.",
}


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
    payload = fields.Dict(required=True)
    expireIn = fields.Integer(strict=True, validate=validate.Range(1, MAX_EXPIRE_IN_MINUTES))
    expiresIn = fields.Integer(strict=True, validate=validate.Range(1, MAX_EXPIRE_IN_MINUTES))
    verify = StrictBoolean()
    redirect = fields.Url(schemes={"http", "https"}, require_tld=False, validate=validate.Length(max=2048))
    email = fields.Nested(EmailRequest)

    @pre_load
    def _refuse_ayrshare_only_fields(self, data: Any, **_: Any) -> Any:
        if isinstance(data, Mapping):
            refused = {name: [reason] for name, reason in _REFUSED_FIELDS.items() if name in data}
            if refused:
                raise ValidationError(refused)
        return data

    @validates_schema
    def _one_expiry(self, data: Mapping[str, Any], **_: Any) -> None:
        both = "expireIn" in data and "expiresIn" in data
        if both and data["expireIn"] != data["expiresIn"]:
            raise ValidationError("Send expireIn or its alias expiresIn, not two different values.", "expiresIn")


generate_jwt_request = GenerateJWTRequest()


def load_request(body: Any) -> dict[str, Any]:
    """The validated generateJWT request, or ValidationFailed (422) listing every problem."""
    try:
        return dict(generate_jwt_request.load(body))
    except ValidationError as error:
        raise ValidationFailed("The request body is not valid.", errors=flatten_errors(error.messages)) from None
