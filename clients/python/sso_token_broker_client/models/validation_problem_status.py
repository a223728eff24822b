from typing import Literal

ValidationProblemStatus = Literal[422]

VALIDATION_PROBLEM_STATUS_VALUES: set[ValidationProblemStatus] = {
    422,
}


def check_validation_problem_status(value: int) -> ValidationProblemStatus:
    if value in VALIDATION_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VALIDATION_PROBLEM_STATUS_VALUES!r}")
