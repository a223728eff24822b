from typing import Literal

ConsoleInviteFormLanguage = Literal["en", "nb", "nn"]

CONSOLE_INVITE_FORM_LANGUAGE_VALUES: set[ConsoleInviteFormLanguage] = {
    "en",
    "nb",
    "nn",
}


def check_console_invite_form_language(value: str) -> ConsoleInviteFormLanguage:
    if value in CONSOLE_INVITE_FORM_LANGUAGE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSOLE_INVITE_FORM_LANGUAGE_VALUES!r}")
