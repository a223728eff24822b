from typing import Literal

RelyingPartyErrorProblemStatus = Literal[502]

RELYING_PARTY_ERROR_PROBLEM_STATUS_VALUES: set[RelyingPartyErrorProblemStatus] = {
    502,
}


def check_relying_party_error_problem_status(value: int) -> RelyingPartyErrorProblemStatus:
    if value in RELYING_PARTY_ERROR_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELYING_PARTY_ERROR_PROBLEM_STATUS_VALUES!r}")
