from typing import Literal

PayloadTooLargeProblemStatus = Literal[413]

PAYLOAD_TOO_LARGE_PROBLEM_STATUS_VALUES: set[PayloadTooLargeProblemStatus] = {
    413,
}


def check_payload_too_large_problem_status(value: int) -> PayloadTooLargeProblemStatus:
    if value in PAYLOAD_TOO_LARGE_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYLOAD_TOO_LARGE_PROBLEM_STATUS_VALUES!r}")
