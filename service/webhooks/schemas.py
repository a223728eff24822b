"""The body of `POST /api/v1/webhooks`: url, events (default: every type), description."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates

from service.errors import ValidationFailed
from service.web.validation import flatten_errors
from service.webhooks.events import EVENT_TYPES
from service.webhooks.targets import MAX_URL_LENGTH

MAX_DESCRIPTION = 200


class NewEndpoint(Schema):
    class Meta:
        unknown = RAISE

    url = fields.String(required=True, validate=validate.Length(min=1, max=MAX_URL_LENGTH))
    events = fields.List(fields.String(validate=validate.OneOf(EVENT_TYPES)), validate=validate.Length(min=1))
    description = fields.String(validate=validate.Length(max=MAX_DESCRIPTION))

    @validates("events")
    def _once_each(self, value: list[str], **_: Any) -> None:
        if len(set(value)) != len(value):
            raise ValidationError("Name each event type once.")

    @validates("description")
    def _one_line(self, value: str, **_: Any) -> None:
        if any(ord(char) < 32 or ord(char) == 127 for char in value):
            raise ValidationError("One line of text, without control characters.")


_new_endpoint = NewEndpoint()


def load_new_endpoint(body: Any) -> dict[str, Any]:
    try:
        return dict(_new_endpoint.load(body))
    except ValidationError as error:
        raise ValidationFailed("The request body is not valid.", errors=flatten_errors(error.messages)) from None
