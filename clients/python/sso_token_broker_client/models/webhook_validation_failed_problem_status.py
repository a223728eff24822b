from typing import Literal

WebhookValidationFailedProblemStatus = Literal[422]

WEBHOOK_VALIDATION_FAILED_PROBLEM_STATUS_VALUES: set[WebhookValidationFailedProblemStatus] = {
    422,
}


def check_webhook_validation_failed_problem_status(value: int) -> WebhookValidationFailedProblemStatus:
    if value in WEBHOOK_VALIDATION_FAILED_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_VALIDATION_FAILED_PROBLEM_STATUS_VALUES!r}")
