from typing import Literal

ConsoleInviteFormRole = Literal["admin", "owner", "viewer"]

CONSOLE_INVITE_FORM_ROLE_VALUES: set[ConsoleInviteFormRole] = {
    "admin",
    "owner",
    "viewer",
}


def check_console_invite_form_role(value: str) -> ConsoleInviteFormRole:
    if value in CONSOLE_INVITE_FORM_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSOLE_INVITE_FORM_ROLE_VALUES!r}")
