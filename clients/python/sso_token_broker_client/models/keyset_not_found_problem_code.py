from typing import Literal

KeysetNotFoundProblemCode = Literal["keyset_not_found", "not_found"]

KEYSET_NOT_FOUND_PROBLEM_CODE_VALUES: set[KeysetNotFoundProblemCode] = {
    "keyset_not_found",
    "not_found",
}


def check_keyset_not_found_problem_code(value: str) -> KeysetNotFoundProblemCode:
    if value in KEYSET_NOT_FOUND_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KEYSET_NOT_FOUND_PROBLEM_CODE_VALUES!r}")
