"""Fixtures for the key tests: a plain Secrets Manager client on the emulator."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.aws import secrets_client


@pytest.fixture
def sm(emulator: str) -> Any:
    """A plain boto3 client on the moto server, as an operator's machine or the rotation Lambda has."""
    return secrets_client(emulator, config=None)
