from typing import Literal

WebhookEventDataState = Literal["expired", "revoked", "usable", "used"]

WEBHOOK_EVENT_DATA_STATE_VALUES: set[WebhookEventDataState] = {
    "expired",
    "revoked",
    "usable",
    "used",
}


def check_webhook_event_data_state(value: str) -> WebhookEventDataState:
    if value in WEBHOOK_EVENT_DATA_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_EVENT_DATA_STATE_VALUES!r}")
