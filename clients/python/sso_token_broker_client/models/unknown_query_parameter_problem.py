from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.unknown_query_parameter_problem_code import (
    UnknownQueryParameterProblemCode,
    check_unknown_query_parameter_problem_code,
)
from ..models.unknown_query_parameter_problem_status import (
    UnknownQueryParameterProblemStatus,
    check_unknown_query_parameter_problem_status,
)

if TYPE_CHECKING:
    from ..models.problem_errors import ProblemErrors


T = TypeVar("T", bound="UnknownQueryParameterProblem")


@_attrs_define
class UnknownQueryParameterProblem:
    """The body of a `400` answer (response `UnknownQueryParameter`).

    Attributes:
        type_ (str): `<the broker's public base URL>/problems/<code>`: a page on the broker that explains this kind of
            problem (what it means, the usual causes, how to fix it, and an example request that causes it and
            one that does not). Open it in a browser.
        title (str): A short summary of the kind of problem.
        status (UnknownQueryParameterProblemStatus): The HTTP status code, repeated.
        detail (str): What went wrong with this request, in words meant for a person. It never repeats secrets.
        code (UnknownQueryParameterProblemCode): A stable machine-readable code (see the table in the API description).
            Each code has a page on the
            broker at `/problems/<code>`, the `type`; `/problems` lists them all.
        request_id (str): The id of the request, equal to the `X-Request-Id` response header.
        errors (ProblemErrors): The messages per field. Nested fields are named with dots (`payload.contact.birthdate`);
            `_body` means
            the body as a whole (e.g. it is not a JSON object).
    """

    type_: str
    title: str
    status: UnknownQueryParameterProblemStatus
    detail: str
    code: UnknownQueryParameterProblemCode
    request_id: str
    errors: ProblemErrors
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status: int = self.status

        detail = self.detail

        code: str = self.code

        request_id = self.request_id

        errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "code": code,
                "requestId": request_id,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_errors import ProblemErrors  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = check_unknown_query_parameter_problem_status(d.pop("status"))

        detail = d.pop("detail")

        code = check_unknown_query_parameter_problem_code(d.pop("code"))

        request_id = d.pop("requestId")

        errors = ProblemErrors.from_dict(d.pop("errors"))

        unknown_query_parameter_problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            code=code,
            request_id=request_id,
            errors=errors,
        )

        unknown_query_parameter_problem.additional_properties = d
        return unknown_query_parameter_problem

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
