from typing import Literal

UnsupportedMediaTypeProblemStatus = Literal[415]

UNSUPPORTED_MEDIA_TYPE_PROBLEM_STATUS_VALUES: set[UnsupportedMediaTypeProblemStatus] = {
    415,
}


def check_unsupported_media_type_problem_status(value: int) -> UnsupportedMediaTypeProblemStatus:
    if value in UNSUPPORTED_MEDIA_TYPE_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNSUPPORTED_MEDIA_TYPE_PROBLEM_STATUS_VALUES!r}")
