"""The Users page's forms: invite by address and role, change a role (the rules are ConsoleUsers')."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, SelectChoice, SelectField, SubmitField
from wtforms.validators import InputRequired, Length, ValidationError

from service.console.users import MAX_ADDRESS_CHARS, Role, plausible_address
from service.locales import N_

ROLE_LABELS = {Role.OWNER.value: N_("Owner"), Role.ADMIN.value: N_("Admin"), Role.VIEWER.value: N_("Viewer")}
ROLE_HINTS = {
    Role.OWNER.value: N_("everything, users and API keys included"),
    Role.ADMIN.value: N_("links and webhooks; reads profiles"),
    Role.VIEWER.value: N_("reads only"),
}
# The languages an invitation can be written in (service/locales).
LANGUAGE_LABELS = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}


def _address(_form: FlaskForm, field: EmailField) -> None:
    if not plausible_address(field.data or ""):
        raise ValidationError(N_("Enter an email address, such as name@clinic.example."))


def _role_field() -> SelectField:
    return SelectField(
        N_("Role"),
        choices=[SelectChoice(value, label) for value, label in ROLE_LABELS.items()],
        default=Role.ADMIN.value,
        validate_choice=False,
        validators=[_role],
    )


def _role(_form: FlaskForm, field: SelectField) -> None:
    # A role the form sent (a missing one is not taken to mean the default).
    if not field.raw_data or field.data not in ROLE_LABELS:
        raise ValidationError(N_("Choose owner, admin or viewer."))


class InviteForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF ships no type information
    email = EmailField(
        N_("Email address"),
        validators=[
            InputRequired(N_("Enter the email address to invite.")),
            Length(max=MAX_ADDRESS_CHARS, message=N_("Enter an email address, such as name@clinic.example.")),
            _address,
        ],
        render_kw={"autocomplete": "off", "inputmode": "email", "spellcheck": "false", "autocapitalize": "none"},
    )
    role = _role_field()
    language = SelectField(
        N_("Language of the invitation"),
        choices=[SelectChoice(value, label) for value, label in LANGUAGE_LABELS.items()],
        default="nb",
        validate_choice=False,
    )
    submit = SubmitField(N_("Send invitation"))

    def validate_language(self, field: SelectField) -> None:
        if field.data not in LANGUAGE_LABELS:
            raise ValidationError(N_("Choose a language from the list."))


class RoleForm(FlaskForm):  # type: ignore[misc]
    role = _role_field()
    submit = SubmitField(N_("Change role"))
