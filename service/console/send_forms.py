"""The Send a link form: its fields for each payload kind, the generateJWT body it becomes, and the API's
validation errors put back on the fields they are about.

The form checks nothing of the payload, the address or the expiry itself: the body goes to the same Minter
the API's generateJWT uses (service/tokens/answering.py), whose errors name a field by its path in the body
("payload.contact.ssn", "email.to"); `field_errors` maps each path onto the form field it came from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from flask_wtf import FlaskForm
from wtforms import EmailField, Field, HiddenField, RadioField, SelectChoice, SelectField, StringField

from service.locales import N_
from service.tokens.schemas import MAX_EXPIRE_IN_MINUTES

# "Expires in" in words, minutes as the API takes them; offered only as far as the API allows (48 hours).
EXPIRY_WORDS = {
    "15": N_("15 minutes"),
    "60": N_("1 hour"),
    "2880": N_("48 hours"),
    "10080": N_("7 days"),
    "20160": N_("14 days"),
}
EXPIRY_CHOICES = [
    SelectChoice(minutes, words) for minutes, words in EXPIRY_WORDS.items() if int(minutes) <= MAX_EXPIRE_IN_MINUTES
]
DEFAULT_EXPIRY = "2880"
LOCALE_NAMES = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}
EMAIL, QR = "email", "qr"
GENERIC_ROWS = 5
# One field's own limit on what is kept of it for the page (the API refuses far less: 200 characters).
_MAX_SHOWN = 10_000


@dataclasses.dataclass(frozen=True)
class PayloadField:
    """A form field for one value of the payload: its name in the form, its path in the request body."""

    name: str
    path: str
    label: str
    kind: str = "text"  # the input's type: text, email, tel; numeric (text with a digit keyboard)
    hint: str | None = None
    autocomplete: str = "off"


_ORGANISATION = (
    PayloadField("organization_id", "payload.organizationId", N_("Organisation id")),
    PayloadField("organization_name", "payload.organizationName", N_("Organisation name")),
)
_INSTRUCTOR = (
    PayloadField("employee_id", "payload.employeeId", N_("Instructor id")),
    PayloadField("employee_username", "payload.employeeUsername", N_("Username (optional)")),
    PayloadField("employee_firstname", "payload.employeeFirstname", N_("First name")),
    PayloadField("employee_lastname", "payload.employeeLastname", N_("Last name")),
    PayloadField("employee_email", "payload.employeeEmail", N_("Email address (optional)"), "email"),
)


def _contact(id_label: str) -> tuple[PayloadField, ...]:
    """The contact's fields: the member (ExorLive Go) or the patient (ExorLive Main)."""
    return (PayloadField("contact_id", "payload.contact.id", id_label), *_CONTACT)


_CONTACT = (
    PayloadField("contact_firstname", "payload.contact.firstname", N_("First name")),
    PayloadField("contact_middlename", "payload.contact.middlename", N_("Middle name (optional)")),
    PayloadField("contact_lastname", "payload.contact.lastname", N_("Last name")),
    PayloadField(
        "contact_birthdate", "payload.contact.birthdate", N_("Date of birth (optional)"), hint=N_("YYYY-MM-DD")
    ),
    PayloadField(
        "contact_ssn", "payload.contact.ssn", N_("National identity number (optional)"), "numeric", N_("11 digits")
    ),
    PayloadField("contact_mobile", "payload.contact.mobile", N_("Mobile number (optional)"), "tel"),
    PayloadField("contact_email", "payload.contact.email", N_("Email address (optional)"), "email"),
)


@dataclasses.dataclass(frozen=True)
class Group:
    """A fieldset of the form: its legend and its fields."""

    legend: str
    fields: tuple[PayloadField, ...]


def _generic_rows() -> tuple[PayloadField, ...]:
    rows: list[PayloadField] = []
    for index in range(1, GENERIC_ROWS + 1):
        rows.append(PayloadField(f"key_{index}", "", N_("Name")))
        rows.append(PayloadField(f"value_{index}", "", N_("Value")))
    return tuple(rows)


# Each kind's fieldsets, in the order the form shows them.
GROUPS: dict[str, tuple[Group, ...]] = {
    "exorlive-go": (Group(N_("Organisation"), _ORGANISATION), Group(N_("Member"), _contact(N_("Member id")))),
    "exorlive-main": (
        Group(N_("Organisation"), _ORGANISATION),
        Group(N_("Instructor"), _INSTRUCTOR),
        Group(N_("Patient"), _contact(N_("Patient id"))),
    ),
    "generic": (Group(N_("Token fields"), _generic_rows()),),
}

# The API's messages the console has words for in every locale (others are shown as the API gives them).
API_MESSAGES = {
    "Missing data for required field.": N_("Fill this in."),
    "Not a valid email address.": N_("Enter an email address, such as name@clinic.example."),
    "Not a valid Norwegian national identity number (11 digits, mod-11).": N_(
        "This is not a valid Norwegian national identity number: 11 digits, the last two check digits."
    ),
    "Not an ISO date (YYYY-MM-DD).": N_("Enter the date as YYYY-MM-DD, such as 1969-11-13."),
    "Length must be between 1 and 200.": N_("Write 1 to 200 characters."),
    "Length must be between 0 and 200.": N_("Write at most 200 characters."),
    "Longer than maximum length 20.": N_("Write at most 20 characters."),
    "Longer than maximum length 32.": N_("Write at most 32 characters."),
    "Longer than maximum length 254.": N_("Write at most 254 characters."),
}


class SendForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF ships no type information
    """What every kind's form has: expiry, locale, delivery and address, and the attempt's idempotency key."""

    expiry = SelectField(N_("The link works for"), choices=EXPIRY_CHOICES, default=DEFAULT_EXPIRY)
    locale = SelectField(
        N_("Language of the link's pages and email"), choices=[SelectChoice(c, n) for c, n in LOCALE_NAMES.items()]
    )
    delivery = RadioField(
        N_("How the link is delivered"),
        choices=[SelectChoice(EMAIL, N_("By email")), SelectChoice(QR, N_("Show the QR code and the link to copy"))],
        default=EMAIL,
    )
    to = EmailField(N_("The recipient's email address"), render_kw={"autocomplete": "off", "spellcheck": "false"})
    # A random value per form shown: a second press of Send (or a reload) replays the first answer, no second mail.
    attempt = HiddenField()


_FORMS: dict[str, type[SendForm]] = {}


def form_class(kind: str) -> type[SendForm]:
    """The Send form of a payload kind: SendForm with a text field per payload value (made once per kind)."""
    if kind not in _FORMS:
        fields: dict[str, Any] = {}
        for group in GROUPS[kind]:
            for item in group.fields:
                fields[item.name] = (EmailField if item.kind == "email" else StringField)(item.label)
        _FORMS[kind] = type(f"SendForm_{kind.replace('-', '_')}", (SendForm,), fields)
    return _FORMS[kind]


def _text(field: Field) -> str:
    value = field.data
    return value.strip()[:_MAX_SHOWN] if isinstance(value, str) else ""


def _put(target: dict[str, Any], path: str, value: str) -> None:
    """Set "payload.contact.ssn" in the body: the objects on the way made as needed."""
    *parents, last = path.split(".")[1:]
    for name in parents:
        target = target.setdefault(name, {})
    target[last] = value


def payload_of(form: SendForm, kind: str) -> dict[str, Any]:
    """The payload the form holds: every filled-in value at its path (an empty one is left out, so a missing
    required value is the API's "Missing data for required field."); a generic form's rows as name: value."""
    payload: dict[str, Any] = {}
    if kind == "generic":
        for index in range(1, GENERIC_ROWS + 1):
            name, value = _text(form[f"key_{index}"]), _text(form[f"value_{index}"])
            if name or value:
                payload[name] = value
        return payload
    for group in GROUPS[kind]:
        for item in group.fields:
            if value := _text(form[item.name]):
                _put(payload, item.path, value)
    return payload


def request_body(form: SendForm, kind: str, profile_key: str, replaces: str | None) -> dict[str, Any]:
    """The generateJWT request body the form asks for, as an API client would send it."""
    body: dict[str, Any] = {
        "profileKey": profile_key,
        "payload": payload_of(form, kind),
        "expireIn": int(form.expiry.data) if str(form.expiry.data).isdigit() else form.expiry.data,
        "locale": form.locale.data,
    }
    if form.delivery.data == QR:
        body["qr"] = True
    else:
        body["email"] = {"to": _text(form.to)}
    if replaces is not None:
        body["replaces"] = replaces
    return body


def _generic_field(form: SendForm, key: str) -> str | None:
    """The row a generic payload's key came from: its value field (its name field for a reserved name)."""
    for index in range(1, GENERIC_ROWS + 1):
        if _text(form[f"key_{index}"]) == key:
            return f"value_{index}"
    return None


def _field_for(form: SendForm, kind: str, path: str) -> str | None:
    top = {"email.to": "to", "email": "to", "expireIn": "expiry", "locale": "locale", "qr": "delivery"}
    if path in top:
        return top[path]
    for group in GROUPS[kind]:
        for item in group.fields:
            if item.path and item.path == path:
                return item.name
    if kind == "generic" and path.startswith("payload.") and path.count(".") == 1:
        return _generic_field(form, path.removeprefix("payload."))
    if path == "payload.contact" and kind != "generic":
        return "contact_id"  # the whole contact missing: its first field says so
    return None


def field_errors(form: SendForm, kind: str, errors: Mapping[str, Sequence[str]]) -> list[tuple[str | None, str]]:
    """The API's errors on the form's fields (WTForms' `errors` of each), and what fits no field as
    (None, message) for the top of the form; every message once, in the console's words when it has them."""
    general: list[tuple[str | None, str]] = []
    for path, messages in errors.items():
        name = _field_for(form, kind, path)
        for message in messages:
            shown = API_MESSAGES.get(message, message)
            if name is None:
                general.append((None, f"{path}: {message}"))
            else:
                field = form[name]
                field.errors = [*list(field.errors or ()), shown]
    return general
