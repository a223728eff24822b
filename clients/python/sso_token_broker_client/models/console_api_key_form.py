from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.console_api_key_form_mode import ConsoleApiKeyFormMode, check_console_api_key_form_mode
from ..models.console_api_key_form_scopes_item import (
    ConsoleApiKeyFormScopesItem,
    check_console_api_key_form_scopes_item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsoleApiKeyForm")


@_attrs_define
class ConsoleApiKeyForm:
    """The console's form that creates an API key.

    Attributes:
        csrf_token (str):
        mode (ConsoleApiKeyFormMode):
        label (str | Unset):
        scopes (list[ConsoleApiKeyFormScopesItem] | Unset):
        rate_limit (str | Unset): `<count>/<second|minute|hour|day>`; empty for the broker's RATE_LIMIT. Example:
            600/minute.
    """

    csrf_token: str
    mode: ConsoleApiKeyFormMode
    label: str | Unset = UNSET
    scopes: list[ConsoleApiKeyFormScopesItem] | Unset = UNSET
    rate_limit: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        csrf_token = self.csrf_token

        mode: str = self.mode

        label = self.label

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item: str = scopes_item_data
                scopes.append(scopes_item)

        rate_limit = self.rate_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "csrf_token": csrf_token,
                "mode": mode,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if rate_limit is not UNSET:
            field_dict["rate_limit"] = rate_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        csrf_token = d.pop("csrf_token")

        mode = check_console_api_key_form_mode(d.pop("mode"))

        label = d.pop("label", UNSET)

        _scopes = d.pop("scopes", UNSET)
        scopes: list[ConsoleApiKeyFormScopesItem] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = check_console_api_key_form_scopes_item(scopes_item_data)

                scopes.append(scopes_item)

        rate_limit = d.pop("rate_limit", UNSET)

        console_api_key_form = cls(
            csrf_token=csrf_token,
            mode=mode,
            label=label,
            scopes=scopes,
            rate_limit=rate_limit,
        )

        console_api_key_form.additional_properties = d
        return console_api_key_form

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
