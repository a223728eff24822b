from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """The patient or member in focus. IDs and names may not be empty; the optional texts may be `""`.
    Where the profile checks it, `ssn` must be a valid Norwegian national identity number (11 digits, two
    mod-11 check digits). Extra fields are allowed and pass into the token, except near misses of these
    names (`firstName`), refused with "did you mean".

        Attributes:
            id (str):
            firstname (str):
            lastname (str):
            middlename (str | Unset):
            birthdate (datetime.date | Unset): An ISO date, `YYYY-MM-DD`.
            ssn (str | Unset):
            gender (str | Unset):
            mobile (str | Unset):
            email (str | Unset): An email address, or `""`.
            diagnosis (str | Unset):
    """

    id: str
    firstname: str
    lastname: str
    middlename: str | Unset = UNSET
    birthdate: datetime.date | Unset = UNSET
    ssn: str | Unset = UNSET
    gender: str | Unset = UNSET
    mobile: str | Unset = UNSET
    email: str | Unset = UNSET
    diagnosis: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        firstname = self.firstname

        lastname = self.lastname

        middlename = self.middlename

        birthdate: str | Unset = UNSET
        if not isinstance(self.birthdate, Unset):
            birthdate = self.birthdate.isoformat()

        ssn = self.ssn

        gender = self.gender

        mobile = self.mobile

        email: str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        diagnosis = self.diagnosis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "firstname": firstname,
                "lastname": lastname,
            }
        )
        if middlename is not UNSET:
            field_dict["middlename"] = middlename
        if birthdate is not UNSET:
            field_dict["birthdate"] = birthdate
        if ssn is not UNSET:
            field_dict["ssn"] = ssn
        if gender is not UNSET:
            field_dict["gender"] = gender
        if mobile is not UNSET:
            field_dict["mobile"] = mobile
        if email is not UNSET:
            field_dict["email"] = email
        if diagnosis is not UNSET:
            field_dict["diagnosis"] = diagnosis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        firstname = d.pop("firstname")

        lastname = d.pop("lastname")

        middlename = d.pop("middlename", UNSET)

        _birthdate = d.pop("birthdate", UNSET)
        birthdate: datetime.date | Unset
        if isinstance(_birthdate, Unset):
            birthdate = UNSET
        else:
            birthdate = datetime.date.fromisoformat(_birthdate)

        ssn = d.pop("ssn", UNSET)

        gender = d.pop("gender", UNSET)

        mobile = d.pop("mobile", UNSET)

        def _parse_email(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        diagnosis = d.pop("diagnosis", UNSET)

        contact = cls(
            id=id,
            firstname=firstname,
            lastname=lastname,
            middlename=middlename,
            birthdate=birthdate,
            ssn=ssn,
            gender=gender,
            mobile=mobile,
            email=email,
            diagnosis=diagnosis,
        )

        contact.additional_properties = d
        return contact

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
