from typing import Literal

GenerateNotFoundProblemCode = Literal["link_not_found", "profile_not_found"]

GENERATE_NOT_FOUND_PROBLEM_CODE_VALUES: set[GenerateNotFoundProblemCode] = {
    "link_not_found",
    "profile_not_found",
}


def check_generate_not_found_problem_code(value: str) -> GenerateNotFoundProblemCode:
    if value in GENERATE_NOT_FOUND_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_NOT_FOUND_PROBLEM_CODE_VALUES!r}")
