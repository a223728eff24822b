from typing import Literal

WebhookEventDataReason = Literal["failing"]

WEBHOOK_EVENT_DATA_REASON_VALUES: set[WebhookEventDataReason] = {
    "failing",
}


def check_webhook_event_data_reason(value: str) -> WebhookEventDataReason:
    if value in WEBHOOK_EVENT_DATA_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_EVENT_DATA_REASON_VALUES!r}")
