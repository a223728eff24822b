from typing import Literal

ConsoleSendFormDelivery = Literal["email", "qr"]

CONSOLE_SEND_FORM_DELIVERY_VALUES: set[ConsoleSendFormDelivery] = {
    "email",
    "qr",
}


def check_console_send_form_delivery(value: str) -> ConsoleSendFormDelivery:
    if value in CONSOLE_SEND_FORM_DELIVERY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSOLE_SEND_FORM_DELIVERY_VALUES!r}")
