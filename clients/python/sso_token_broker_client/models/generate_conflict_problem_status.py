from typing import Literal

GenerateConflictProblemStatus = Literal[409]

GENERATE_CONFLICT_PROBLEM_STATUS_VALUES: set[GenerateConflictProblemStatus] = {
    409,
}


def check_generate_conflict_problem_status(value: int) -> GenerateConflictProblemStatus:
    if value in GENERATE_CONFLICT_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_CONFLICT_PROBLEM_STATUS_VALUES!r}")
