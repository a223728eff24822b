from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_event_data_reason import WebhookEventDataReason, check_webhook_event_data_reason
from ..models.webhook_event_data_state import WebhookEventDataState, check_webhook_event_data_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEventData")


@_attrs_define
class WebhookEventData:
    """Ids and states only: never payload values, names, addresses, tokens or link secrets. Link events carry
    `linkId`, `profile` (its name), `state` (after the change) and `requestId` (the request that made the
    change; null for `link.expired`), `livemode` (false for a test profile's link), and `replacedBy` or
    `renewedBy` where they apply; `keyset.rotated`
    carries `keyset`, `kid` and `previousKid`; `webhook.disabled` carries `webhookId` and `reason`.

        Attributes:
            link_id (str | Unset):
            profile (str | Unset):
            state (WebhookEventDataState | Unset):
            request_id (None | str | Unset):
            livemode (bool | Unset): False for the links of test profiles (made with test API keys).
            replaced_by (str | Unset):
            renewed_by (str | Unset):
            keyset (str | Unset):
            kid (str | Unset):
            previous_kid (str | Unset):
            webhook_id (str | Unset):
            reason (WebhookEventDataReason | Unset):
    """

    link_id: str | Unset = UNSET
    profile: str | Unset = UNSET
    state: WebhookEventDataState | Unset = UNSET
    request_id: None | str | Unset = UNSET
    livemode: bool | Unset = UNSET
    replaced_by: str | Unset = UNSET
    renewed_by: str | Unset = UNSET
    keyset: str | Unset = UNSET
    kid: str | Unset = UNSET
    previous_kid: str | Unset = UNSET
    webhook_id: str | Unset = UNSET
    reason: WebhookEventDataReason | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        link_id = self.link_id

        profile = self.profile

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        livemode = self.livemode

        replaced_by = self.replaced_by

        renewed_by = self.renewed_by

        keyset = self.keyset

        kid = self.kid

        previous_kid = self.previous_kid

        webhook_id = self.webhook_id

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if link_id is not UNSET:
            field_dict["linkId"] = link_id
        if profile is not UNSET:
            field_dict["profile"] = profile
        if state is not UNSET:
            field_dict["state"] = state
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if livemode is not UNSET:
            field_dict["livemode"] = livemode
        if replaced_by is not UNSET:
            field_dict["replacedBy"] = replaced_by
        if renewed_by is not UNSET:
            field_dict["renewedBy"] = renewed_by
        if keyset is not UNSET:
            field_dict["keyset"] = keyset
        if kid is not UNSET:
            field_dict["kid"] = kid
        if previous_kid is not UNSET:
            field_dict["previousKid"] = previous_kid
        if webhook_id is not UNSET:
            field_dict["webhookId"] = webhook_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        link_id = d.pop("linkId", UNSET)

        profile = d.pop("profile", UNSET)

        _state = d.pop("state", UNSET)
        state: WebhookEventDataState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = check_webhook_event_data_state(_state)

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("requestId", UNSET))

        livemode = d.pop("livemode", UNSET)

        replaced_by = d.pop("replacedBy", UNSET)

        renewed_by = d.pop("renewedBy", UNSET)

        keyset = d.pop("keyset", UNSET)

        kid = d.pop("kid", UNSET)

        previous_kid = d.pop("previousKid", UNSET)

        webhook_id = d.pop("webhookId", UNSET)

        _reason = d.pop("reason", UNSET)
        reason: WebhookEventDataReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = check_webhook_event_data_reason(_reason)

        webhook_event_data = cls(
            link_id=link_id,
            profile=profile,
            state=state,
            request_id=request_id,
            livemode=livemode,
            replaced_by=replaced_by,
            renewed_by=renewed_by,
            keyset=keyset,
            kid=kid,
            previous_kid=previous_kid,
            webhook_id=webhook_id,
            reason=reason,
        )

        return webhook_event_data
