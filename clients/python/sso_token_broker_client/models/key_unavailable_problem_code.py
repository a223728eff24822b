from typing import Literal

KeyUnavailableProblemCode = Literal["key_unavailable"]

KEY_UNAVAILABLE_PROBLEM_CODE_VALUES: set[KeyUnavailableProblemCode] = {
    "key_unavailable",
}


def check_key_unavailable_problem_code(value: str) -> KeyUnavailableProblemCode:
    if value in KEY_UNAVAILABLE_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KEY_UNAVAILABLE_PROBLEM_CODE_VALUES!r}")
