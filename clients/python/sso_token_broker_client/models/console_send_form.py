from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.console_send_form_delivery import ConsoleSendFormDelivery, check_console_send_form_delivery
from ..models.console_send_form_expiry import ConsoleSendFormExpiry, check_console_send_form_expiry
from ..models.console_send_form_locale import ConsoleSendFormLocale, check_console_send_form_locale
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsoleSendForm")


@_attrs_define
class ConsoleSendForm:
    """The Send form: its CSRF token and attempt (a random value per form shown), the link's expiry (minutes:
    15, 60, 2880), locale, delivery (`email` with `to`, or `qr`), and the payload's fields by kind:
    `organization_id`, `organization_name`, `employee_*` (ExorLive Main), `contact_*`; generic profiles
    `key_1`…`key_5` with `value_1`…`value_5`.

        Attributes:
            csrf_token (str):
            attempt (str | Unset):
            expiry (ConsoleSendFormExpiry | Unset):
            locale (ConsoleSendFormLocale | Unset):
            delivery (ConsoleSendFormDelivery | Unset):
            to (str | Unset):
    """

    csrf_token: str
    attempt: str | Unset = UNSET
    expiry: ConsoleSendFormExpiry | Unset = UNSET
    locale: ConsoleSendFormLocale | Unset = UNSET
    delivery: ConsoleSendFormDelivery | Unset = UNSET
    to: str | Unset = UNSET
    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        csrf_token = self.csrf_token

        attempt = self.attempt

        expiry: str | Unset = UNSET
        if not isinstance(self.expiry, Unset):
            expiry = self.expiry

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale

        delivery: str | Unset = UNSET
        if not isinstance(self.delivery, Unset):
            delivery = self.delivery

        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "csrf_token": csrf_token,
            }
        )
        if attempt is not UNSET:
            field_dict["attempt"] = attempt
        if expiry is not UNSET:
            field_dict["expiry"] = expiry
        if locale is not UNSET:
            field_dict["locale"] = locale
        if delivery is not UNSET:
            field_dict["delivery"] = delivery
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        csrf_token = d.pop("csrf_token")

        attempt = d.pop("attempt", UNSET)

        _expiry = d.pop("expiry", UNSET)
        expiry: ConsoleSendFormExpiry | Unset
        if isinstance(_expiry, Unset):
            expiry = UNSET
        else:
            expiry = check_console_send_form_expiry(_expiry)

        _locale = d.pop("locale", UNSET)
        locale: ConsoleSendFormLocale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = check_console_send_form_locale(_locale)

        _delivery = d.pop("delivery", UNSET)
        delivery: ConsoleSendFormDelivery | Unset
        if isinstance(_delivery, Unset):
            delivery = UNSET
        else:
            delivery = check_console_send_form_delivery(_delivery)

        to = d.pop("to", UNSET)

        console_send_form = cls(
            csrf_token=csrf_token,
            attempt=attempt,
            expiry=expiry,
            locale=locale,
            delivery=delivery,
            to=to,
        )

        console_send_form.additional_properties = d
        return console_send_form

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
