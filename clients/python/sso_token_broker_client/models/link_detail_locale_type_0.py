from typing import Literal

LinkDetailLocaleType0 = Literal["en", "nb", "nn"]

LINK_DETAIL_LOCALE_TYPE_0_VALUES: set[LinkDetailLocaleType0] = {
    "en",
    "nb",
    "nn",
}


def check_link_detail_locale_type_0(value: str) -> LinkDetailLocaleType0:
    if value in LINK_DETAIL_LOCALE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LINK_DETAIL_LOCALE_TYPE_0_VALUES!r}")
