from typing import Literal

WebhookNotFoundProblemCode = Literal["delivery_not_found", "not_found", "webhook_not_found"]

WEBHOOK_NOT_FOUND_PROBLEM_CODE_VALUES: set[WebhookNotFoundProblemCode] = {
    "delivery_not_found",
    "not_found",
    "webhook_not_found",
}


def check_webhook_not_found_problem_code(value: str) -> WebhookNotFoundProblemCode:
    if value in WEBHOOK_NOT_FOUND_PROBLEM_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_NOT_FOUND_PROBLEM_CODE_VALUES!r}")
