"""The README and the guides in docs/: every link resolves inside the repository, and every `curl` in a guide
runs against a broker and gets a 2xx, so the examples cannot rot."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from tests.support.api import generate
from tests.support.paths import ROOT
from tests.support.privacy import WATCH
from tests.support.servers import serve_wsgi

GUIDES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6} (.+)$", re.M)
_SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.S)


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


def _curl_blocks() -> list[tuple[str, str]]:
    blocks = []
    for guide in GUIDES:
        for number, block in enumerate(_SHELL_BLOCK.findall(guide.read_text())):
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
        # The guides write a profile key as pk_...; the status code goes on a line of its own.
        script = block.replace("pk_...", creds["profiles"]["generic"]).replace("curl ", "curl -w '\\n%{http_code}' ", 1)
        done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, f"{where}: {done.stderr}"
    status = done.stdout.rstrip().rsplit("\n", 1)[-1]
    assert status.startswith("2"), f"{where} answered {status}: {done.stdout[:500]}"
    # The answer holds a token or a webhook's signing secret: the privacy watch looks for them in the logs.
    for value in re.findall(r'"(?:token|secret)":\s*"([^"]+)"', done.stdout):
        WATCH.watch(value)
