"""The API keys page's form: a new key's name, scopes, mode and rate limit (the rules are service/apikeys')."""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField, SubmitField
from wtforms.validators import Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from service.apikeys import credentials
from service.apikeys.issuing import check_scopes, checked_rate_limit
from service.apikeys.settings import per_second
from service.errors import ValidationFailed
from service.locales import N_
from service.web.validation import control_characters
from service.wiring import services

MAX_LABEL_CHARS = 100  # the api_keys.label column
# What each scope lets a key do, as docs/api.md says it (marked here, translated when shown).
SCOPE_LABELS = {
    "links:long": N_("Links that outlive the token (a launch link's url)"),
    "links:email": N_("Have links emailed (with links:long)"),
    "links:admin": N_("List and revoke links"),
    "keys:admin": N_("List and revoke API keys"),
    "webhooks:admin": N_("Manage webhook endpoints"),
}
MODE_LABELS = {"live": N_("Live mode"), "test": N_("Test mode")}


class _Checkboxes(SelectMultipleField):  # type: ignore[misc]  # WTForms ships no type information
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form: Any) -> None:
        # Only the broker's scopes: anything else was not on the page (WTForms' own message names the value).
        if any(value not in credentials.SCOPES for value in self.data or []):
            raise ValidationError(N_("Choose scopes from the list."))


def _rate_limit(_form: FlaskForm, field: StringField) -> None:
    try:
        chosen = checked_rate_limit(field.data or None)
    except ValidationFailed:
        raise ValidationError(
            N_("Enter a rate limit such as 600/minute: a number from 1 to 1000000, then second, minute, hour or day.")
        ) from None
    # An owner may give a key less than the broker's RATE_LIMIT, not more: more is the operator's to give
    # (`apikeys create --rate-limit`), as the HTTP API lets no one set it.
    default = services(current_app).settings.default_rate_limit
    if chosen is not None and per_second(chosen) > per_second(default):
        raise ValidationError(N_("At most the broker's default rate limit. Ask the broker's operator for more."))


class ApiKeyForm(FlaskForm):  # type: ignore[misc]
    label = StringField(
        N_("Name (optional)"),
        validators=[Length(max=MAX_LABEL_CHARS, message=N_("Use at most 100 characters."))],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    scopes = _Checkboxes(
        N_("Scopes"), choices=[SelectChoice(scope, scope) for scope in credentials.SCOPES], validate_choice=False
    )
    mode = RadioField(
        N_("Mode"),
        choices=[SelectChoice(value, label) for value, label in MODE_LABELS.items()],
        default="live",
        validate_choice=False,
    )
    rate_limit = StringField(
        N_("Rate limit (optional)"),
        validators=[Length(max=40, message=N_("Use at most 40 characters.")), _rate_limit],
        render_kw={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none", "placeholder": "600/minute"},
    )
    submit = SubmitField(N_("Create API key"))

    def validate_label(self, field: StringField) -> None:
        if control_characters(field.data or ""):
            raise ValidationError(N_("Use letters, digits and punctuation: no line breaks or control characters."))

    def validate_mode(self, field: RadioField) -> None:
        if field.data not in MODE_LABELS:
            raise ValidationError(N_("Choose live or test."))

    def validate_scopes(self, field: SelectMultipleField) -> None:
        try:
            check_scopes(list(field.data or []), test=self.mode.data == "test")
        except ValidationFailed:
            raise ValidationError(
                N_("A test key may not hold links:admin, keys:admin or webhooks:admin: they reach live data.")
            ) from None
