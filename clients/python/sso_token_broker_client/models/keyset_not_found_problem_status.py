from typing import Literal

KeysetNotFoundProblemStatus = Literal[404]

KEYSET_NOT_FOUND_PROBLEM_STATUS_VALUES: set[KeysetNotFoundProblemStatus] = {
    404,
}


def check_keyset_not_found_problem_status(value: int) -> KeysetNotFoundProblemStatus:
    if value in KEYSET_NOT_FOUND_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KEYSET_NOT_FOUND_PROBLEM_STATUS_VALUES!r}")
