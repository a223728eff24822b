from typing import Literal

ValidationProblemCode = Literal["idempotency_key_reused", "redirect_not_allowed", "validation_failed"]

VALIDATION_PROBLEM_CODE_VALUES: set[ValidationProblemCode] = {
    "idempotency_key_reused",
    "redirect_not_allowed",
    "validation_failed",
}


def check_validation_problem_code(value: str) -> ValidationProblemCode:
    if value in VALIDATION_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VALIDATION_PROBLEM_CODE_VALUES!r}")
