"""Fixtures for the key tests: a plain Secrets Manager client on the emulator."""

from __future__ import annotations

from typing import Any

import boto3
import pytest


@pytest.fixture
def sm(emulator: str) -> Any:
    """A plain boto3 client on the moto server, as an operator's machine or the rotation Lambda has."""
    return boto3.session.Session().client("secretsmanager", region_name="eu-north-1", endpoint_url=emulator)
