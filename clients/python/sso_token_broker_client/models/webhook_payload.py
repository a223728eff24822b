from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_event_type import WebhookEventType, check_webhook_event_type

if TYPE_CHECKING:
    from ..models.webhook_event_data import WebhookEventData


T = TypeVar("T", bound="WebhookPayload")


@_attrs_define
class WebhookPayload:
    """The body of every delivery (compact JSON), signed with the Standard Webhooks headers.

    Attributes:
        type_ (WebhookEventType): `link.*`: what happened to a launch link (`link.expired` when a link expired unused;
            `link.revoked` also
            for a link a request's `replaces` withdrew). `keyset.rotated`: a new key signs your profiles' tokens.
            `webhook.disabled`: one of your endpoints was disabled after failing for 5 days.
        timestamp (datetime.datetime): When it happened (not when it was sent).
        data (WebhookEventData): Ids and states only: never payload values, names, addresses, tokens or link secrets.
            Link events carry
            `linkId`, `profile` (its name), `state` (after the change) and `requestId` (the request that made the
            change; null for `link.expired`), `livemode` (false for a test profile's link), and `replacedBy` or
            `renewedBy` where they apply; `keyset.rotated`
            carries `keyset`, `kid` and `previousKid`; `webhook.disabled` carries `webhookId` and `reason`.
    """

    type_: WebhookEventType
    timestamp: datetime.datetime
    data: WebhookEventData

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        timestamp = self.timestamp.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "timestamp": timestamp,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_event_data import WebhookEventData  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_webhook_event_type(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = WebhookEventData.from_dict(d.pop("data"))

        webhook_payload = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return webhook_payload
