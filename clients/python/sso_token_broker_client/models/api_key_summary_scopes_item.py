from typing import Literal

ApiKeySummaryScopesItem = Literal["keys:admin", "links:admin", "links:email", "links:long", "webhooks:admin"]

API_KEY_SUMMARY_SCOPES_ITEM_VALUES: set[ApiKeySummaryScopesItem] = {
    "keys:admin",
    "links:admin",
    "links:email",
    "links:long",
    "webhooks:admin",
}


def check_api_key_summary_scopes_item(value: str) -> ApiKeySummaryScopesItem:
    if value in API_KEY_SUMMARY_SCOPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEY_SUMMARY_SCOPES_ITEM_VALUES!r}")
