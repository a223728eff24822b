from typing import Literal

NotFoundProblemStatus = Literal[404]

NOT_FOUND_PROBLEM_STATUS_VALUES: set[NotFoundProblemStatus] = {
    404,
}


def check_not_found_problem_status(value: int) -> NotFoundProblemStatus:
    if value in NOT_FOUND_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOT_FOUND_PROBLEM_STATUS_VALUES!r}")
