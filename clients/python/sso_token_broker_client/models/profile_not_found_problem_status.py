from typing import Literal

ProfileNotFoundProblemStatus = Literal[404]

PROFILE_NOT_FOUND_PROBLEM_STATUS_VALUES: set[ProfileNotFoundProblemStatus] = {
    404,
}


def check_profile_not_found_problem_status(value: int) -> ProfileNotFoundProblemStatus:
    if value in PROFILE_NOT_FOUND_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROFILE_NOT_FOUND_PROBLEM_STATUS_VALUES!r}")
