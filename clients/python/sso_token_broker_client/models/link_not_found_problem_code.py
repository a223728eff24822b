from typing import Literal

LinkNotFoundProblemCode = Literal["link_not_found"]

LINK_NOT_FOUND_PROBLEM_CODE_VALUES: set[LinkNotFoundProblemCode] = {
    "link_not_found",
}


def check_link_not_found_problem_code(value: str) -> LinkNotFoundProblemCode:
    if value in LINK_NOT_FOUND_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LINK_NOT_FOUND_PROBLEM_CODE_VALUES!r}")
