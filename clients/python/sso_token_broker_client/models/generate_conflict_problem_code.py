from typing import Literal

GenerateConflictProblemCode = Literal["idempotency_in_progress", "link_already_replaced"]

GENERATE_CONFLICT_PROBLEM_CODE_VALUES: set[GenerateConflictProblemCode] = {
    "idempotency_in_progress",
    "link_already_replaced",
}


def check_generate_conflict_problem_code(value: str) -> GenerateConflictProblemCode:
    if value in GENERATE_CONFLICT_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_CONFLICT_PROBLEM_CODE_VALUES!r}")
