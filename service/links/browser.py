"""What a launch link's page gives the browser to reach the relying party: a form POST, or a redirect."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class FormPost:
    """A page that form-POSTs the token as `payload` to `action`."""

    action: str
    token: str


@dataclasses.dataclass(frozen=True)
class Redirect:
    url: str
