"""docs/admin.md's CLI lines are real: each names a command the broker has (`console users add` a group's
group's), with options it takes; the links commands and `console users add` are shown; and every `apikeys
create` that gives `links:email` gives `links:long` with it."""

from __future__ import annotations

import re
import shlex

import click
from flask import Flask

from tests.support.paths import ROOT

GUIDE = ROOT / "docs" / "admin.md"


def _cli_lines() -> list[list[str]]:
    """The guide's `flask --app service …` commands, as words (continuations joined, comments dropped)."""
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text(), re.S)
    lines = "\n".join(blocks).replace("\\\n", " ").splitlines()
    return [shlex.split(line, comments=True)[3:] for line in lines if line.startswith("flask --app service ")]


def test_every_cli_line_names_a_command_and_options_it_has(app: Flask) -> None:
    lines = _cli_lines()
    assert lines
    for words in lines:
        group = app.cli.get_command(click.Context(app.cli), words[0])
        assert isinstance(group, click.Group), words
        command = group.get_command(click.Context(group), words[1])
        depth = 2
        while isinstance(command, click.Group):  # `console users add`: a group within the group
            command = command.get_command(click.Context(command), words[depth])
            depth += 1
        assert command is not None, words
        options = {name for param in command.params for name in getattr(param, "opts", [])}
        used = {word for word in words[depth:] if word.startswith("--")}
        assert used <= options, (words, used - options)


def test_the_guide_shows_the_links_commands_and_links_long_beside_links_email() -> None:
    commands = {tuple(words[:2]) for words in _cli_lines()}
    assert {("links", "list"), ("links", "revoke"), ("console", "users")} <= commands
    listed = next(words for words in _cli_lines() if words[:2] == ["links", "list"] and "--recipient" in words)
    assert listed
    creations = [words for words in _cli_lines() if words[:2] == ["apikeys", "create"]]
    assert any("links:email" in words for words in creations)
    for words in creations:
        if "links:email" in words:
            assert "links:long" in words, words
