from typing import Literal

GenerateUnavailableProblemCode = Literal["database_unavailable", "key_unavailable", "verification_failed"]

GENERATE_UNAVAILABLE_PROBLEM_CODE_VALUES: set[GenerateUnavailableProblemCode] = {
    "database_unavailable",
    "key_unavailable",
    "verification_failed",
}


def check_generate_unavailable_problem_code(value: str) -> GenerateUnavailableProblemCode:
    if value in GENERATE_UNAVAILABLE_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_UNAVAILABLE_PROBLEM_CODE_VALUES!r}")
