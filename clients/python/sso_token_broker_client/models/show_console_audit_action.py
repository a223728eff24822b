from typing import Literal

ShowConsoleAuditAction = Literal[
    "",
    "console.audit.exported",
    "console.link.revoked",
    "console.sign_in_sent",
    "console.signed_in",
    "console.signed_out",
    "link.renewed",
    "link.used",
    "token.minted",
]

SHOW_CONSOLE_AUDIT_ACTION_VALUES: set[ShowConsoleAuditAction] = {
    "",
    "console.audit.exported",
    "console.link.revoked",
    "console.sign_in_sent",
    "console.signed_in",
    "console.signed_out",
    "link.renewed",
    "link.used",
    "token.minted",
}


def check_show_console_audit_action(value: str) -> ShowConsoleAuditAction:
    if value in SHOW_CONSOLE_AUDIT_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_CONSOLE_AUDIT_ACTION_VALUES!r}")
