from typing import Literal

ProfileNotFoundProblemCode = Literal["profile_not_found"]

PROFILE_NOT_FOUND_PROBLEM_CODE_VALUES: set[ProfileNotFoundProblemCode] = {
    "profile_not_found",
}


def check_profile_not_found_problem_code(value: str) -> ProfileNotFoundProblemCode:
    if value in PROFILE_NOT_FOUND_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROFILE_NOT_FOUND_PROBLEM_CODE_VALUES!r}")
