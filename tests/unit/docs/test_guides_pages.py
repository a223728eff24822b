"""`/guides` and `/guides/<name>` (issue 22, item 2): the guides in docs/ as pages of the broker, rendered from their
Markdown, every link on them working, linked from `/` and `/docs`, and any other name a 404 problem, never a 500
nor a file from outside the served list."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from service.docs import guides
from tests.support.api import problem
from tests.support.paths import ROOT

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
# The guides for whoever deploys, runs, develops or translates the broker: they have the repository.
NOT_SERVED = {"deploy", "operations", "performance", "development", "translations"}


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


def test_every_guide_in_docs_is_served_or_knowingly_not() -> None:
    in_docs = {path.stem for path in (ROOT / "docs").glob("*.md")}
    assert set(guides.GUIDES) | NOT_SERVED == in_docs
    assert not set(guides.GUIDES) & NOT_SERVED
    # The pages read the repository's own files: the deploy ships the checkout (docs/deploy.md).
    assert guides.DOCS == ROOT / "docs"


@pytest.mark.parametrize("name", sorted(guides.GUIDES))
def test_a_guide_is_its_markdown_as_a_page_in_the_brokers_layout(client: FlaskClient, name: str) -> None:
    response = client.get(f"/guides/{name}", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Language"] == "en"
    csp = response.headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'none'; style-src 'nonce-")
    assert "script-src" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    html = response.get_data(as_text=True)
    first_heading = re.search(r"^# (.+)$", (ROOT / "docs" / f"{name}.md").read_text(), re.M)
    assert first_heading is not None
    assert f"<title>{first_heading.group(1)} · SSO token broker</title>" in html.replace("&#39;", "'")
    # Nothing from another host: no script, style sheet or image the broker does not serve itself.
    assert not re.search(r"<(script|link|img|iframe)\b", html.replace('<link rel="icon" href="data:,">', ""))
    assert 'href="/guides" aria-current="page"' in html


@pytest.mark.parametrize("name", sorted(guides.GUIDES))
def test_every_link_on_a_guide_page_works_anchors_included(client: FlaskClient, name: str) -> None:
    html = client.get(f"/guides/{name}").get_data(as_text=True)
    for href in sorted(set(re.findall(r'href="([^"]+)"', html))):
        parts = urlsplit(href)
        if parts.scheme:  # another site (https://www.rfc-editor.org/…), or the page's empty data: favicon
            continue
        assert not parts.path.endswith(".md"), f"{name}: {href} still points at a Markdown file"
        target = html
        if parts.path:
            linked = client.get(parts.path)
            assert linked.status_code == 200, f"{name}: {href}"
            target = linked.get_data(as_text=True)
        if parts.fragment:
            assert parts.fragment in _ids(target), f"{name}: no #{parts.fragment} on {parts.path or 'the page'}"


def test_links_between_guides_and_to_the_contract_lead_to_their_pages() -> None:
    text = "See [links](links.md), [renewal](links.md#renewal-by-the-member), [up](#top) and [yaml](../openapi.yaml)."
    html = guides.render(text).html
    assert 'href="/guides/links"' in html
    assert 'href="/guides/links#renewal-by-the-member"' in html
    assert 'href="#top"' in html
    assert 'href="/openapi.yaml"' in html
    # Under a script root (the broker mounted at /sso), the links follow it.
    assert 'href="/sso/guides/links"' in guides.render(text, "/sso").html


def test_a_link_to_a_file_that_is_not_served_keeps_only_its_text() -> None:
    html = guides.render("Operators: see [deploy.md](deploy.md#x) and [the code](../service/app.py).").html
    assert "<a" not in html
    assert "Operators: see deploy.md and the code." in html


def test_headings_get_githubs_ids_and_repeats_are_numbered() -> None:
    html = guides.render(
        "# Title\n\n## 1. The API Connector\n\n## Scale-out: `make run`!\n\n## Notes\n\n## Notes\n"
    ).html
    assert _ids(html) == {"title", "1-the-api-connector", "scale-out-make-run", "notes", "notes-1"}


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>",
        '<img src="https://evil.example/x.png" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '[x](https://example.com/"><script>alert(1)</script>)',
    ],
)
def test_raw_html_and_script_links_in_the_markdown_stay_text(markdown: str) -> None:
    html = guides.render(markdown).html
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html


def test_code_blocks_and_tables_can_be_scrolled_from_the_keyboard() -> None:
    html = guides.render("```json POST /api/v1/generateJWT generic\n{}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n").html
    assert '<pre tabindex="0"><code class="language-json">' in html
    assert '<div class="table-scroll" tabindex="0"><table>' in html
    assert '<th scope="col">a</th>' in html


def test_the_guides_index_links_every_guide(client: FlaskClient) -> None:
    response = client.get("/guides")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for name in guides.GUIDES:
        assert f'href="/guides/{name}"' in html


def test_the_index_and_the_reference_link_the_guides(client: FlaskClient) -> None:
    index = client.get("/", headers={"Accept": BROWSER_ACCEPT}).get_data(as_text=True)
    assert 'href="/guides/bubble"' in index
    assert 'href="/guides"' in index
    assert 'href="/guides"' in client.get("/docs").get_data(as_text=True)
    assert client.get("/", headers={"Accept": "application/json"}).get_json()["guides"] == "http://broker.test/guides"


@pytest.mark.parametrize(
    "path",
    [
        "/guides/development",  # in docs/, but for those who develop the broker
        "/guides/Bubble",
        "/guides/bubble.md",
        "/guides/README",
        "/guides/..",
        "/guides/%2e%2e",
        "/guides/..%2F..%2Fservice%2Fapp.py",
        "/guides/%2e%2e%2fREADME",
        "/guides/%252e%252e%252fREADME",
        "/guides/bubble%2F..%2F..%2Fopenapi.yaml",
        "/guides/..%5CREADME",
        "/guides/bubble%00",
        "/guides/" + "x" * 5000,
        "/guides/" + "%F0%9F%92%A5" * 100,
        "/guides/bubble/",
        "/guides/bubble/extra",
    ],
)
def test_any_other_name_is_a_404_problem_and_never_a_file(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    body = problem(response, 404, "not_found")
    assert len(body["detail"]) < 400
    assert "import" not in response.get_data(as_text=True)  # no Python source, whatever the path


def test_an_unknown_guide_names_the_guides(client: FlaskClient) -> None:
    detail = problem(client.get("/guides/bubbel"), 404, "not_found")["detail"]
    assert detail == (
        "No guide 'bubbel'. The guides are bubble, mobile, api, links, webhooks, relying-party, admin, "
        "listed at /guides."
    )


def test_a_guide_that_did_not_ship_is_a_404_and_an_error_in_the_log(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(guides, "DOCS", tmp_path)
    with caplog.at_level(logging.ERROR, logger="service.docs.guides"):
        body = problem(client.get("/guides/bubble"), 404, "not_found")
    assert "docs/ folder was not deployed" in body["detail"]
    assert [record.getMessage() for record in caplog.records] == ["guide file missing: deploy docs/ with the app"]


def test_rendering_logs_nothing_at_debug(client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    """markdown-it logs every rule it tries at DEBUG: hundreds of lines a page, kept out of the broker's log."""
    with caplog.at_level(logging.DEBUG):
        client.get("/guides/api")
    assert [record for record in caplog.records if record.name.startswith("markdown_it")] == []
