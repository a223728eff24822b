from typing import Literal

GenerateForbiddenProblemCode = Literal["insufficient_scope", "mode_mismatch"]

GENERATE_FORBIDDEN_PROBLEM_CODE_VALUES: set[GenerateForbiddenProblemCode] = {
    "insufficient_scope",
    "mode_mismatch",
}


def check_generate_forbidden_problem_code(value: str) -> GenerateForbiddenProblemCode:
    if value in GENERATE_FORBIDDEN_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_FORBIDDEN_PROBLEM_CODE_VALUES!r}")
