from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.link_detail_locale_type_0 import LinkDetailLocaleType0, check_link_detail_locale_type_0
from ..models.link_detail_state import LinkDetailState, check_link_detail_state

if TYPE_CHECKING:
    from ..models.link_detail_events_item import LinkDetailEventsItem


T = TypeVar("T", bound="LinkDetail")


@_attrs_define
class LinkDetail:
    """A link with what happened to it, oldest event first (`LinkSummary` and two more fields).

    Attributes:
        id (str): The link's public id (opens nothing).
        profile (str):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        uses_left (int): How many more times it can be used; 0 once it is used up, expired or revoked.
        state (LinkDetailState):
        recipient (None | str): For an emailed link, the address masked like `b***@galaxy.com`; otherwise null.
        livemode (bool): False for the links of test profiles (made with test API keys).
        locale (LinkDetailLocaleType0 | None): The language its pages speak.
        events (list[LinkDetailEventsItem]):
    """

    id: str
    profile: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    uses_left: int
    state: LinkDetailState
    recipient: None | str
    livemode: bool
    locale: LinkDetailLocaleType0 | None
    events: list[LinkDetailEventsItem]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        profile = self.profile

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        uses_left = self.uses_left

        state: str = self.state

        recipient: None | str
        recipient = self.recipient

        livemode = self.livemode

        locale: None | str
        if isinstance(self.locale, str):
            locale = self.locale
        else:
            locale = self.locale

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "profile": profile,
                "createdAt": created_at,
                "expiresAt": expires_at,
                "usesLeft": uses_left,
                "state": state,
                "recipient": recipient,
                "livemode": livemode,
                "locale": locale,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link_detail_events_item import LinkDetailEventsItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        profile = d.pop("profile")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        uses_left = d.pop("usesLeft")

        state = check_link_detail_state(d.pop("state"))

        def _parse_recipient(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient = _parse_recipient(d.pop("recipient"))

        livemode = d.pop("livemode")

        def _parse_locale(data: object) -> LinkDetailLocaleType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locale_type_0 = check_link_detail_locale_type_0(data)

                return locale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkDetailLocaleType0 | None, data)

        locale = _parse_locale(d.pop("locale"))

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = LinkDetailEventsItem.from_dict(events_item_data)

            events.append(events_item)

        link_detail = cls(
            id=id,
            profile=profile,
            created_at=created_at,
            expires_at=expires_at,
            uses_left=uses_left,
            state=state,
            recipient=recipient,
            livemode=livemode,
            locale=locale,
            events=events,
        )

        return link_detail
