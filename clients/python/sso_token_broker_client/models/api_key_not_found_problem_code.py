from typing import Literal

ApiKeyNotFoundProblemCode = Literal["api_key_not_found"]

API_KEY_NOT_FOUND_PROBLEM_CODE_VALUES: set[ApiKeyNotFoundProblemCode] = {
    "api_key_not_found",
}


def check_api_key_not_found_problem_code(value: str) -> ApiKeyNotFoundProblemCode:
    if value in API_KEY_NOT_FOUND_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEY_NOT_FOUND_PROBLEM_CODE_VALUES!r}")
