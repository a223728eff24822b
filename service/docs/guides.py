"""`GET /guides` and `GET /guides/<name>`: the guides in docs/ for those who use the broker, as pages.

The repository's docs/*.md stay the source: each page is its file rendered by markdown-it-py (CommonMark with
tables; raw HTML is shown as text, never passed through) in the developer pages' layout and CSP. The files ship
with the app as openapi.yaml does: the deploy is the whole checkout (docs/deploy.md), read from the project root.

Only the guides in GUIDES are served, chosen from a fixed list and never from a path in the request. Links
between served guides point at their pages (`links.md#x` becomes `/guides/links#x`), `../openapi.yaml` at
/openapi.yaml; a link to a file that is not served (a guide for whoever develops or deploys the broker) keeps
its text and loses its link. Headings get GitHub's ids, so `#anchors` written for GitHub work here too.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import posixpath
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Blueprint, Response, request, url_for

from service.docs.pages import developer_page
from service.errors import NotFound

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

log = logging.getLogger(__name__)

bp = Blueprint("guides", __name__, template_folder="templates")

DOCS = Path(__file__).resolve().parents[2] / "docs"


@dataclasses.dataclass(frozen=True)
class Guide:
    name: str  # docs/<name>.md, served at /guides/<name>
    label: str  # the link to it
    audience: str  # who it is for, after the link


# The guides for those who call the broker, receive its tokens or webhooks, or administer a clinic's links, in
# the order a newcomer needs them. Not served: deploy.md, operations.md, performance.md, development.md and
# translations.md, for whoever deploys, runs, develops or translates the broker (they have the repository).
GUIDES = {
    guide.name: guide
    for guide in (
        Guide("bubble", "Bubble", "the API Connector step by step, test keys, what to do when something goes wrong"),
        Guide("mobile", "Mobile apps", "the backend call, the browser sheet, coming back to the app"),
        Guide("api", "The API", "minting, launch links, email, idempotency, errors"),
        Guide("links", "Launch links", "after they are made: ids, replacing, renewal, QR codes, languages"),
        Guide("webhooks", "Webhooks", "a partner's backend hearing what happened to its links, signed"),
        Guide("relying-party", "Relying parties", "what to check in a broker token; the token inspector"),
        Guide("admin", "Administration", "a clinic's admin, and whoever runs the broker for clinics: the CLI"),
    )
}

# Where a relative link from a guide to another file of the repository goes, when that file is served.
_SERVED_FILES = {"../openapi.yaml": "/openapi.yaml"}
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_NOT_A_SLUG_CHARACTER = re.compile(r"[^\w\- ]")


@functools.cache
def _markdown() -> MarkdownIt:
    """The parser, made when the first guide is read (its rules take a MB a worker serving the API never needs)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def slug(text: str) -> str:
    """GitHub's id for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return _NOT_A_SLUG_CHARACTER.sub("", text.strip().lower()).replace(" ", "-")


def _plain(inline: Token) -> str:
    return "".join(child.content for child in inline.children or () if child.type in {"text", "code_inline"})


def _target(href: str, root: str) -> str | None:
    """Where a guide's link goes on the broker: unchanged for another site or an anchor, None when not served."""
    if _SCHEME.match(href) or href.startswith("#"):
        return href
    file, hash_mark, anchor = href.partition("#")
    file = posixpath.normpath(file)
    if file in _SERVED_FILES:
        return root + _SERVED_FILES[file] + hash_mark + anchor
    name = file.removesuffix(".md")
    if file.endswith(".md") and name in GUIDES:
        return f"{root}/guides/{name}{hash_mark}{anchor}"
    return None


def _rewrite_links(inline: Token, root: str) -> None:
    """Point each link at its page; a link to a file that is not served becomes its text."""
    children: list[Token] = []
    unlinked = False
    for child in inline.children or ():
        if child.type == "link_open":
            target = _target(str(child.attrGet("href") or ""), root)
            unlinked = target is None
            if unlinked:
                continue
            child.attrSet("href", str(target))
        elif child.type == "link_close" and unlinked:
            unlinked = False
            continue
        children.append(child)
    inline.children = children


@dataclasses.dataclass(frozen=True)
class Rendered:
    title: str
    html: str


def render(text: str, root: str = "") -> Rendered:
    """A guide's Markdown as HTML (links for the broker under `root`, the script root), and its first heading."""
    markdown = _markdown()
    tokens = markdown.parse(text)
    title = ""
    seen: Counter[str] = Counter()
    in_head = False
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = _plain(tokens[index + 1])
            title = title or heading
            # Repeated headings get -1, -2, … as on GitHub.
            base = slug(heading)
            token.attrSet("id", f"{base}-{seen[base]}" if seen[base] else base)
            seen[base] += 1
        elif token.type == "inline":
            _rewrite_links(token, root)
        elif token.type in {"thead_open", "thead_close"}:
            in_head = token.type == "thead_open"
        elif token.type == "th_open" and in_head:
            token.attrSet("scope", "col")
    html = markdown.renderer.render(tokens, markdown.options, {})
    # Raw HTML is escaped, so these tags are only the renderer's own: code blocks and tables scroll sideways on
    # a phone, and a keyboard must be able to reach them to scroll.
    html = html.replace("<pre><code", '<pre tabindex="0"><code')
    html = html.replace("<table>", '<div class="table-scroll" tabindex="0"><table>')
    html = html.replace("</table>", "</table></div>")
    return Rendered(title or "Guide", html)


@functools.lru_cache(maxsize=64)
def _rendered(name: str, modified: int, root: str) -> Rendered:
    # Keyed by the file's modification time: an edited guide shows at once under `make run`.
    return render((DOCS / f"{name}.md").read_text(encoding="utf-8"), root)


def rendered(name: str, root: str = "") -> Rendered:
    """The served guide `name` rendered; 404 (and an error in the log) when its file did not ship."""
    path = DOCS / f"{GUIDES[name].name}.md"
    try:
        return _rendered(name, path.stat().st_mtime_ns, root)
    except OSError as error:
        log.error("guide file missing: deploy docs/ with the app", extra={"guide": name, "error": type(error).__name__})
        raise NotFound(f"The guide {name!r} is not on this broker (its docs/ folder was not deployed).") from None


@bp.get("/guides")
def index() -> Response:
    return developer_page("docs/guides.html", guides=GUIDES.values())


@bp.get("/guides/<name>")
def page(name: str) -> Response:
    if name not in GUIDES:
        raise NotFound(f"No guide {name[:64]!r}. The guides are {', '.join(GUIDES)}, listed at {url_for('.index')}.")
    others = [guide for guide in GUIDES.values() if guide.name != name]
    return developer_page("docs/guide.html", guide=rendered(name, request.script_root), others=others)
