from typing import Literal

ConsoleRoleFormRole = Literal["admin", "owner", "viewer"]

CONSOLE_ROLE_FORM_ROLE_VALUES: set[ConsoleRoleFormRole] = {
    "admin",
    "owner",
    "viewer",
}


def check_console_role_form_role(value: str) -> ConsoleRoleFormRole:
    if value in CONSOLE_ROLE_FORM_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSOLE_ROLE_FORM_ROLE_VALUES!r}")
