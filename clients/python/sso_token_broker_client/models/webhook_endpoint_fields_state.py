from typing import Literal

WebhookEndpointFieldsState = Literal["disabled", "enabled"]

WEBHOOK_ENDPOINT_FIELDS_STATE_VALUES: set[WebhookEndpointFieldsState] = {
    "disabled",
    "enabled",
}


def check_webhook_endpoint_fields_state(value: str) -> WebhookEndpointFieldsState:
    if value in WEBHOOK_ENDPOINT_FIELDS_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_ENDPOINT_FIELDS_STATE_VALUES!r}")
