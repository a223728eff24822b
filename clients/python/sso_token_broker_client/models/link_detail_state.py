from typing import Literal

LinkDetailState = Literal["expired", "revoked", "usable", "used"]

LINK_DETAIL_STATE_VALUES: set[LinkDetailState] = {
    "expired",
    "revoked",
    "usable",
    "used",
}


def check_link_detail_state(value: str) -> LinkDetailState:
    if value in LINK_DETAIL_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LINK_DETAIL_STATE_VALUES!r}")
