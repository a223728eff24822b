from typing import Literal

ConsoleSendFormLocale = Literal["en", "nb", "nn"]

CONSOLE_SEND_FORM_LOCALE_VALUES: set[ConsoleSendFormLocale] = {
    "en",
    "nb",
    "nn",
}


def check_console_send_form_locale(value: str) -> ConsoleSendFormLocale:
    if value in CONSOLE_SEND_FORM_LOCALE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSOLE_SEND_FORM_LOCALE_VALUES!r}")
