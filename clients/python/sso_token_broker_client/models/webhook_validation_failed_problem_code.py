from typing import Literal

WebhookValidationFailedProblemCode = Literal["validation_failed", "webhook_url_not_allowed"]

WEBHOOK_VALIDATION_FAILED_PROBLEM_CODE_VALUES: set[WebhookValidationFailedProblemCode] = {
    "validation_failed",
    "webhook_url_not_allowed",
}


def check_webhook_validation_failed_problem_code(value: str) -> WebhookValidationFailedProblemCode:
    if value in WEBHOOK_VALIDATION_FAILED_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_VALIDATION_FAILED_PROBLEM_CODE_VALUES!r}")
