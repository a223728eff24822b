"""Log lines are JSON: a logged exception carries its traceback (deterministically covered, not by chance)."""

from __future__ import annotations

import json
import logging
import sys

from service.logs import JsonFormatter


def test_an_exception_is_logged_with_its_traceback() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("service.probe", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = json.loads(JsonFormatter().format(record))
    assert (line["logger"], line["level"], line["msg"]) == ("service.probe", "ERROR", "failed")
    assert line["exc"].startswith("Traceback")
    assert "ValueError: boom" in line["exc"]
