from typing import Literal

LinkNotFoundProblemStatus = Literal[404]

LINK_NOT_FOUND_PROBLEM_STATUS_VALUES: set[LinkNotFoundProblemStatus] = {
    404,
}


def check_link_not_found_problem_status(value: int) -> LinkNotFoundProblemStatus:
    if value in LINK_NOT_FOUND_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LINK_NOT_FOUND_PROBLEM_STATUS_VALUES!r}")
