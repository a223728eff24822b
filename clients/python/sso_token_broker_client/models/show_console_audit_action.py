from typing import Literal

ShowConsoleAuditAction = Literal[
    "",
    "console.api_key.created",
    "console.api_key.revoked",
    "console.audit.exported",
    "console.link.revoked",
    "console.link.sent",
    "console.sign_in_sent",
    "console.signed_in",
    "console.signed_out",
    "console.token.inspected",
    "console.user.invited",
    "console.user.removed",
    "console.user.role_changed",
    "console.webhook.redelivered",
    "console.webhook.secret_rotated",
    "link.renewed",
    "link.used",
    "token.minted",
]

SHOW_CONSOLE_AUDIT_ACTION_VALUES: set[ShowConsoleAuditAction] = {
    "",
    "console.api_key.created",
    "console.api_key.revoked",
    "console.audit.exported",
    "console.link.revoked",
    "console.link.sent",
    "console.sign_in_sent",
    "console.signed_in",
    "console.signed_out",
    "console.token.inspected",
    "console.user.invited",
    "console.user.removed",
    "console.user.role_changed",
    "console.webhook.redelivered",
    "console.webhook.secret_rotated",
    "link.renewed",
    "link.used",
    "token.minted",
}


def check_show_console_audit_action(value: str) -> ShowConsoleAuditAction:
    if value in SHOW_CONSOLE_AUDIT_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_CONSOLE_AUDIT_ACTION_VALUES!r}")
