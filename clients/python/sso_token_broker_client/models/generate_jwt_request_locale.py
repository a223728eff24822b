from typing import Literal

GenerateJWTRequestLocale = Literal["en", "nb", "nn"]

GENERATE_JWT_REQUEST_LOCALE_VALUES: set[GenerateJWTRequestLocale] = {
    "en",
    "nb",
    "nn",
}


def check_generate_jwt_request_locale(value: str) -> GenerateJWTRequestLocale:
    if value in GENERATE_JWT_REQUEST_LOCALE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_JWT_REQUEST_LOCALE_VALUES!r}")
