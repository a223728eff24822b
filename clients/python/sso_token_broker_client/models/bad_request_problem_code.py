from typing import Literal

BadRequestProblemCode = Literal["api_key_as_profile_key", "bad_request", "malformed_json"]

BAD_REQUEST_PROBLEM_CODE_VALUES: set[BadRequestProblemCode] = {
    "api_key_as_profile_key",
    "bad_request",
    "malformed_json",
}


def check_bad_request_problem_code(value: str) -> BadRequestProblemCode:
    if value in BAD_REQUEST_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BAD_REQUEST_PROBLEM_CODE_VALUES!r}")
