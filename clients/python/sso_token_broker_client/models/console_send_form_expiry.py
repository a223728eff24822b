from typing import Literal

ConsoleSendFormExpiry = Literal["15", "2880", "60"]

CONSOLE_SEND_FORM_EXPIRY_VALUES: set[ConsoleSendFormExpiry] = {
    "15",
    "2880",
    "60",
}


def check_console_send_form_expiry(value: str) -> ConsoleSendFormExpiry:
    if value in CONSOLE_SEND_FORM_EXPIRY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSOLE_SEND_FORM_EXPIRY_VALUES!r}")
