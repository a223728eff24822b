from typing import Literal

ShowConsoleLinksState = Literal["", "expired", "revoked", "usable", "used"]

SHOW_CONSOLE_LINKS_STATE_VALUES: set[ShowConsoleLinksState] = {
    "",
    "expired",
    "revoked",
    "usable",
    "used",
}


def check_show_console_links_state(value: str) -> ShowConsoleLinksState:
    if value in SHOW_CONSOLE_LINKS_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_CONSOLE_LINKS_STATE_VALUES!r}")
