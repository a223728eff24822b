from typing import Literal

ConsoleApiKeyFormScopesItem = Literal["keys:admin", "links:admin", "links:email", "links:long", "webhooks:admin"]

CONSOLE_API_KEY_FORM_SCOPES_ITEM_VALUES: set[ConsoleApiKeyFormScopesItem] = {
    "keys:admin",
    "links:admin",
    "links:email",
    "links:long",
    "webhooks:admin",
}


def check_console_api_key_form_scopes_item(value: str) -> ConsoleApiKeyFormScopesItem:
    if value in CONSOLE_API_KEY_FORM_SCOPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSOLE_API_KEY_FORM_SCOPES_ITEM_VALUES!r}")
