from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ServiceIndex")


@_attrs_define
class ServiceIndex:
    """Where everything is on this broker, as absolute URLs.

    Attributes:
        service (str):
        description (str):
        docs (str):
        guides (str):
        openapi (str):
        openapi_json (str):
        problems (str):
        generate_jwt (str):
        inspect_token (str):
        jwks (str):
        health (str):
        readiness (str):
    """

    service: str
    description: str
    docs: str
    guides: str
    openapi: str
    openapi_json: str
    problems: str
    generate_jwt: str
    inspect_token: str
    jwks: str
    health: str
    readiness: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        description = self.description

        docs = self.docs

        guides = self.guides

        openapi = self.openapi

        openapi_json = self.openapi_json

        problems = self.problems

        generate_jwt = self.generate_jwt

        inspect_token = self.inspect_token

        jwks = self.jwks

        health = self.health

        readiness = self.readiness

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "description": description,
                "docs": docs,
                "guides": guides,
                "openapi": openapi,
                "openapiJson": openapi_json,
                "problems": problems,
                "generateJWT": generate_jwt,
                "inspectToken": inspect_token,
                "jwks": jwks,
                "health": health,
                "readiness": readiness,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service = d.pop("service")

        description = d.pop("description")

        docs = d.pop("docs")

        guides = d.pop("guides")

        openapi = d.pop("openapi")

        openapi_json = d.pop("openapiJson")

        problems = d.pop("problems")

        generate_jwt = d.pop("generateJWT")

        inspect_token = d.pop("inspectToken")

        jwks = d.pop("jwks")

        health = d.pop("health")

        readiness = d.pop("readiness")

        service_index = cls(
            service=service,
            description=description,
            docs=docs,
            guides=guides,
            openapi=openapi,
            openapi_json=openapi_json,
            problems=problems,
            generate_jwt=generate_jwt,
            inspect_token=inspect_token,
            jwks=jwks,
            health=health,
            readiness=readiness,
        )

        service_index.additional_properties = d
        return service_index

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
