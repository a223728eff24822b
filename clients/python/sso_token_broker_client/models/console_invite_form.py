from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.console_invite_form_language import ConsoleInviteFormLanguage, check_console_invite_form_language
from ..models.console_invite_form_role import ConsoleInviteFormRole, check_console_invite_form_role

T = TypeVar("T", bound="ConsoleInviteForm")


@_attrs_define
class ConsoleInviteForm:
    """The console's invitation form.

    Attributes:
        csrf_token (str):
        email (str):
        role (ConsoleInviteFormRole):
        language (ConsoleInviteFormLanguage):
    """

    csrf_token: str
    email: str
    role: ConsoleInviteFormRole
    language: ConsoleInviteFormLanguage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        csrf_token = self.csrf_token

        email = self.email

        role: str = self.role

        language: str = self.language

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "csrf_token": csrf_token,
                "email": email,
                "role": role,
                "language": language,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        csrf_token = d.pop("csrf_token")

        email = d.pop("email")

        role = check_console_invite_form_role(d.pop("role"))

        language = check_console_invite_form_language(d.pop("language"))

        console_invite_form = cls(
            csrf_token=csrf_token,
            email=email,
            role=role,
            language=language,
        )

        console_invite_form.additional_properties = d
        return console_invite_form

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
