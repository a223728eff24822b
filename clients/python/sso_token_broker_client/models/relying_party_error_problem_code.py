from typing import Literal

RelyingPartyErrorProblemCode = Literal["email_failed", "relying_party_error"]

RELYING_PARTY_ERROR_PROBLEM_CODE_VALUES: set[RelyingPartyErrorProblemCode] = {
    "email_failed",
    "relying_party_error",
}


def check_relying_party_error_problem_code(value: str) -> RelyingPartyErrorProblemCode:
    if value in RELYING_PARTY_ERROR_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELYING_PARTY_ERROR_PROBLEM_CODE_VALUES!r}")
