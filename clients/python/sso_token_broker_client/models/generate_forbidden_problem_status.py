from typing import Literal

GenerateForbiddenProblemStatus = Literal[403]

GENERATE_FORBIDDEN_PROBLEM_STATUS_VALUES: set[GenerateForbiddenProblemStatus] = {
    403,
}


def check_generate_forbidden_problem_status(value: int) -> GenerateForbiddenProblemStatus:
    if value in GENERATE_FORBIDDEN_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_FORBIDDEN_PROBLEM_STATUS_VALUES!r}")
