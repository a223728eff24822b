from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem_errors import ProblemErrors


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An error, as RFC 9457 problem details. Branch on `status` and `code`; show `detail` to a person.
    New codes may be added, so treat an unknown `code` by its `status`.

        Attributes:
            type_ (str): `<the broker's public base URL>/problems/<code>`: a page on the broker that explains this kind of
                problem (what it means, the usual causes, how to fix it, and an example request that causes it and
                one that does not). Open it in a browser.
            title (str): A short summary of the kind of problem.
            status (int): The HTTP status code, repeated.
            detail (str): What went wrong with this request, in words meant for a person. It never repeats secrets.
            code (str): A stable machine-readable code (see the table in the API description). Each code has a page on the
                broker at `/problems/<code>`, the `type`; `/problems` lists them all.
            request_id (str): The id of the request, equal to the `X-Request-Id` response header.
            errors (ProblemErrors | Unset): The messages per field. Nested fields are named with dots
                (`payload.contact.birthdate`); `_body` means
                the body as a whole (e.g. it is not a JSON object).
    """

    type_: str
    title: str
    status: int
    detail: str
    code: str
    request_id: str
    errors: ProblemErrors | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        code = self.code

        request_id = self.request_id

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "code": code,
                "requestId": request_id,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_errors import ProblemErrors  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        code = d.pop("code")

        request_id = d.pop("requestId")

        _errors = d.pop("errors", UNSET)
        errors: ProblemErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = ProblemErrors.from_dict(_errors)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            code=code,
            request_id=request_id,
            errors=errors,
        )

        return problem
