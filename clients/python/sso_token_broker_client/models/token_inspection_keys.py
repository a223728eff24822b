from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_inspection_keys_source import TokenInspectionKeysSource, check_token_inspection_keys_source

T = TypeVar("T", bound="TokenInspectionKeys")


@_attrs_define
class TokenInspectionKeys:
    """
    Attributes:
        source (TokenInspectionKeysSource): `profile`: the profile's keyset as published; `default`: /.well-
            known/jwks.json; `request`: the `jwks` you sent.
        keyset (None | str):
        kids (list[str]): The usable keys' ids.
    """

    source: TokenInspectionKeysSource
    keyset: None | str
    kids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source: str = self.source

        keyset: None | str
        keyset = self.keyset

        kids = self.kids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "keyset": keyset,
                "kids": kids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = check_token_inspection_keys_source(d.pop("source"))

        def _parse_keyset(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        keyset = _parse_keyset(d.pop("keyset"))

        kids = cast(list[str], d.pop("kids"))

        token_inspection_keys = cls(
            source=source,
            keyset=keyset,
            kids=kids,
        )

        token_inspection_keys.additional_properties = d
        return token_inspection_keys

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
