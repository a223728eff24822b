from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.console_role_form_role import ConsoleRoleFormRole, check_console_role_form_role

T = TypeVar("T", bound="ConsoleRoleForm")


@_attrs_define
class ConsoleRoleForm:
    """The console's form that changes a user's role.

    Attributes:
        csrf_token (str):
        role (ConsoleRoleFormRole):
    """

    csrf_token: str
    role: ConsoleRoleFormRole
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        csrf_token = self.csrf_token

        role: str = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "csrf_token": csrf_token,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        csrf_token = d.pop("csrf_token")

        role = check_console_role_form_role(d.pop("role"))

        console_role_form = cls(
            csrf_token=csrf_token,
            role=role,
        )

        console_role_form.additional_properties = d
        return console_role_form

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
