from typing import Literal

ApiKeyNotFoundProblemStatus = Literal[404]

API_KEY_NOT_FOUND_PROBLEM_STATUS_VALUES: set[ApiKeyNotFoundProblemStatus] = {
    404,
}


def check_api_key_not_found_problem_status(value: int) -> ApiKeyNotFoundProblemStatus:
    if value in API_KEY_NOT_FOUND_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {API_KEY_NOT_FOUND_PROBLEM_STATUS_VALUES!r}")
