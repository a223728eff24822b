from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_delivery_state import WebhookDeliveryState, check_webhook_delivery_state
from ..models.webhook_event_type import WebhookEventType, check_webhook_event_type

T = TypeVar("T", bound="WebhookDelivery")


@_attrs_define
class WebhookDelivery:
    """
    Attributes:
        id (str): The delivery's id (`dlv_…`).
        event_id (str): The event's id, sent as `webhook-id` (`msg_…`).
        type_ (WebhookEventType): `link.*`: what happened to a launch link (`link.expired` when a link expired unused;
            `link.revoked` also
            for a link a request's `replaces` withdrew). `keyset.rotated`: a new key signs your profiles' tokens.
            `webhook.disabled`: one of your endpoints was disabled after failing for 5 days.
        state (WebhookDeliveryState): `failed` when every attempt failed for 24 hours, or its endpoint was disabled.
        attempts (int):
        last_status (int | None): The HTTP status your endpoint last answered.
        last_error (None | str): Why the last attempt failed: `http_status` (not 2xx, redirects included), `timeout`,
            `connection_failed`,
            `tls_error`, `dns_failed`, `address_not_allowed`, `endpoint_disabled`, …
        last_attempt_at (datetime.datetime | None):
        next_attempt_at (datetime.datetime | None): When the next attempt is due (pending only).
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
    """

    id: str
    event_id: str
    type_: WebhookEventType
    state: WebhookDeliveryState
    attempts: int
    last_status: int | None
    last_error: None | str
    last_attempt_at: datetime.datetime | None
    next_attempt_at: datetime.datetime | None
    created_at: datetime.datetime
    finished_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_id = self.event_id

        type_: str = self.type_

        state: str = self.state

        attempts = self.attempts

        last_status: int | None
        last_status = self.last_status

        last_error: None | str
        last_error = self.last_error

        last_attempt_at: None | str
        if isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "eventId": event_id,
                "type": type_,
                "state": state,
                "attempts": attempts,
                "lastStatus": last_status,
                "lastError": last_error,
                "lastAttemptAt": last_attempt_at,
                "nextAttemptAt": next_attempt_at,
                "createdAt": created_at,
                "finishedAt": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        event_id = d.pop("eventId")

        type_ = check_webhook_event_type(d.pop("type"))

        state = check_webhook_delivery_state(d.pop("state"))

        attempts = d.pop("attempts")

        def _parse_last_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status = _parse_last_status(d.pop("lastStatus"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("lastError"))

        def _parse_last_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("lastAttemptAt"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("nextAttemptAt"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finishedAt"))

        webhook_delivery = cls(
            id=id,
            event_id=event_id,
            type_=type_,
            state=state,
            attempts=attempts,
            last_status=last_status,
            last_error=last_error,
            last_attempt_at=last_attempt_at,
            next_attempt_at=next_attempt_at,
            created_at=created_at,
            finished_at=finished_at,
        )

        return webhook_delivery
