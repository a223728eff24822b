from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.readiness_database import ReadinessDatabase, check_readiness_database
from ..models.readiness_status import ReadinessStatus, check_readiness_status

if TYPE_CHECKING:
    from ..models.readiness_keysets import ReadinessKeysets


T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Attributes:
        status (ReadinessStatus):
        database (ReadinessDatabase):
        reasons (list[str]): Why the instance is not ready and what to run or check; empty when ready.
        keysets (ReadinessKeysets):
    """

    status: ReadinessStatus
    database: ReadinessDatabase
    reasons: list[str]
    keysets: ReadinessKeysets

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        database: str = self.database

        reasons = self.reasons

        keysets = self.keysets.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "database": database,
                "reasons": reasons,
                "keysets": keysets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.readiness_keysets import ReadinessKeysets  # noqa: PLC0415

        d = dict(src_dict)
        status = check_readiness_status(d.pop("status"))

        database = check_readiness_database(d.pop("database"))

        reasons = cast(list[str], d.pop("reasons"))

        keysets = ReadinessKeysets.from_dict(d.pop("keysets"))

        readiness = cls(
            status=status,
            database=database,
            reasons=reasons,
            keysets=keysets,
        )

        return readiness
