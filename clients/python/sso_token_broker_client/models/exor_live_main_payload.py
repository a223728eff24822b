from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact


T = TypeVar("T", bound="ExorLiveMainPayload")


@_attrs_define
class ExorLiveMainPayload:
    """`payload` for profiles of kind `exorlive-main`: as `exorlive-go`, plus the signed-in instructor
    (employee). Extra fields are allowed and pass into the token, except near misses of these names
    (`employeeMail`), refused with "did you mean".

        Attributes:
            organization_id (str):
            organization_name (str):
            contact (Contact): The patient or member in focus. IDs and names may not be empty; the optional texts may be
                `""`.
                Where the profile checks it, `ssn` must be a valid Norwegian national identity number (11 digits, two
                mod-11 check digits). Extra fields are allowed and pass into the token, except near misses of these
                names (`firstName`), refused with "did you mean".
            employee_id (str):
            employee_firstname (str):
            employee_lastname (str):
            employee_username (str | Unset):
            employee_email (str | Unset): An email address, or `""`.
    """

    organization_id: str
    organization_name: str
    contact: Contact
    employee_id: str
    employee_firstname: str
    employee_lastname: str
    employee_username: str | Unset = UNSET
    employee_email: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization_id = self.organization_id

        organization_name = self.organization_name

        contact = self.contact.to_dict()

        employee_id = self.employee_id

        employee_firstname = self.employee_firstname

        employee_lastname = self.employee_lastname

        employee_username = self.employee_username

        employee_email: str | Unset
        if isinstance(self.employee_email, Unset):
            employee_email = UNSET
        else:
            employee_email = self.employee_email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organizationId": organization_id,
                "organizationName": organization_name,
                "contact": contact,
                "employeeId": employee_id,
                "employeeFirstname": employee_firstname,
                "employeeLastname": employee_lastname,
            }
        )
        if employee_username is not UNSET:
            field_dict["employeeUsername"] = employee_username
        if employee_email is not UNSET:
            field_dict["employeeEmail"] = employee_email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415

        d = dict(src_dict)
        organization_id = d.pop("organizationId")

        organization_name = d.pop("organizationName")

        contact = Contact.from_dict(d.pop("contact"))

        employee_id = d.pop("employeeId")

        employee_firstname = d.pop("employeeFirstname")

        employee_lastname = d.pop("employeeLastname")

        employee_username = d.pop("employeeUsername", UNSET)

        def _parse_employee_email(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        employee_email = _parse_employee_email(d.pop("employeeEmail", UNSET))

        exor_live_main_payload = cls(
            organization_id=organization_id,
            organization_name=organization_name,
            contact=contact,
            employee_id=employee_id,
            employee_firstname=employee_firstname,
            employee_lastname=employee_lastname,
            employee_username=employee_username,
            employee_email=employee_email,
        )

        exor_live_main_payload.additional_properties = d
        return exor_live_main_payload

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
