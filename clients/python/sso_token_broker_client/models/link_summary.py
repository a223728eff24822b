from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.link_summary_state import LinkSummaryState, check_link_summary_state

T = TypeVar("T", bound="LinkSummary")


@_attrs_define
class LinkSummary:
    """
    Attributes:
        id (str): The link's public id (opens nothing).
        profile (str):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        uses_left (int): How many more times it can be used; 0 once it is used up, expired or revoked.
        state (LinkSummaryState):
        recipient (None | str): For an emailed link, the address masked like `b***@galaxy.com`; otherwise null.
        livemode (bool): False for the links of test profiles (made with test API keys).
    """

    id: str
    profile: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    uses_left: int
    state: LinkSummaryState
    recipient: None | str
    livemode: bool

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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        profile = d.pop("profile")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        uses_left = d.pop("usesLeft")

        state = check_link_summary_state(d.pop("state"))

        def _parse_recipient(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient = _parse_recipient(d.pop("recipient"))

        livemode = d.pop("livemode")

        link_summary = cls(
            id=id,
            profile=profile,
            created_at=created_at,
            expires_at=expires_at,
            uses_left=uses_left,
            state=state,
            recipient=recipient,
            livemode=livemode,
        )

        return link_summary
