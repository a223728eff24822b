from typing import Literal

GenerateUnavailableProblemStatus = Literal[503]

GENERATE_UNAVAILABLE_PROBLEM_STATUS_VALUES: set[GenerateUnavailableProblemStatus] = {
    503,
}


def check_generate_unavailable_problem_status(value: int) -> GenerateUnavailableProblemStatus:
    if value in GENERATE_UNAVAILABLE_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_UNAVAILABLE_PROBLEM_STATUS_VALUES!r}")
