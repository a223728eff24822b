"""The request's `email` object: addresses, company, links; checked before anything is made."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate

from service.email.message import LinkEmail
from service.locales import DEFAULT_LOCALE
from service.web.validation import control_characters, encoded_words, flatten_errors

MAX_BCC = 5  # Enough for an admin to copy themselves and a colleague, too few to turn this into a mailing list.
_MAX_COMPANY_NAME = 100
_MAX_ADDRESS = 254  # RFC 5321's limit for a forward path.
_MAX_URL = 2048


def _control_characters(value: Any) -> bool:
    """True when a string (or a string in a list) holds CR, LF or another control character."""
    if isinstance(value, str):
        return control_characters(value)
    if isinstance(value, list):
        return any(_control_characters(item) for item in value)
    return False


def _address() -> fields.Email:
    return fields.Email(validate=validate.Length(max=_MAX_ADDRESS))


def _web_link() -> fields.Url:
    return fields.Url(schemes={"http", "https"}, require_tld=False, validate=validate.Length(max=_MAX_URL))


class EmailRequest(Schema):
    """The generateJWT request's `email` object: who gets the link, and what the mail may say about the sender."""

    class Meta:
        unknown = RAISE

    to = fields.Email(required=True, validate=validate.Length(max=_MAX_ADDRESS))
    bcc = fields.List(_address(), validate=validate.Length(max=MAX_BCC))
    companyName = fields.String(validate=validate.Length(min=1, max=_MAX_COMPANY_NAME))
    contactEmail = _address()
    termsUrl = _web_link()
    privacyUrl = _web_link()

    @pre_load
    def _refuse_header_injection(self, data: Any, **_: Any) -> Any:
        # Every value may end up in a header or next to one; a line break could add headers (Bcc: ...).
        if isinstance(data, Mapping):
            bad = {
                name: ["May not contain line breaks or other control characters."]
                for name, value in data.items()
                if _control_characters(value)
            }
            company = data.get("companyName")
            if "companyName" not in bad and isinstance(company, str) and encoded_words(company):
                # The company name goes into the Subject, where an encoded word would be decoded, line breaks and all.
                bad["companyName"] = ["May not contain =?...?= (mail programs would decode it as an encoded word)."]
            if bad:
                raise ValidationError(bad)
        return data


email_request = EmailRequest()


def validate_email_request(data: Mapping[str, Any] | Any) -> dict[str, list[str]]:
    """Field errors of the request's `email` object, keyed like "email.to" and "email.bcc.2"; empty when valid."""
    if not isinstance(data, Mapping):
        return {"email": ["Must be an object: {to, companyName?, contactEmail?, termsUrl?, privacyUrl?, bcc?}."]}
    try:
        email_request.load(data)
    except ValidationError as error:
        return flatten_errors(error.messages, "email.")
    return {}


def link_email_from_request(
    data: Mapping[str, Any],
    *,
    url: str,
    expires_at: int,
    profile_name: str,
    uses: int = 1,
    locale: str = DEFAULT_LOCALE,
    time_zone: str = "UTC",
    sender_name: str | None = None,
) -> LinkEmail:
    """The LinkEmail for a launch link from a request `email` object that `validate_email_request` accepted.

    `sender_name` (the tenant's display name) names the mail's sender (its From), and stands in for a
    `companyName` the request did not give.
    """
    bcc: Sequence[str] = data.get("bcc") or ()
    return LinkEmail(
        to=data["to"],
        bcc=list(bcc),
        url=url,
        expires_at=expires_at,
        company_name=data.get("companyName") or sender_name,
        contact_email=data.get("contactEmail"),
        terms_url=data.get("termsUrl"),
        privacy_url=data.get("privacyUrl"),
        profile_name=profile_name,
        uses=uses,
        locale=locale,
        time_zone=time_zone,
        sender_name=sender_name,
    )
