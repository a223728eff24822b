from typing import Literal

MethodNotAllowedProblemCode = Literal["method_not_allowed"]

METHOD_NOT_ALLOWED_PROBLEM_CODE_VALUES: set[MethodNotAllowedProblemCode] = {
    "method_not_allowed",
}


def check_method_not_allowed_problem_code(value: str) -> MethodNotAllowedProblemCode:
    if value in METHOD_NOT_ALLOWED_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {METHOD_NOT_ALLOWED_PROBLEM_CODE_VALUES!r}")
