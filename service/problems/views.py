"""`GET /problems` lists every problem code; `GET /problems/<code>` explains one (the URL in a problem's `type`)."""

from __future__ import annotations

import json
import re

from flask import Blueprint, Response
from markupsafe import Markup, escape

from service.docs.pages import developer_page
from service.problems.catalogue import BY_CODE, EXPLAINERS, PLACEHOLDERS, Example

bp = Blueprint("problems", __name__, template_folder="templates")

_BACKTICKS = re.compile(r"`([^`]+)`")


@bp.app_template_filter("code_spans")
def code_spans(text: str) -> Markup:
    """Escaped text with `backticked` parts as <code>."""
    return Markup(_BACKTICKS.sub(lambda found: f"<code>{found.group(1)}</code>", str(escape(text))))  # noqa: S704


def _shown(text: str) -> str:
    for placeholder, variable in PLACEHOLDERS.items():
        text = text.replace(placeholder, variable)
    return text


def as_curl(example: Example, base_url: str) -> str:
    """The example as a command to paste into a shell that has API_KEY (and PROFILE_KEY) exported."""
    if example.command is not None:
        return example.command
    method = "" if example.method == "GET" else f" -X {example.method}"
    lines = [f"curl -sS{method} '{base_url}{example.path}'"]
    lines += [f'  -H "{name}: {_shown(value)}"' for name, value in example.headers.items()]
    body = example.raw if example.raw is not None else None if example.json is None else json.dumps(example.json)
    if body is None:
        return " \\\n".join(lines)
    # An unquoted here-document: the shell puts in $PROFILE_KEY, and the JSON's quotes need no escaping.
    lines.append("  --data-binary @- <<JSON")
    return " \\\n".join(lines) + "\n" + _shown(body) + "\nJSON"


def exports(*examples: Example | None) -> str:
    """The `export` line that gives the examples' shell variables their values."""
    text = " ".join(f"{e.headers} {e.raw} {e.json}" for e in examples if e is not None)
    names = [
        f"{variable[1:]}={'pk' if 'PROFILE' in variable else 'tbk'}_…"
        for p, variable in PLACEHOLDERS.items()
        if p in text
    ]
    return "export " + " ".join(names) if names else ""


@bp.get("/problems")
def index() -> Response:
    return developer_page("problems/index.html", explainers=sorted(EXPLAINERS, key=lambda e: (e.status, e.code)))


@bp.get("/problems/<code>")
def explain(code: str) -> Response:
    explainer = BY_CODE.get(code)
    if explainer is None:
        return developer_page(
            "problems/index.html",
            404,
            explainers=sorted(EXPLAINERS, key=lambda e: (e.status, e.code)),
            unknown=code[:64],
        )
    shell = exports(explainer.setup, explainer.wrong, explainer.right)
    return developer_page("problems/explainer.html", explainer=explainer, as_curl=as_curl, exports=shell)
