from typing import Literal

ShowConsoleUsersDone = Literal["invited", "removed"]

SHOW_CONSOLE_USERS_DONE_VALUES: set[ShowConsoleUsersDone] = {
    "invited",
    "removed",
}


def check_show_console_users_done(value: str) -> ShowConsoleUsersDone:
    if value in SHOW_CONSOLE_USERS_DONE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_CONSOLE_USERS_DONE_VALUES!r}")
