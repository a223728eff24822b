from typing import Literal

ExportConsoleAuditOutcome = Literal["", "failed", "ok"]

EXPORT_CONSOLE_AUDIT_OUTCOME_VALUES: set[ExportConsoleAuditOutcome] = {
    "",
    "failed",
    "ok",
}


def check_export_console_audit_outcome(value: str) -> ExportConsoleAuditOutcome:
    if value in EXPORT_CONSOLE_AUDIT_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPORT_CONSOLE_AUDIT_OUTCOME_VALUES!r}")
