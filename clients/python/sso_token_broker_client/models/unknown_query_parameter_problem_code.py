from typing import Literal

UnknownQueryParameterProblemCode = Literal["unknown_query_parameter"]

UNKNOWN_QUERY_PARAMETER_PROBLEM_CODE_VALUES: set[UnknownQueryParameterProblemCode] = {
    "unknown_query_parameter",
}


def check_unknown_query_parameter_problem_code(value: str) -> UnknownQueryParameterProblemCode:
    if value in UNKNOWN_QUERY_PARAMETER_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNKNOWN_QUERY_PARAMETER_PROBLEM_CODE_VALUES!r}")
