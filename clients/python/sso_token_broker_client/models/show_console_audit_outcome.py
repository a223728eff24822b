from typing import Literal

ShowConsoleAuditOutcome = Literal["", "failed", "ok"]

SHOW_CONSOLE_AUDIT_OUTCOME_VALUES: set[ShowConsoleAuditOutcome] = {
    "",
    "failed",
    "ok",
}


def check_show_console_audit_outcome(value: str) -> ShowConsoleAuditOutcome:
    if value in SHOW_CONSOLE_AUDIT_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_CONSOLE_AUDIT_OUTCOME_VALUES!r}")
