from typing import Literal

InternalErrorProblemCode = Literal["internal_error"]

INTERNAL_ERROR_PROBLEM_CODE_VALUES: set[InternalErrorProblemCode] = {
    "internal_error",
}


def check_internal_error_problem_code(value: str) -> InternalErrorProblemCode:
    if value in INTERNAL_ERROR_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTERNAL_ERROR_PROBLEM_CODE_VALUES!r}")
