"""Where the project is: the root holds gunicorn.conf.py, openapi.yaml and the `service` package."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
