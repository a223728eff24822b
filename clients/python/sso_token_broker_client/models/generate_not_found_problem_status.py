from typing import Literal

GenerateNotFoundProblemStatus = Literal[404]

GENERATE_NOT_FOUND_PROBLEM_STATUS_VALUES: set[GenerateNotFoundProblemStatus] = {
    404,
}


def check_generate_not_found_problem_status(value: int) -> GenerateNotFoundProblemStatus:
    if value in GENERATE_NOT_FOUND_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_NOT_FOUND_PROBLEM_STATUS_VALUES!r}")
