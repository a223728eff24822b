from typing import Literal

UnauthorizedProblemStatus = Literal[401]

UNAUTHORIZED_PROBLEM_STATUS_VALUES: set[UnauthorizedProblemStatus] = {
    401,
}


def check_unauthorized_problem_status(value: int) -> UnauthorizedProblemStatus:
    if value in UNAUTHORIZED_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNAUTHORIZED_PROBLEM_STATUS_VALUES!r}")
