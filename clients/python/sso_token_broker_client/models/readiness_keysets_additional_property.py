from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReadinessKeysetsAdditionalProperty")


@_attrs_define
class ReadinessKeysetsAdditionalProperty:
    """
    Attributes:
        usable (bool): It can sign now.
        stale (bool): Secrets Manager has not confirmed its keys within `KEY_MAX_STALENESS_SECONDS`.
        age_seconds (float | None): Seconds since Secrets Manager last confirmed its keys.
        kids (list[str]):
    """

    usable: bool
    stale: bool
    age_seconds: float | None
    kids: list[str]

    def to_dict(self) -> dict[str, Any]:
        usable = self.usable

        stale = self.stale

        age_seconds: float | None
        age_seconds = self.age_seconds

        kids = self.kids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "usable": usable,
                "stale": stale,
                "ageSeconds": age_seconds,
                "kids": kids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        usable = d.pop("usable")

        stale = d.pop("stale")

        def _parse_age_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        age_seconds = _parse_age_seconds(d.pop("ageSeconds"))

        kids = cast(list[str], d.pop("kids"))

        readiness_keysets_additional_property = cls(
            usable=usable,
            stale=stale,
            age_seconds=age_seconds,
            kids=kids,
        )

        return readiness_keysets_additional_property
