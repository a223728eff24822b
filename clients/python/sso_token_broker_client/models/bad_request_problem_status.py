from typing import Literal

BadRequestProblemStatus = Literal[400]

BAD_REQUEST_PROBLEM_STATUS_VALUES: set[BadRequestProblemStatus] = {
    400,
}


def check_bad_request_problem_status(value: int) -> BadRequestProblemStatus:
    if value in BAD_REQUEST_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BAD_REQUEST_PROBLEM_STATUS_VALUES!r}")
