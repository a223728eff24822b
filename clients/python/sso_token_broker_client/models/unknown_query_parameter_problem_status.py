from typing import Literal

UnknownQueryParameterProblemStatus = Literal[400]

UNKNOWN_QUERY_PARAMETER_PROBLEM_STATUS_VALUES: set[UnknownQueryParameterProblemStatus] = {
    400,
}


def check_unknown_query_parameter_problem_status(value: int) -> UnknownQueryParameterProblemStatus:
    if value in UNKNOWN_QUERY_PARAMETER_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNKNOWN_QUERY_PARAMETER_PROBLEM_STATUS_VALUES!r}")
