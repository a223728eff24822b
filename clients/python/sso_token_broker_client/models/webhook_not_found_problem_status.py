from typing import Literal

WebhookNotFoundProblemStatus = Literal[404]

WEBHOOK_NOT_FOUND_PROBLEM_STATUS_VALUES: set[WebhookNotFoundProblemStatus] = {
    404,
}


def check_webhook_not_found_problem_status(value: int) -> WebhookNotFoundProblemStatus:
    if value in WEBHOOK_NOT_FOUND_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_NOT_FOUND_PROBLEM_STATUS_VALUES!r}")
