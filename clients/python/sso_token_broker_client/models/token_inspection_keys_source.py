from typing import Literal

TokenInspectionKeysSource = Literal["default", "profile", "request"]

TOKEN_INSPECTION_KEYS_SOURCE_VALUES: set[TokenInspectionKeysSource] = {
    "default",
    "profile",
    "request",
}


def check_token_inspection_keys_source(value: str) -> TokenInspectionKeysSource:
    if value in TOKEN_INSPECTION_KEYS_SOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_INSPECTION_KEYS_SOURCE_VALUES!r}")
