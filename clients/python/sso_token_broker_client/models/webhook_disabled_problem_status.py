from typing import Literal

WebhookDisabledProblemStatus = Literal[409]

WEBHOOK_DISABLED_PROBLEM_STATUS_VALUES: set[WebhookDisabledProblemStatus] = {
    409,
}


def check_webhook_disabled_problem_status(value: int) -> WebhookDisabledProblemStatus:
    if value in WEBHOOK_DISABLED_PROBLEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_DISABLED_PROBLEM_STATUS_VALUES!r}")
