from typing import Literal

WebhookEventType = Literal[
    "keyset.rotated",
    "link.created",
    "link.email_failed",
    "link.emailed",
    "link.expired",
    "link.renewed",
    "link.revoked",
    "link.used",
    "webhook.disabled",
]

WEBHOOK_EVENT_TYPE_VALUES: set[WebhookEventType] = {
    "keyset.rotated",
    "link.created",
    "link.email_failed",
    "link.emailed",
    "link.expired",
    "link.renewed",
    "link.revoked",
    "link.used",
    "webhook.disabled",
}


def check_webhook_event_type(value: str) -> WebhookEventType:
    if value in WEBHOOK_EVENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_EVENT_TYPE_VALUES!r}")
