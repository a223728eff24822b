from typing import Literal

InternalErrorProblemStatus = Literal[500]

INTERNAL_ERROR_PROBLEM_STATUS_VALUES: set[InternalErrorProblemStatus] = {
    500,
}


def check_internal_error_problem_status(value: int) -> InternalErrorProblemStatus:
    if value in INTERNAL_ERROR_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTERNAL_ERROR_PROBLEM_STATUS_VALUES!r}")
