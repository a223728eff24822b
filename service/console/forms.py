"""The console's forms (WTForms through Flask-WTF): each POST form carries Flask-WTF's CSRF token."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, SelectChoice, SelectField, SubmitField
from wtforms.validators import InputRequired, Length, ValidationError

from service.console.users import MAX_ADDRESS_CHARS, plausible_address
from service.locales import N_

# A link's states as the console names them (marked here, translated when shown).
STATE_LABELS = {
    "usable": N_("Usable"),
    "used": N_("Used"),
    "expired": N_("Expired"),
    "revoked": N_("Revoked"),
}


def _address(_form: FlaskForm, field: EmailField) -> None:
    if not plausible_address(field.data or ""):
        raise ValidationError(N_("Enter an email address, such as name@clinic.example."))


class SignInForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF ships no type information
    email = EmailField(
        N_("Email address"),
        validators=[InputRequired(N_("Enter your email address.")), Length(max=MAX_ADDRESS_CHARS), _address],
        render_kw={"autocomplete": "email", "inputmode": "email", "spellcheck": "false", "autocapitalize": "none"},
    )
    submit = SubmitField(N_("Continue"))


class ContinueForm(FlaskForm):  # type: ignore[misc]
    """The Continue button of an emailed sign-in link: only the CSRF token."""


class ActionForm(FlaskForm):  # type: ignore[misc]
    """A button that changes something (sign out, revoke): only the CSRF token."""


class LinkFilterForm(FlaskForm):  # type: ignore[misc]
    """The links list's filter: a GET form, so it changes nothing and needs no token."""

    class Meta:
        csrf = False

    state = SelectField(
        N_("State"),
        choices=[SelectChoice("", N_("All")), *(SelectChoice(value, label) for value, label in STATE_LABELS.items())],
        default="",
        validate_choice=True,
    )
