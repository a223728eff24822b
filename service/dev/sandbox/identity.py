"""Who a verified token signs in, as the session page shows it: instructor, member or a generic user."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Literal

Kind = Literal["instructor", "member", "generic"]


@dataclasses.dataclass(frozen=True)
class SignedIn:
    """Only what the page names; the rest of the claims (SSN, email, ...) is not kept."""

    kind: Kind
    user: str = ""
    contact: str = ""
    organization: str = ""


def _text(value: Any) -> str:
    # Claims are partner-supplied JSON: a number is shown, an object or list is not a name.
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _full_name(first: Any, last: Any) -> str:
    return " ".join(part for part in (_text(first), _text(last)) if part)


def signed_in(claims: Mapping[str, Any]) -> SignedIn:
    """ExorLive Main if the claims name an employee, Go if they name only a contact, generic otherwise."""
    contact = claims.get("contact")
    if not isinstance(contact, Mapping):
        contact = None
    organization = _text(claims.get("organizationName"))
    if "employeeFirstname" in claims or "employeeLastname" in claims:
        return SignedIn(
            kind="instructor",
            user=_full_name(claims.get("employeeFirstname"), claims.get("employeeLastname")),
            contact=_full_name(contact.get("firstname"), contact.get("lastname")) if contact else "",
            organization=organization,
        )
    if contact is not None:
        return SignedIn(
            kind="member",
            user=_full_name(contact.get("firstname"), contact.get("lastname")),
            organization=organization,
        )
    return SignedIn(kind="generic", user=_text(claims.get("userId")) or _text(claims.get("sub")))
