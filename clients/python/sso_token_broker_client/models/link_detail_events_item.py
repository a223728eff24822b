from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.link_detail_events_item_type import LinkDetailEventsItemType, check_link_detail_events_item_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkDetailEventsItem")


@_attrs_define
class LinkDetailEventsItem:
    """
    Attributes:
        type_ (LinkDetailEventsItemType): `renewed` on both links of a renewal by the member; `replaced` on the link a
            request's
            `replaces` revoked.
        at (datetime.datetime):
        replaced_by (str | Unset): On a `replaced` event, the id of the link that replaced this one.
    """

    type_: LinkDetailEventsItemType
    at: datetime.datetime
    replaced_by: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        at = self.at.isoformat()

        replaced_by = self.replaced_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "at": at,
            }
        )
        if replaced_by is not UNSET:
            field_dict["replacedBy"] = replaced_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_link_detail_events_item_type(d.pop("type"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        replaced_by = d.pop("replacedBy", UNSET)

        link_detail_events_item = cls(
            type_=type_,
            at=at,
            replaced_by=replaced_by,
        )

        return link_detail_events_item
