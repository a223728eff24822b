from typing import Literal

TestKeyRequiredProblemCode = Literal["test_key_required"]

TEST_KEY_REQUIRED_PROBLEM_CODE_VALUES: set[TestKeyRequiredProblemCode] = {
    "test_key_required",
}


def check_test_key_required_problem_code(value: str) -> TestKeyRequiredProblemCode:
    if value in TEST_KEY_REQUIRED_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEST_KEY_REQUIRED_PROBLEM_CODE_VALUES!r}")
