from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.link_detail_events_item_type import LinkDetailEventsItemType, check_link_detail_events_item_type

T = TypeVar("T", bound="LinkDetailEventsItem")


@_attrs_define
class LinkDetailEventsItem:
    """
    Attributes:
        type_ (LinkDetailEventsItemType): `renewed` on both links of a renewal by the member; `replaced` on the link a
            request's
            `replaces` revoked.
        at (datetime.datetime):
    """

    type_: LinkDetailEventsItemType
    at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_link_detail_events_item_type(d.pop("type"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        link_detail_events_item = cls(
            type_=type_,
            at=at,
        )

        return link_detail_events_item
