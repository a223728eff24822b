"""Opening a tenant (a partner account) and naming it as people see it on pages and in mails."""

from __future__ import annotations

from typing import TYPE_CHECKING

from service.errors import ValidationFailed
from service.tenants.models import Tenant
from service.web.validation import control_characters, encoded_words

if TYPE_CHECKING:
    from service.wiring import Services

MAX_DISPLAY_NAME = 100  # the column's width (tenants.display_name, profiles.display_name)


def check_display_name(value: str) -> list[str]:
    """What is wrong with a display name people see on pages and in mail headers; empty when it is fine."""
    if not value.strip():
        return ["May not be empty; leave the option out to keep the current name."]
    if control_characters(value):
        return ["May not contain line breaks or other control characters (it goes into mail headers and pages)."]
    if encoded_words(value):
        return ["May not contain =?...?= (mail programs would decode it as an encoded word in mail headers)."]
    if len(value) > MAX_DISPLAY_NAME:
        return [f"At most {MAX_DISPLAY_NAME} characters."]
    return []


def create_tenant(svc: Services, name: str, display_name: str | None = None) -> Tenant:
    """A new tenant (a partner account); its display name checked as pages and mail headers need it."""
    if display_name is not None:
        _check_tenant_display_name(display_name)
    return svc.stores.tenants.create_tenant(name, display_name)


def set_tenant_display_name(svc: Services, name: str, display_name: str) -> Tenant:
    """Change the name people see on a tenant's pages and in its mails."""
    _check_tenant_display_name(display_name)
    return svc.stores.tenants.set_tenant_display_name(name, display_name)


def _check_tenant_display_name(display_name: str) -> None:
    errors = check_display_name(display_name)
    if errors:
        raise ValidationFailed("The tenant's display name is not valid.", errors={"displayName": errors})
