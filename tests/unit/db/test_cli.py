"""A database the CLI cannot reach is one line, `database error: …`, and exit status 3, never a traceback.

The Procfile's release line against a PostgreSQL database that does not exist is in
tests/integration/test_deploy.py; here the server is one that is not there (a closed port) and SQLite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from flask import Flask
from sqlalchemy.exc import OperationalError

from service.cli_support import DATABASE_ERROR_EXIT_STATUS, CommandGroup
from service.db.database import make_engine, unreachable
from tests.support.apps import build_app
from tests.support.paths import ROOT
from tests.support.ports import free_port

PASSWORD = "pw-never-shown-0123"  # made up; the output must never carry it
REFUSED = "connection refused; is the server running on that host and accepting TCP/IP connections?"


def _flask(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    base = {"PATH": "/usr/bin:/bin", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x"}
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "service", *args],
        cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_db_upgrade_against_a_closed_port_is_one_line() -> None:
    port = free_port()
    result = _flask({"DATABASE_URL": f"postgresql://postgres:{PASSWORD}@127.0.0.1:{port}/nc2"}, "db", "upgrade")
    assert result.returncode == DATABASE_ERROR_EXIT_STATUS == 3
    assert result.stderr.splitlines() == [
        f"database error: cannot connect to 127.0.0.1:{port}/nc2 as postgres: {REFUSED}"
    ]
    assert PASSWORD not in result.stdout + result.stderr


def test_db_upgrade_on_a_sqlite_file_it_cannot_open_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "broker.sqlite3"
    result = _flask({"DATABASE_URL": f"sqlite:///{path}"}, "db", "upgrade")
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        f"database error: cannot open the SQLite database {path}: unable to open database file"
    ]


def test_every_command_says_so(config: dict[str, Any]) -> None:
    port = free_port()
    app = build_app({**config, "DATABASE_URL": f"postgres://broker:{PASSWORD}@127.0.0.1:{port}/broker"})
    result = app.test_cli_runner().invoke(args=["tenants", "list"])
    assert result.exit_code == 3
    assert result.output == f"database error: cannot connect to 127.0.0.1:{port}/broker as broker: {REFUSED}\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_failed_statement_is_not_a_failure_to_connect(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with pytest.raises(OperationalError) as failed, engine.connect() as connection:
        connection.exec_driver_sql("SELECT * FROM no_such_table")
    engine.dispose()
    assert unreachable(str(engine.url), failed.value) is None


def test_the_password_is_never_in_the_line_even_if_the_driver_repeats_it() -> None:
    error = OperationalError("SELECT 1", {}, Exception(f"password {PASSWORD} refused"))
    error.orig.add_note("(raised while connecting to the database)")
    line = unreachable(f"postgresql://u:{PASSWORD}@db.example.org/broker", error)
    assert line == "cannot connect to db.example.org:5432/broker as u: password *** refused"


def test_every_command_group_turns_an_unreachable_database_into_one_line(app: Flask) -> None:
    groups = [
        app.cli.get_command(click.Context(app.cli), name) for name in app.cli.list_commands(click.Context(app.cli))
    ]
    assert groups
    assert all(isinstance(group, CommandGroup) for group in groups)
