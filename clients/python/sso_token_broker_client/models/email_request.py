from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EmailRequest")


@_attrs_define
class EmailRequest:
    """Mail the `url` (always a launch link when `email` is given; it waits for a click, since mail scanners
    open links) to a member. Needs the scope `links:email`, and `links:long` when `expireIn` outlives the
    token. The mail (text and HTML) carries the link, its expiry in words and as a date, and what you
    give here, nothing from the payload. If the mail server refuses or is down, the answer is
    `502 email_failed` and the link made for it is revoked. Invalid addresses are `422` before anything
    is made. Values may not contain line breaks or other control characters. The mail is From your
    account's display name on the broker's address (`Tatooine Physio <no-reply@broker.example>`).

        Attributes:
            to (str):
            bcc (list[str] | Unset): Copies, sent as envelope recipients only (never in the message headers).
            company_name (str | Unset): Names the sender in the subject and the text (your account's display name when
                absent). May not
                contain `=?…?=`, which mail programs would decode as an encoded word.
            contact_email (str | Unset): Shown in the mail and used as Reply-To.
            terms_url (str | Unset):
            privacy_url (str | Unset):
    """

    to: str
    bcc: list[str] | Unset = UNSET
    company_name: str | Unset = UNSET
    contact_email: str | Unset = UNSET
    terms_url: str | Unset = UNSET
    privacy_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        bcc: list[str] | Unset = UNSET
        if not isinstance(self.bcc, Unset):
            bcc = self.bcc

        company_name = self.company_name

        contact_email = self.contact_email

        terms_url = self.terms_url

        privacy_url = self.privacy_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if bcc is not UNSET:
            field_dict["bcc"] = bcc
        if company_name is not UNSET:
            field_dict["companyName"] = company_name
        if contact_email is not UNSET:
            field_dict["contactEmail"] = contact_email
        if terms_url is not UNSET:
            field_dict["termsUrl"] = terms_url
        if privacy_url is not UNSET:
            field_dict["privacyUrl"] = privacy_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = d.pop("to")

        bcc = cast(list[str], d.pop("bcc", UNSET))

        company_name = d.pop("companyName", UNSET)

        contact_email = d.pop("contactEmail", UNSET)

        terms_url = d.pop("termsUrl", UNSET)

        privacy_url = d.pop("privacyUrl", UNSET)

        email_request = cls(
            to=to,
            bcc=bcc,
            company_name=company_name,
            contact_email=contact_email,
            terms_url=terms_url,
            privacy_url=privacy_url,
        )

        return email_request
