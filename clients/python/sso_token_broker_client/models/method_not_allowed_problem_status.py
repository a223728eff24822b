from typing import Literal

MethodNotAllowedProblemStatus = Literal[405]

METHOD_NOT_ALLOWED_PROBLEM_STATUS_VALUES: set[MethodNotAllowedProblemStatus] = {
    405,
}


def check_method_not_allowed_problem_status(value: int) -> MethodNotAllowedProblemStatus:
    if value in METHOD_NOT_ALLOWED_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {METHOD_NOT_ALLOWED_PROBLEM_STATUS_VALUES!r}")
