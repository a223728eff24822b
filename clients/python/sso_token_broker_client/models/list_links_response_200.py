from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.link_summary import LinkSummary


T = TypeVar("T", bound="ListLinksResponse200")


@_attrs_define
class ListLinksResponse200:
    """
    Attributes:
        links (list[LinkSummary]):
    """

    links: list[LinkSummary]

    def to_dict(self) -> dict[str, Any]:
        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link_summary import LinkSummary  # noqa: PLC0415

        d = dict(src_dict)
        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = LinkSummary.from_dict(links_item_data)

            links.append(links_item)

        list_links_response_200 = cls(
            links=links,
        )

        return list_links_response_200
