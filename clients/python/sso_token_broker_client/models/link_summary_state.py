from typing import Literal

LinkSummaryState = Literal["expired", "revoked", "usable", "used"]

LINK_SUMMARY_STATE_VALUES: set[LinkSummaryState] = {
    "expired",
    "revoked",
    "usable",
    "used",
}


def check_link_summary_state(value: str) -> LinkSummaryState:
    if value in LINK_SUMMARY_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LINK_SUMMARY_STATE_VALUES!r}")
