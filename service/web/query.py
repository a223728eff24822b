"""The query parameters of an API route: only those it takes, each once.

An unknown one is refused (400 `unknown_query_parameter`) with the parameter it most likely meant, as an
unknown body field is: ignored, `?stat=used` or `?Recipient=…` would list every link as if it had filtered.
Messages name parameters, never their values (a `recipient` is an email address).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from flask import request

from service.errors import UnknownQueryParameter, ValidationFailed

_SHOWN_NAME_CHARS = 40


def _meant(name: str, known: Sequence[str]) -> str | None:
    """The parameter a wrong name most likely meant: another case, or a close spelling."""
    by_lower = {parameter.lower(): parameter for parameter in known}
    return by_lower.get(name.lower()) or next(iter(difflib.get_close_matches(name, known, n=1, cutoff=0.7)), None)


def query_parameters(known: Sequence[str]) -> dict[str, str]:
    """The request's query parameters by name, when each is one of `known` and given once.

    UnknownQueryParameter (400) for any other name, naming the one meant; ValidationFailed (422) for a name
    given twice (which of the two would count?).
    """
    takes = f"This route takes {', '.join(known)}; the names are case-sensitive."
    unknown: dict[str, list[str]] = {}
    details = []
    for name in request.args:
        if name in known:
            continue
        shown, meant = name[:_SHOWN_NAME_CHARS], _meant(name, known)
        unknown[shown] = [f"Unknown query parameter: did you mean {meant}?" if meant else "Unknown query parameter."]
        details.append(f"{shown} (did you mean {meant}?)" if meant else shown)
    if unknown:
        noun = "parameter" if len(details) == 1 else "parameters"
        raise UnknownQueryParameter(f"Unknown query {noun} {', '.join(details)}. {takes}", errors=unknown)
    repeated = {name: [f"Give {name} once."] for name in request.args if len(request.args.getlist(name)) > 1}
    if repeated:
        raise ValidationFailed("Invalid query.", errors=repeated)
    return {name: request.args[name] for name in request.args}
