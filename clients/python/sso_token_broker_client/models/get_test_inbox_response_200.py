from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.get_test_inbox_response_200_messages_item import GetTestInboxResponse200MessagesItem


T = TypeVar("T", bound="GetTestInboxResponse200")


@_attrs_define
class GetTestInboxResponse200:
    """
    Attributes:
        messages (list[GetTestInboxResponse200MessagesItem]):
    """

    messages: list[GetTestInboxResponse200MessagesItem]

    def to_dict(self) -> dict[str, Any]:
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "messages": messages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_test_inbox_response_200_messages_item import GetTestInboxResponse200MessagesItem  # noqa: PLC0415

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = GetTestInboxResponse200MessagesItem.from_dict(messages_item_data)

            messages.append(messages_item)

        get_test_inbox_response_200 = cls(
            messages=messages,
        )

        return get_test_inbox_response_200
