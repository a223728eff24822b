from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact import Contact


T = TypeVar("T", bound="ExorLiveGoPayload")


@_attrs_define
class ExorLiveGoPayload:
    """`payload` for profiles of kind `exorlive-go`: the organisation and the member. Extra fields are
    allowed and pass into the token, except near misses of these names (`organisationId`), refused with
    "did you mean".

        Attributes:
            organization_id (str):
            organization_name (str):
            contact (Contact): The patient or member in focus. IDs and names may not be empty; the optional texts may be
                `""`.
                Where the profile checks it, `ssn` must be a valid Norwegian national identity number (11 digits, two
                mod-11 check digits). Extra fields are allowed and pass into the token, except near misses of these
                names (`firstName`), refused with "did you mean".
    """

    organization_id: str
    organization_name: str
    contact: Contact
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization_id = self.organization_id

        organization_name = self.organization_name

        contact = self.contact.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organizationId": organization_id,
                "organizationName": organization_name,
                "contact": contact,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415

        d = dict(src_dict)
        organization_id = d.pop("organizationId")

        organization_name = d.pop("organizationName")

        contact = Contact.from_dict(d.pop("contact"))

        exor_live_go_payload = cls(
            organization_id=organization_id,
            organization_name=organization_name,
            contact=contact,
        )

        exor_live_go_payload.additional_properties = d
        return exor_live_go_payload

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
