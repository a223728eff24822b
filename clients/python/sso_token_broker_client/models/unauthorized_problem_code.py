from typing import Literal

UnauthorizedProblemCode = Literal["unauthorized"]

UNAUTHORIZED_PROBLEM_CODE_VALUES: set[UnauthorizedProblemCode] = {
    "unauthorized",
}


def check_unauthorized_problem_code(value: str) -> UnauthorizedProblemCode:
    if value in UNAUTHORIZED_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNAUTHORIZED_PROBLEM_CODE_VALUES!r}")
