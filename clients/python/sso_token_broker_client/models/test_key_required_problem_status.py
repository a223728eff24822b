from typing import Literal

TestKeyRequiredProblemStatus = Literal[403]

TEST_KEY_REQUIRED_PROBLEM_STATUS_VALUES: set[TestKeyRequiredProblemStatus] = {
    403,
}


def check_test_key_required_problem_status(value: int) -> TestKeyRequiredProblemStatus:
    if value in TEST_KEY_REQUIRED_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEST_KEY_REQUIRED_PROBLEM_STATUS_VALUES!r}")
