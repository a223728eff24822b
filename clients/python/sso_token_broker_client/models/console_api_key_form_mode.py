from typing import Literal

ConsoleApiKeyFormMode = Literal["live", "test"]

CONSOLE_API_KEY_FORM_MODE_VALUES: set[ConsoleApiKeyFormMode] = {
    "live",
    "test",
}


def check_console_api_key_form_mode(value: str) -> ConsoleApiKeyFormMode:
    if value in CONSOLE_API_KEY_FORM_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSOLE_API_KEY_FORM_MODE_VALUES!r}")
