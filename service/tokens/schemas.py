"""The generateJWT request body: its fields, their bounds, and the Ayrshare fields refused with a reason."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates_schema

from service.email.request import EmailRequest
from service.errors import ValidationFailed
from service.web.validation import flatten_errors

# The locales of launch pages and mails.
LINK_LOCALES = ("nb", "nn", "en")
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
    # Launch links: revoke this link of yours with the new one; a QR code of the link; the locale of its pages.
    replaces = fields.String(validate=validate.Length(min=1, max=32))
    qr = StrictBoolean()
    locale = fields.String(validate=validate.OneOf(LINK_LOCALES))
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


def load_request(body: Any) -> dict[str, Any]:
    """The validated generateJWT request, or ValidationFailed (422) listing every problem."""
    try:
        return dict(generate_jwt_request.load(body))
    except ValidationError as error:
        raise ValidationFailed("The request body is not valid.", errors=flatten_errors(error.messages)) from None
