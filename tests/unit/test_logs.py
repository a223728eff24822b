"""Log lines are JSON: a logged exception carries its traceback (deterministically covered, not by chance);
the server's go to stdout, the CLI's to the stream it names (stderr)."""

from __future__ import annotations

import io
import json
import logging
import sys

import pytest

from service.logs import JsonFormatter, configure_logging


def test_an_exception_is_logged_with_its_traceback() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("service.probe", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = json.loads(JsonFormatter().format(record))
    assert (line["logger"], line["level"], line["msg"]) == ("service.probe", "ERROR", "failed")
    assert line["exc"].startswith("Traceback")
    assert "ValueError: boom" in line["exc"]


def test_logs_go_to_the_stream_named_and_only_there(capsys: pytest.CaptureFixture[str]) -> None:
    stream = io.StringIO()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        configure_logging("INFO", stream)
        logging.getLogger("service.probe").warning("to the named stream")
        assert json.loads(stream.getvalue())["msg"] == "to the named stream"
        assert capsys.readouterr().out == ""
        configure_logging("INFO")  # again: its handler replaced, now on stdout
        logging.getLogger("service.probe").warning("to stdout")
        assert json.loads(capsys.readouterr().out)["msg"] == "to stdout"
        assert stream.getvalue().count("\n") == 1
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
