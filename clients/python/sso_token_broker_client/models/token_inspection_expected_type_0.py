from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenInspectionExpectedType0")


@_attrs_define
class TokenInspectionExpectedType0:
    """The `iss` and `aud` checked against; null when neither a profile nor issuer and audience were sent.

    Attributes:
        iss (str | Unset):
        aud (str | Unset):
    """

    iss: str | Unset = UNSET
    aud: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        iss = self.iss

        aud = self.aud

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if iss is not UNSET:
            field_dict["iss"] = iss
        if aud is not UNSET:
            field_dict["aud"] = aud

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        iss = d.pop("iss", UNSET)

        aud = d.pop("aud", UNSET)

        token_inspection_expected_type_0 = cls(
            iss=iss,
            aud=aud,
        )

        token_inspection_expected_type_0.additional_properties = d
        return token_inspection_expected_type_0

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
