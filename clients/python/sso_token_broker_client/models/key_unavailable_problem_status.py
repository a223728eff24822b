from typing import Literal

KeyUnavailableProblemStatus = Literal[503]

KEY_UNAVAILABLE_PROBLEM_STATUS_VALUES: set[KeyUnavailableProblemStatus] = {
    503,
}


def check_key_unavailable_problem_status(value: int) -> KeyUnavailableProblemStatus:
    if value in KEY_UNAVAILABLE_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KEY_UNAVAILABLE_PROBLEM_STATUS_VALUES!r}")
