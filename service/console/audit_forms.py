"""The Audit page's filter: a GET form (it changes nothing, so no CSRF token), checked before any query."""

from __future__ import annotations

import datetime as dt

from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectChoice, SelectField
from wtforms.validators import NumberRange, Optional, ValidationError

from service.locales import N_

# The actions the filter offers, as the audit trail names them (rows of other actions are listed all the same).
ACTION_LABELS = {
    "token.minted": N_("Token minted"),
    "link.used": N_("Link used"),
    "link.renewed": N_("Link renewed"),
    "console.sign_in_sent": N_("Sign-in link sent"),
    "console.signed_in": N_("Signed in"),
    "console.signed_out": N_("Signed out"),
    "console.link.sent": N_("Link sent"),
    "console.link.revoked": N_("Link revoked"),
    "console.api_key.created": N_("API key created"),
    "console.api_key.revoked": N_("API key revoked"),
    "console.webhook.secret_rotated": N_("Webhook secret rotated"),
    "console.webhook.redelivered": N_("Webhook redelivered"),
    "console.token.inspected": N_("Token inspected"),
    "console.user.invited": N_("User invited"),
    "console.user.role_changed": N_("User's role changed"),
    "console.user.removed": N_("User removed"),
    "console.audit.exported": N_("Audit exported"),
}
OUTCOME_LABELS = {"ok": N_("Succeeded"), "failed": N_("Failed or refused")}
# Dates far outside these are typing mistakes, and a year 1 or 9999 would overflow in a time zone.
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
# Row ids are 32-bit integers on PostgreSQL: a larger cursor is no row, and PostgreSQL would refuse it.
MAX_ID = 2**31 - 1


def _plausible_day(_form: FlaskForm, field: DateField) -> None:
    if field.data is not None and not FIRST_DAY <= field.data <= LAST_DAY:
        raise ValidationError(N_("Enter a date between 2000 and 2100."))


class AuditFilterForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF ships no type information
    class Meta:
        csrf = False

    action = SelectField(
        N_("Action"),
        choices=[SelectChoice("", N_("All")), *(SelectChoice(value, label) for value, label in ACTION_LABELS.items())],
        default="",
        validate_choice=True,
    )
    outcome = SelectField(
        N_("Outcome"),
        choices=[SelectChoice("", N_("All")), *(SelectChoice(value, label) for value, label in OUTCOME_LABELS.items())],
        default="",
        validate_choice=True,
    )
    # The query's parameters are `from` and `to` (a Python keyword cannot name the field itself).
    since = DateField(N_("From"), validators=[Optional(), _plausible_day], name="from")
    until = DateField(N_("To"), validators=[Optional(), _plausible_day], name="to")
    before = IntegerField(validators=[Optional(), NumberRange(1, MAX_ID)])

    def validate_until(self, field: DateField) -> None:
        if field.data is not None and self.since.data is not None and field.data < self.since.data:
            raise ValidationError(N_("The last day comes before the first."))
