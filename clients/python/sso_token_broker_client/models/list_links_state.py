from typing import Literal

ListLinksState = Literal["expired", "revoked", "usable", "used"]

LIST_LINKS_STATE_VALUES: set[ListLinksState] = {
    "expired",
    "revoked",
    "usable",
    "used",
}


def check_list_links_state(value: str) -> ListLinksState:
    if value in LIST_LINKS_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_LINKS_STATE_VALUES!r}")
