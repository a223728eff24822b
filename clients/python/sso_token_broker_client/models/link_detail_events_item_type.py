from typing import Literal

LinkDetailEventsItemType = Literal["created", "email_failed", "emailed", "renewed", "replaced", "revoked", "used"]

LINK_DETAIL_EVENTS_ITEM_TYPE_VALUES: set[LinkDetailEventsItemType] = {
    "created",
    "email_failed",
    "emailed",
    "renewed",
    "replaced",
    "revoked",
    "used",
}


def check_link_detail_events_item_type(value: str) -> LinkDetailEventsItemType:
    if value in LINK_DETAIL_EVENTS_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LINK_DETAIL_EVENTS_ITEM_TYPE_VALUES!r}")
