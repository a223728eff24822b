"""The README and the guides in docs/: every link resolves inside the repository, every `curl` in a guide runs
against a broker and gets a 2xx, every JSON body a guide tells you to send is sent and gets the status the guide
says (200 unless it names another), every Python example is formatted as ruff formats it, and the mobile guide's
backend runs against a broker, so the examples cannot rot.

A JSON code block says what it is in its info string, after the language (GitHub shows only the language):
- ```json POST /api/v1/generateJWT exorlive-go [422]: a request body, sent with the test API key; `pk_…` is the
  test profile of that payload kind;
- ```json answer: what the broker answers; ```json file: a file's content (a policy, a credentials file).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from flask import Flask
from markdown_it import MarkdownIt

from service.profiles import kinds
from tests.support.api import bearer, generate
from tests.support.paths import ROOT
from tests.support.ports import free_port
from tests.support.privacy import WATCH
from tests.support.servers import serve_wsgi

GUIDES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6} (.+)$", re.M)
_PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)
_MARKDOWN = MarkdownIt("commonmark")


def _anchors(path: Path) -> set[str]:
    """GitHub's ids of a Markdown file's headings."""
    slugs = set()
    for heading in _HEADING.findall(path.read_text()):
        text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
        slugs.add(text.replace(" ", "-"))
    return slugs


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_every_link_resolves_inside_the_repository(guide: Path) -> None:
    for target in _LINK.findall(guide.read_text()):
        if target.startswith(("http://", "https://", "mailto:")):
            assert "shared" not in target, target
            continue
        file, _, anchor = target.partition("#")
        resolved = (guide.parent / file).resolve() if file else guide
        assert resolved.is_relative_to(ROOT), f"{guide.name} links outside the repository: {target}"
        assert resolved.exists(), f"{guide.name}: {target} does not exist"
        if anchor and resolved.suffix == ".md":
            assert anchor in _anchors(resolved), f"{guide.name}: no heading #{anchor} in {resolved.name}"


def _fences(guide: Path) -> list[tuple[str, str, str]]:
    """(where, info string, content) of each fenced code block, also those inside lists."""
    tokens = _MARKDOWN.parse(guide.read_text())
    return [
        (f"{guide.name}:{token.map[0] + 1 if token.map else 0}", token.info.strip(), token.content)
        for token in tokens
        if token.type == "fence"
    ]


def _curl_blocks() -> list[tuple[str, str]]:
    blocks = []
    for guide in GUIDES:
        for number, (_, _info, block) in enumerate(fence for fence in _fences(guide) if fence[1] == "sh"):
            if block.lstrip().startswith("curl"):
                blocks.append((f"{guide.name}#{number}", block))
    return blocks


CURLS = _curl_blocks()


@pytest.mark.parametrize(("where", "block"), CURLS, ids=[where for where, _ in CURLS])
def test_every_curl_in_the_guides_works(app: Flask, creds: dict[str, Any], where: str, block: str) -> None:
    link = generate(app.test_client(), creds, "exorlive-main", key="adminApiKey", expireIn=120).get_json()
    WATCH.watch(link["url"].rsplit("/", 1)[1])
    with serve_wsgi(app) as base:
        env = {
            **os.environ,
            "BASE": base,
            "API_KEY": creds["apiKey"],
            "ADMIN_KEY": creds["adminApiKey"],
            "LINK_ID": link["linkId"],
        }
        # The guides write a profile key as pk_... (pk_go... for exorlive-go); the status goes on a line of its own.
        keys = {"pk_go...": creds["profiles"]["exorlive-go"], "pk_...": creds["profiles"]["generic"]}
        script = re.sub(r"pk_(?:go)?\.\.\.", lambda match: keys[match.group(0)], block)
        script = script.replace("curl ", "curl -w '\\n%{http_code}' ", 1)
        done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, f"{where}: {done.stderr}"
    status = done.stdout.rstrip().rsplit("\n", 1)[-1]
    assert status.startswith("2"), f"{where} answered {status}: {done.stdout[:500]}"
    # The answer holds a token or a webhook's signing secret: the privacy watch looks for them in the logs.
    for value in re.findall(r'"(?:token|secret)":\s*"([^"]+)"', done.stdout):
        WATCH.watch(value)


def _python_blocks() -> list[tuple[str, str]]:
    return [
        (f"{guide.name}#{number}", block)
        for guide in GUIDES
        for number, block in enumerate(_PYTHON_BLOCK.findall(guide.read_text()))
    ]


PYTHON = _python_blocks()


@pytest.mark.parametrize(("where", "block"), PYTHON, ids=[where for where, _ in PYTHON])
def test_every_python_example_is_formatted_as_ruff_formats_it(where: str, block: str) -> None:
    compile(block, where, "exec")  # valid Python first
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", "example.py", "-"],
        input=block,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    assert formatted == block, f"{where}: run the example through `ruff format`"


def test_the_mobile_backend_passes_the_brokers_answer_on(
    app: Flask, creds: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    [source] = [block for where, block in PYTHON if where.startswith("mobile.md") and '"/sso-url"' in block]
    member = SimpleNamespace(id="m-1", first_name="Leia", last_name="Organa", clinic_id="c-1", clinic_name="Alderaan")
    with serve_wsgi(app) as base:
        monkeypatch.setenv("BROKER_URL", base)
        monkeypatch.setenv("BROKER_API_KEY", creds["apiKey"])
        monkeypatch.setenv("PROFILE_KEY", creds["profiles"]["exorlive-go"])
        example: dict[str, Any] = {"__name__": "mobile_backend"}
        exec(compile(source, "docs/mobile.md", "exec"), example)  # noqa: S102 - the guide's own example
        example["current_member"] = lambda: member
        backend = example["app"].test_client()

        signed_in = backend.post("/sso-url")
        assert signed_in.status_code == 200, signed_in.get_json()
        assert signed_in.get_json()["url"].startswith("http://127.0.0.1:")  # the sandbox's one-time session

        example["API_KEY"] = "tbk_not-a-key"  # the broker refuses the backend's key: the app hears why
        refused = backend.post("/sso-url")
        assert refused.status_code == 502
        body = refused.get_json()
        assert (body["status"], body["code"]) == (401, "unauthorized")
        assert "Authorization: Bearer" in body["detail"]
        assert body["requestId"]

        example["API_KEY"] = creds["apiKey"]
        member.first_name = ""  # an invalid payload: the field is named
        invalid = backend.post("/sso-url").get_json()
        assert (invalid["status"], invalid["code"]) == (422, "validation_failed")
        assert list(invalid["errors"]) == ["payload.contact.firstname"]

    example["BROKER"] = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    down = backend.post("/sso-url")
    assert (down.status_code, down.get_json()["code"]) == (502, "broker_unreachable")


# --- JSON bodies ---------------------------------------------------------------------------------
_REQUEST = re.compile(r"^json (GET|POST|PUT|PATCH|DELETE) (/\S+)(?: ([a-z-]+))?(?: ([1-5][0-9][0-9]))?$")
_PROFILE_KEY_PLACEHOLDERS = ("pk_…", "pk_...")
JSON_BLOCKS = [fence for guide in GUIDES for fence in _fences(guide) if fence[1].split()[:1] == ["json"]]
REQUESTS = [block for block in JSON_BLOCKS if _REQUEST.match(block[1])]


@pytest.mark.parametrize(("where", "info", "content"), JSON_BLOCKS, ids=[where for where, _, _ in JSON_BLOCKS])
def test_every_json_block_is_json_and_says_what_it_is(where: str, info: str, content: str) -> None:
    json.loads(content)
    assert _REQUEST.match(info) or info in {"json answer", "json file"}, (
        f"{where}: say what this JSON is: ```json POST /path [kind] [status], ```json answer or ```json file"
    )
    if not _REQUEST.match(info):
        # A body to send that is not marked as one would never be sent by the test below.
        assert "profileKey" not in json.loads(content), f"{where} looks like a request body: mark it ```json POST …"


@pytest.mark.parametrize(("where", "info", "content"), REQUESTS, ids=[where for where, _, _ in REQUESTS])
def test_every_json_body_in_the_guides_gets_the_status_the_guide_says(
    app: Flask, creds: dict[str, Any], where: str, info: str, content: str
) -> None:
    found = _REQUEST.match(info)
    assert found is not None
    method, path, kind, status = found.groups()
    body = json.loads(content)
    if "profileKey" in body:
        assert kind in kinds.KINDS, f"{where}: name the payload kind of the profile after the path"
        assert body["profileKey"] in _PROFILE_KEY_PLACEHOLDERS, f"{where}: write the profile key as pk_…"
        body["profileKey"] = creds["testProfiles"][kind]
    # A builder starts with the test key (docs/bubble.md): its mails wait in the test inbox, none is sent.
    response = app.test_client().open(path, method=method, json=body, headers=bearer(creds["testApiKey"]))
    assert response.status_code == int(status or 200), f"{where}: {response.get_data(as_text=True)[:800]}"
    WATCH.watch((response.get_json() or {}).get("token", "-"))


def test_the_bubble_guide_has_a_complete_body_for_every_payload_kind() -> None:
    shown = {info.split()[3] for where, info, _ in REQUESTS if where.startswith("bubble.md:") and len(info.split()) > 3}
    assert shown == set(kinds.KINDS)


# --- test to live without surprises ----------------------------------------------------------------
def _passages(guide: Path) -> list[str]:
    """Each paragraph, list item, heading and table cell of a guide, and each line of its code blocks."""
    passages = []
    for token in _MARKDOWN.parse(guide.read_text()):
        if token.type == "inline":
            passages.append(token.content)
        elif token.type in {"fence", "code_block"}:
            passages += token.content.splitlines()
    return passages


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_wherever_a_guide_names_links_email_it_names_links_long(guide: Path) -> None:
    """A mailed link outlives the token (48 hours is usual): a key with links:email alone gets 403 for it."""
    for passage in _passages(guide):
        if "links:email" in passage:
            assert "links:long" in passage, f"{guide.name}: {passage}"
